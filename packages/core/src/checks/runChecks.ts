import { policyStaleEntry, waiverKey } from './policyStaleEntry';
import { CHECKS } from './registry';
import { Reporter } from './report';
import { policySubject, subjectsOf } from './subjects';
import type {
  CheckContext,
  CheckDefinition,
  CheckResult,
  CheckStatus,
} from './types';
import { applyWaivers } from './waivers';

export interface RunChecksOptions {
  /** Run only these check ids. */
  only?: readonly string[];
  /** Leave these check ids out. */
  skip?: readonly string[];
  /** The checks to choose from; defaults to `CHECKS` (pass more to add a box's own checks). */
  checks?: readonly CheckDefinition[];
}

/**
 * Runs every enabled check over a box, applies the policy's waivers, and returns the results
 * sorted (failures first, then unknown, waived, pass; within a status by severity, check,
 * file and line). Never throws: a check that crashes yields one `unknown` result saying so.
 */
export function runChecks(
  context: CheckContext,
  options: RunChecksOptions = {},
): CheckResult[] {
  const { policy } = context;
  const all = options.checks ?? CHECKS;
  const known = new Set(all.map(c => c.id));
  const selected = all.filter(
    check =>
      policy.checks[check.id]?.enabled !== false &&
      (!options.only || options.only.includes(check.id)) &&
      !options.skip?.includes(check.id),
  );
  const results = selected.flatMap(check => runOne(check, context));
  const uses = applyWaivers(results, policy.waivers, context.now);

  if (selected.some(c => c.id === policyStaleEntry.id)) {
    const byKey = new Map(
      results
        .filter(r => r.checkId === policyStaleEntry.id)
        .map(r => [r.detail, r]),
    );
    const ran = new Set(selected.map(c => c.id));
    for (const use of uses) {
      const result = byKey.get(waiverKey(use.waiver));
      if (!result || result.status !== 'pass') continue;
      const { waiver } = use;
      if (!known.has(waiver.check)) {
        result.status = 'fail';
        result.message = `waiver names check \`${waiver.check}\`, which does not exist`;
      } else if (!ran.has(waiver.check)) {
        result.status = 'unknown';
        result.message = `waiver of ${waiver.check} for ${waiver.entity}: that check did not run, so its use is unknown`;
      } else if (use.matchedFailures === 0) {
        result.status = 'fail';
        result.message =
          use.matched > 0
            ? `waiver of ${waiver.check} for ${waiver.entity} is no longer needed: that finding passes now`
            : `waiver of ${waiver.check} for ${waiver.entity} matches no result of that check (misspelt entity?)`;
      }
    }
    const report = new Reporter(policyStaleEntry, context);
    for (const [id, override] of Object.entries(policy.checks)) {
      if (known.has(id)) continue;
      report.fail(
        policySubject(`checks ${id}`, `checks.${id}`),
        override.source,
        `policy configures check \`${id}\`, which does not exist`,
        `checks ${id}`,
      );
    }
    results.push(...report.results);
  }
  return sortResults(results);
}

function runOne(check: CheckDefinition, context: CheckContext): CheckResult[] {
  try {
    return check.run(context);
  } catch (error) {
    const report = new Reporter(check, context);
    report.unknown(
      subjectsOf(context).box(),
      undefined,
      `check ${check.id} failed: ${
        error instanceof Error ? error.message : String(error)
      }`,
      'crash',
    );
    return report.results;
  }
}

const STATUS_ORDER: Record<CheckStatus, number> = {
  fail: 0,
  unknown: 1,
  waived: 2,
  pass: 3,
};
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function compareText(a: string | undefined, b: string | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  if (x === y) return 0;
  return x < y ? -1 : 1;
}

export function sortResults(results: CheckResult[]): CheckResult[] {
  return results.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.checkId, b.checkId) ||
      compareText(a.tree, b.tree) ||
      compareText(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      compareText(a.entity, b.entity) ||
      compareText(a.detail, b.detail),
  );
}
