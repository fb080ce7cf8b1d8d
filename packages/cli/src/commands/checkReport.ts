import path from 'node:path';
import type { CheckResult, Scorecard, Severity } from '@quadlet-portal/core';

/** What one `check` run found, with what the output formats need to point at files. */
export interface CheckReport {
  box: string;
  /** The time waivers were judged at. */
  now: Date;
  /** Whether the registry was asked (`--online`). */
  online: boolean;
  /** Each tree's name and absolute folder. */
  trees: { name: string; dir: string }[];
  /** The policy files read, as `tree:path`. */
  policyFiles: string[];
  /** Every result, sorted as `runChecks` sorts them. */
  results: CheckResult[];
  card: Scorecard;
  /** The folder paths are shown relative to (the repository root in CI). */
  cwd: string;
}

/** The level a `--fail-on` names; `never` fails on nothing. */
export type FailOn = 'error' | 'warning' | 'never';

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The failures at or above the `--fail-on` level: they make the exit code 1. */
export function failuresAtOrAbove(
  results: readonly CheckResult[],
  failOn: FailOn,
): CheckResult[] {
  if (failOn === 'never') return [];
  return results.filter(
    r => r.status === 'fail' && RANK[r.severity] <= RANK[failOn],
  );
}

/** A result's file relative to `report.cwd`, with `/` separators (the form SARIF and people read). */
export function displayPath(
  report: CheckReport,
  result: { tree?: string; file?: string },
): string | undefined {
  if (result.file === undefined) return undefined;
  const tree = report.trees.find(t => t.name === result.tree);
  const absolute = tree ? path.join(tree.dir, result.file) : result.file;
  const relative = path.relative(report.cwd, absolute) || '.';
  return relative.split(path.sep).join('/');
}

/** `path:line`, `path`, or the subject when the result names no file. */
export function placeOf(report: CheckReport, result: CheckResult): string {
  const file = displayPath(report, result);
  if (file === undefined) return result.entityName;
  return result.line ? `${file}:${result.line}` : file;
}

/** Results per status and, for failures, per severity. */
export function countsOf(results: readonly CheckResult[]) {
  const counts = {
    fail: 0,
    unknown: 0,
    waived: 0,
    pass: 0,
    failBySeverity: { error: 0, warning: 0, info: 0 } as Record<
      Severity,
      number
    >,
  };
  for (const r of results) {
    counts[r.status]++;
    if (r.status === 'fail') counts.failBySeverity[r.severity]++;
  }
  return counts;
}

/** `69% (52 of 75 subjects pass)`, or `no subject decided`. */
export function scoreText(card: Scorecard): string {
  const { score, passing, failing } = card.box;
  if (score === null) return 'no subject decided';
  return `${Math.round(score * 100)}% (${passing} of ${
    passing + failing
  } subjects pass)`;
}

/** `YYYY-MM-DD` of a date, UTC. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}
