import type { ScorecardFinding } from '@quadlet-portal/plugin-scorecard-common';

/** What changed between two runs' results, by fingerprint (`checkId|entity|detail`). */
export interface FindingDiff {
  /** Fail in `to`, not in `from`. */
  new: ScorecardFinding[];
  /** Fail in `from`, not in `to` (as `from` had them). */
  resolved: ScorecardFinding[];
  /** Fail in both (as `to` has them). */
  stillFailing: ScorecardFinding[];
}

/**
 * Compares the failures of two runs. Fingerprints ignore lines, so a finding that moved is
 * still the same finding; a waived or undecided result is not a failure.
 */
export function diffFindings(
  from: readonly ScorecardFinding[],
  to: readonly ScorecardFinding[],
): FindingDiff {
  const failing = (results: readonly ScorecardFinding[]) =>
    new Map(
      results.filter(r => r.status === 'fail').map(r => [r.fingerprint, r]),
    );
  const before = failing(from);
  const after = failing(to);
  return {
    new: [...after.values()].filter(r => !before.has(r.fingerprint)),
    resolved: [...before.values()].filter(r => !after.has(r.fingerprint)),
    stillFailing: [...after.values()].filter(r => before.has(r.fingerprint)),
  };
}
