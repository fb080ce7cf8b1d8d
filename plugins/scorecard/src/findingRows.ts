import type {
  ScorecardCheckInfo,
  ScorecardFinding,
  ScorecardRun,
} from '@quadlet-portal/plugin-scorecard-common';

/** One line of the findings table: a result, its box, and whether it failed for the first time. */
export interface FindingRow {
  /** Unique over every box shown: `<box>|<fingerprint>`. */
  id: string;
  box: string;
  finding: ScorecardFinding;
  /** Fails now and did not fail in the box's previous successful run. */
  isNew: boolean;
  check?: ScorecardCheckInfo;
}

/**
 * The rows of one run. Only `fail` rows can be new, and only when there is a previous run to
 * compare with: the backend counts every failure of a box's first run as new, which says nothing
 * to a reader ("new since the last run" needs a last run).
 */
export function rowsOfRun(
  run: Pick<
    ScorecardRun,
    'box' | 'results' | 'newFingerprints' | 'previousRunId'
  >,
  checks: readonly ScorecardCheckInfo[],
): FindingRow[] {
  const fresh = new Set(
    run.previousRunId === undefined ? [] : run.newFingerprints,
  );
  const byId = new Map(checks.map(c => [c.id, c]));
  return run.results.map((finding, index) => ({
    // The fingerprint is unique within a run; the index guards against a backend that repeats one.
    id: `${run.box}|${finding.fingerprint}|${index}`,
    box: run.box,
    finding,
    isNew: finding.status === 'fail' && fresh.has(finding.fingerprint),
    check: byId.get(finding.checkId),
  }));
}

/** `tree:path:line` as the CLI prints it; the line is left out when unknown. */
export function placeText(finding: ScorecardFinding): string | undefined {
  if (!finding.file) return undefined;
  const tree = finding.tree ? `${finding.tree}:` : '';
  const line = finding.line && finding.line > 0 ? `:${finding.line}` : '';
  return `${tree}${finding.file}${line}`;
}

/** The short name of a finding's subject for people: `piler.container`, `kernel arguments`. */
export function subjectName(finding: ScorecardFinding): string {
  return finding.entityName || finding.entity;
}
