import { findDecisionCitations, type DecisionCitation } from './citations';

/** A commit as `gitLog.ts` reads it (or as any other source supplies it). */
export interface CommitRecord {
  sha: string;
  subject: string;
  body: string;
}

/**
 * Citations in commit messages. Lines count as in `git show`: the subject is line 1 and
 * the body starts on line 3, after the blank line git puts between them.
 */
export function citationsFromCommits(
  commits: readonly CommitRecord[],
): DecisionCitation[] {
  const out: DecisionCitation[] = [];
  for (const commit of commits) {
    const file = `commit:${commit.sha}`;
    for (const c of findDecisionCitations(file, commit.subject, commit.sha))
      out.push(c);
    for (const c of findDecisionCitations(file, commit.body, commit.sha))
      out.push({ ...c, line: c.line + 2 });
  }
  return out;
}
