import { parseDecisionId } from '../formats/decisions/decisionId';
import type { Waiver } from '../policy/types';
import { docsAnchor, Reporter } from './report';
import { policySubject } from './subjects';
import type { CheckDefinition } from './types';
import { unitNames } from './unitKnownBroken';

const ID = 'policy-stale-entry';

/** The detail (and subject id) of a waiver's result: the same waiver across runs, whatever line it moved to. */
export function waiverKey(
  waiver: Pick<Waiver, 'check' | 'entity' | 'detail'>,
): string {
  return `waiver ${waiver.check} ${waiver.entity}${
    waiver.detail !== undefined ? ` ${waiver.detail}` : ''
  }`;
}

export const policyStaleEntry: CheckDefinition = {
  id: ID,
  title: 'Policy entry that no longer matches the box',
  severity: 'warning',
  rationale:
    'A waiver for a misspelt unit silently waives nothing; a waiver whose finding is fixed, or a known-broken entry ' +
    'for a removed unit, keeps telling readers about problems that are gone. Waivers and declarations must cite ' +
    'decision records the box actually has.',
  remediation:
    "Fix the entry's check id, entity or decision, or delete it. Waivers are matched against the results of the " +
    'check they name: by entity key, entity ref, unit name (`cockpit.container`, `cockpit`, `cockpit.service`), ' +
    'model id, hostname, `os`, `kernel-args` or decision id.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const report = new Reporter(policyStaleEntry, context);
    const { policy, inventory } = context;
    const recorded = new Set(
      inventory.decisions
        .filter(d => d.status === 'defined')
        .map(d => parseDecisionId(d.id)?.key ?? d.id),
    );
    const isRecorded = (id: string) =>
      recorded.has(parseDecisionId(id)?.key ?? id);
    const names = new Set<string>();
    for (const unit of [...inventory.units, ...inventory.systemdUnits])
      for (const n of unitNames(unit)) names.add(n);

    for (const entry of policy.knownBroken.units) {
      const key = `knownBroken ${entry.unit}`;
      const subject = policySubject(key, `knownBroken ${entry.unit}`);
      const problems: string[] = [];
      if (!names.has(entry.unit))
        problems.push(
          `names unit \`${entry.unit}\`, which the box does not have`,
        );
      if (entry.decision && !isRecorded(entry.decision))
        problems.push(`cites ${entry.decision}, which the box does not record`);
      if (problems.length > 0)
        report.fail(
          subject,
          entry.source,
          `known-broken entry ${problems.join(' and ')}`,
          key,
        );
      else
        report.pass(
          subject,
          entry.source,
          `known-broken entry for ${entry.unit} matches a unit`,
          key,
        );
    }
    for (const waiver of policy.waivers) {
      const key = waiverKey(waiver);
      const subject = policySubject(
        key,
        `waiver ${waiver.check} for ${waiver.entity}`,
      );
      if (!isRecorded(waiver.decision)) {
        report.fail(
          subject,
          waiver.source,
          `waiver of ${waiver.check} for ${waiver.entity} cites ${waiver.decision}, which the box does not record`,
          key,
        );
      } else {
        // runChecks turns this into a failure when the waiver matches no failing result.
        report.pass(
          subject,
          waiver.source,
          `waiver of ${waiver.check} for ${waiver.entity} cites recorded decision ${waiver.decision}`,
          key,
        );
      }
    }
    return report.results;
  },
};
