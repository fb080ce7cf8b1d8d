import type { KnownBrokenUnit } from '../policy/types';
import { docsAnchor, placeText, Reporter } from './report';
import { subjectsOf, unitBaseName } from './subjects';
import type { CheckDefinition, KnownBrokenIssue, CheckSubject } from './types';

const ID = 'unit-known-broken';

/** The names people use for a unit: `piler.container`, `piler`, `piler.service`, or its id. */
export function unitNames(unit: {
  id: string;
  name: string;
  serviceName?: string;
}): Set<string> {
  const names = new Set([unit.id, unit.name, unitBaseName(unit.name)]);
  if (unit.serviceName) names.add(unit.serviceName);
  return names;
}

function declaredText(entry: KnownBrokenUnit): string {
  const refs = [entry.issue, entry.decision].filter(Boolean).join(', ');
  const where = entry.source ? `; declared at ${placeText(entry.source)}` : '';
  return `${entry.reason}${refs ? ` (${refs})` : ''}${where}`;
}

export const unitKnownBroken: CheckDefinition = {
  id: ID,
  title: 'Unit known to be broken',
  severity: 'error',
  rationale:
    'A unit the team knows does not work (declared in the policy, or named by an open issue with the known-broken ' +
    'label) is part of the box as shipped: whoever inherits the box must see it, with the reason and the issue, ' +
    'rather than find out at 3 a.m.',
  remediation:
    'Repair the unit and remove its `knownBroken.units` entry (or close the labelled issue). A unit that will not ' +
    'be repaired soon should be removed from the box.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(unitKnownBroken, context);
    const declared = context.policy.knownBroken.units;
    const issues = context.online?.knownBrokenIssues;
    const label = context.policy.knownBroken.label;
    const judge = (
      subject: CheckSubject,
      names: Set<string>,
      where: { tree: string; path: string; line: number },
    ) => {
      const entries = declared.filter(e => names.has(e.unit));
      const open: KnownBrokenIssue[] = (issues ?? []).filter(i =>
        names.has(i.unit),
      );
      if (entries.length > 0 || open.length > 0) {
        const parts = [
          ...entries.map(declaredText),
          ...open.map(
            i =>
              `open issue labelled ${label ?? 'known-broken'}: "${i.title}" ${
                i.url
              }`,
          ),
        ];
        report.fail(
          subject,
          where,
          `${subject.name} is known broken: ${parts.join('; ')}`,
        );
      } else if (label !== null && issues === undefined) {
        report.unknown(
          subject,
          where,
          `not declared broken in the policy; GitHub issues labelled \`${label}\` were not looked up`,
        );
      } else {
        report.pass(subject, where, `${subject.name} is not declared broken`);
      }
    };
    for (const unit of context.inventory.units)
      judge(subjects.unit(unit), unitNames(unit), unit.source);
    for (const unit of context.inventory.systemdUnits)
      judge(subjects.systemdUnit(unit), unitNames(unit), unit.source);
    return report.results;
  },
};
