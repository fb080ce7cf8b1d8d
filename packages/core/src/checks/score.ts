import type { CheckResult } from './types';

export interface Score {
  /** passing / (passing + failing), from 0 to 1; null when no subject is decided. */
  score: number | null;
  /** Subjects with no failing result and at least one passing or waived one. */
  passing: number;
  /** Subjects with at least one failing result. */
  failing: number;
  /** Subjects with only `unknown` results: left out of the score. */
  unknown: number;
  /** Subjects with at least one waived result (counted as passing). */
  waived: number;
}

export interface Scorecard {
  /** Over the box's subjects, `info` results left out. */
  box: Score;
  /** Per check id, over that check's subjects (its own severity, `info` included). */
  byCheck: Record<string, Score>;
}

/**
 * The score is the share of subjects (units, models, hostnames, the OS, the kernel arguments,
 * decisions…) that pass: a subject fails when any of its results fails, passes when none fails
 * and one passes or is waived, and is undecided (left out) when all its results are unknown.
 * The box score ignores `info` results; a check's own score counts all of its results.
 */
export function scoreOf(results: readonly CheckResult[]): Scorecard {
  const byCheck: Record<string, Score> = {};
  const checks = new Map<string, CheckResult[]>();
  for (const result of results) {
    const list = checks.get(result.checkId);
    if (list) list.push(result);
    else checks.set(result.checkId, [result]);
  }
  for (const id of [...checks.keys()].sort())
    byCheck[id] = scoreOfSubjects(checks.get(id)!);
  return {
    box: scoreOfSubjects(results.filter(r => r.severity !== 'info')),
    byCheck,
  };
}

function scoreOfSubjects(results: readonly CheckResult[]): Score {
  const state = new Map<
    string,
    { fail: boolean; pass: boolean; waived: boolean }
  >();
  for (const result of results) {
    let s = state.get(result.entity);
    if (!s) {
      s = { fail: false, pass: false, waived: false };
      state.set(result.entity, s);
    }
    if (result.status === 'fail') s.fail = true;
    if (result.status === 'pass') s.pass = true;
    if (result.status === 'waived') s.waived = true;
  }
  const score: Score = {
    score: null,
    passing: 0,
    failing: 0,
    unknown: 0,
    waived: 0,
  };
  for (const s of state.values()) {
    if (s.fail) score.failing++;
    else if (s.pass || s.waived) score.passing++;
    else score.unknown++;
    if (s.waived) score.waived++;
  }
  const decided = score.passing + score.failing;
  score.score = decided === 0 ? null : score.passing / decided;
  return score;
}
