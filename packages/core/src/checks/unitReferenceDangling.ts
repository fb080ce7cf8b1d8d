import type { DependencyEdge } from '../inventory/types';
import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition, CheckSubject } from './types';

const ID = 'unit-reference-dangling';

export const unitReferenceDangling: CheckDefinition = {
  id: ID,
  title: 'Reference to a unit the box does not define',
  severity: 'error',
  rationale:
    'A `Requires=`, `Wants=`, `After=`, `Volume=`, `Network=` or `Pod=` naming a unit that neither the box nor ' +
    'systemd/podman provides breaks at start: quadlet refuses a missing `.volume`/`.network`, systemd fails a ' +
    'missing `Requires=` and silently ignores a missing `Wants=` (a dependency that never happens).',
  remediation:
    'Add the missing unit to the box, fix the name (quadlet files are named `x.volume`, their services ' +
    '`x-volume.service`), or remove the reference.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(unitReferenceDangling, context);
    const judge = (
      subject: CheckSubject,
      edges: readonly DependencyEdge[],
      where: { tree: string; path: string; line: number },
    ) => {
      let problems = 0;
      for (const edge of edges) {
        if (edge.resolved || edge.wellKnown) continue;
        problems++;
        const detail = `${edge.key}=${edge.target}`;
        if (edge.target.includes('%')) {
          report.unknown(
            subject,
            edge.source,
            `\`${detail}\` uses a specifier resolved only at run time`,
            detail,
          );
        } else {
          const means =
            edge.service !== edge.target ? ` (${edge.service})` : '';
          report.fail(
            subject,
            edge.source,
            `\`${detail}\` names a unit${means} that the box does not define and that is not a known system unit`,
            detail,
          );
        }
      }
      if (problems === 0)
        report.pass(
          subject,
          where,
          `every unit reference of ${subject.name} resolves`,
        );
    };
    for (const unit of context.inventory.units)
      judge(subjects.unit(unit), unit.dependencies, unit.source);
    for (const unit of context.inventory.systemdUnits)
      judge(subjects.systemdUnit(unit), unit.dependencies, unit.source);
    return report.results;
  },
};
