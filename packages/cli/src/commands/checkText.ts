import { checkById, type CheckResult } from '@quadlet-portal/core';
import {
  countsOf,
  dayOf,
  failuresAtOrAbove,
  placeOf,
  scoreText,
  type CheckReport,
  type FailOn,
} from './checkReport';

/**
 * The report for people: failures grouped by check (severity, title, then one
 * `file:line  subject: message` line each), waived findings with their decision and expiry,
 * what stayed undecided, the score, and what the exit code means.
 */
export function formatCheckText(report: CheckReport, failOn: FailOn): string {
  const out: string[] = [];
  const trees = report.trees.map(t => t.name).join(', ');
  out.push(
    `Box ${report.box}: ${report.trees.length} tree${
      report.trees.length === 1 ? '' : 's'
    } (${trees}); policy ${
      report.policyFiles.length > 0
        ? report.policyFiles.join(', ')
        : 'defaults (no .quadlet-portal/policy.yaml)'
    }; checked at ${dayOf(report.now)}, ${
      report.online ? 'online' : 'offline'
    }`,
  );

  const failures = report.results.filter(r => r.status === 'fail');
  for (const [checkId, group] of groupByCheck(failures)) {
    const title = checkById(checkId)?.title ?? checkId;
    const severity = group[0].severity;
    out.push('', `${severity} ${checkId}: ${title} (${group.length})`);
    for (const r of group) out.push(`  ${line(report, r)}`);
  }

  const waived = report.results.filter(r => r.status === 'waived');
  if (waived.length > 0) {
    out.push('', `Waived (${waived.length}):`);
    // The message already ends with the waiver: `(waived until <expiry>: <reason>, <decision>)`.
    for (const r of waived) out.push(`  ${r.checkId} ${line(report, r)}`);
  }

  const unknown = report.results.filter(r => r.status === 'unknown');
  if (unknown.length > 0) {
    const perCheck = [...groupByCheck(unknown)]
      .map(([id, group]) => `${id} ${group.length}`)
      .join(', ');
    const offline =
      !report.online && unknown.some(r => r.checkId === 'image-tag-missing');
    out.push(
      '',
      `Undecided (${unknown.length}): ${perCheck}${
        offline ? ' (image-tag-missing: --online asks the registries)' : ''
      }`,
    );
  }

  const counts = countsOf(report.results);
  const bySeverity = (['error', 'warning', 'info'] as const)
    .filter(s => counts.failBySeverity[s] > 0)
    .map(
      s =>
        `${counts.failBySeverity[s]} ${s}${
          counts.failBySeverity[s] === 1 ? '' : 's'
        }`,
    )
    .join(', ');
  out.push(
    '',
    `Score ${scoreText(report.card)}; ${counts.fail} failing${
      bySeverity ? ` (${bySeverity})` : ''
    }, ${counts.waived} waived, ${counts.unknown} undecided, ${
      counts.pass
    } passing`,
  );
  const blocking = failuresAtOrAbove(report.results, failOn);
  out.push(resultLine(failOn, blocking.length));
  return `${out.join('\n')}\n`;
}

function resultLine(failOn: FailOn, blocking: number): string {
  if (failOn === 'never') return 'Result: --fail-on never, exit 0';
  if (blocking > 0)
    return `Result: ${blocking} failing at or above ${failOn}, exit 1`;
  return `Result: nothing failing at or above ${failOn}, exit 0`;
}

function line(report: CheckReport, r: CheckResult): string {
  return `${placeOf(report, r)}  ${r.entityName}: ${r.message}`;
}

/** Groups in the results' order (the sort puts errors first, then by check id). */
function groupByCheck(
  results: readonly CheckResult[],
): Map<string, CheckResult[]> {
  const groups = new Map<string, CheckResult[]>();
  for (const r of results) {
    const group = groups.get(r.checkId);
    if (group) group.push(r);
    else groups.set(r.checkId, [r]);
  }
  return groups;
}
