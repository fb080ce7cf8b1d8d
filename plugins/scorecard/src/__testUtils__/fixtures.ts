import type {
  ScorecardBoxSummary,
  ScorecardCheckInfo,
  ScorecardFinding,
  ScorecardHistoryPoint,
  ScorecardRun,
  ScorecardRunSummary,
  ScorecardScore,
  ScorecardStatusCounts,
} from '@quadlet-portal/plugin-scorecard-common';
import sodimo from '../__fixtures__/sodimo.json';

/*
 * `__fixtures__/sodimo.json` is real core output: `runChecks` over `examples/sodimo` (offline,
 * the box's own policy) on 1 March 2026 (the cockpit floating-tag waiver still applies) and on
 * 1 May 2026 (it has expired), keeping the results of a few subjects (piler, cockpit, paperclip,
 * caddy, the kernel arguments, qwen3-30b, archive.sodimo.eu, D-106, D-171), with `scoreOf` over
 * them and the check list (`CHECKS` without `run`). The runs around them are built here the way
 * the backend stores them.
 */

export const checks = sodimo.checks as ScorecardCheckInfo[];

/** The one result a GitHub-read tree would carry a link for (the backend adds `url`). */
export const PILER_URL =
  'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container#L1';

function withUrls(results: ScorecardFinding[]): ScorecardFinding[] {
  return results.map(r =>
    r.checkId === 'unit-known-broken' && r.entityName === 'piler.container'
      ? { ...r, url: PILER_URL }
      : r,
  );
}

function countsOf(results: readonly ScorecardFinding[]): ScorecardStatusCounts {
  const counts = { fail: 0, unknown: 0, waived: 0, pass: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}

const failing = (results: readonly ScorecardFinding[]) =>
  results.filter(r => r.status === 'fail').map(r => r.fingerprint);

function run(
  id: number,
  day: string,
  source: { results: unknown[]; score: { box: unknown; byCheck: unknown } },
  previous?: ScorecardRun,
): ScorecardRun {
  const results = withUrls(source.results as ScorecardFinding[]);
  const before = new Set(previous ? failing(previous.results) : []);
  return {
    id,
    box: 'sodimo',
    trigger: 'schedule',
    status: 'succeeded',
    startedAt: `${day}T06:00:00.000Z`,
    finishedAt: `${day}T06:00:04.000Z`,
    trees: [
      {
        name: 'dotfiles',
        source: '../../examples/sodimo/dotfiles',
        commit: '3f2a9c1d0e',
      },
      { name: 'harness', source: '../../examples/sodimo/harness' },
    ],
    score: source.score.box as ScorecardScore,
    counts: countsOf(results),
    online: { images: false, knownBrokenIssues: false },
    scoreByCheck: source.score.byCheck as Record<string, ScorecardScore>,
    results,
    newFingerprints: failing(results).filter(f => !before.has(f)),
    previousRunId: previous?.id,
  };
}

export const marchRun = run(1, '2026-03-01', sodimo.march);
export const mayRun = run(2, '2026-05-01', sodimo.may, marchRun);

export function summaryOf(r: ScorecardRun): ScorecardRunSummary {
  const { scoreByCheck, results, newFingerprints, previousRunId, ...summary } =
    r;
  return summary;
}

export function historyOf(r: ScorecardRun): ScorecardHistoryPoint {
  return {
    runId: r.id,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt!,
    score: r.score!,
    byCheck: r.scoreByCheck,
    counts: r.counts!,
  };
}

export const sodimoBox: ScorecardBoxSummary = {
  box: 'sodimo',
  title: 'Sodimo harness',
  owner: 'group:default/box-admins',
  latest: summaryOf(mayRun),
};

/** A box configured but never checked. */
export const bazziteBox: ScorecardBoxSummary = {
  box: 'bazzite',
  title: 'Bazzite dev box',
  owner: 'group:default/box-admins',
};

/** A result by check and subject name, failing loudly when the fixture changes. */
export function findingOf(
  r: ScorecardRun,
  checkId: string,
  entityName: string,
): ScorecardFinding {
  const found = r.results.find(
    x => x.checkId === checkId && x.entityName === entityName,
  );
  if (!found) throw new Error(`no ${checkId} result on ${entityName}`);
  return found;
}
