import {
  DECISION_ID,
  toDecisionId,
  type DecisionId,
  type DecisionKind,
} from './decisionId';

/** A place that names a decision. */
export interface DecisionCitation extends DecisionId {
  /** File path, or `commit:<sha>` for a commit message. */
  file: string;
  /** 1-based line (in a commit message: 1 is the subject). */
  line: number;
  /** Full sha when the citation is in a commit message, else null. */
  commit: string | null;
}

/** Finds every decision id in a text, with its line, in one pass. */
export function findDecisionCitations(
  file: string,
  text: string,
  commit: string | null = null,
): DecisionCitation[] {
  const out: DecisionCitation[] = [];
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(DECISION_ID)) {
    const at = match.index ?? 0;
    for (; counted < at; counted++) if (text.charCodeAt(counted) === 10) line++;
    out.push({
      ...toDecisionId(match[1] as DecisionKind, match[2]),
      file,
      line,
      commit,
    });
  }
  return out;
}

/** Binary files (a NUL byte early on) are not searched. */
export function looksBinary(content: Buffer): boolean {
  const end = Math.min(content.length, 8000);
  for (let i = 0; i < end; i++) if (content[i] === 0) return true;
  return false;
}
