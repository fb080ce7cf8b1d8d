import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'quadlet-resource-unused';

const RESOURCE_TYPES = new Set([
  'volume',
  'network',
  'pod',
  'image',
  'build',
  'artifact',
]);

export const quadletResourceUnused: CheckDefinition = {
  id: ID,
  title: 'Volume, network, pod or image unit no unit uses',
  severity: 'info',
  rationale:
    'A `.volume`/`.network`/`.pod`/`.image` unit exists to be referenced by a container. One that nothing ' +
    'references is either waiting for a unit still to be written, or left over from one that was removed.',
  remediation:
    'Reference it from the unit that needs it (`Volume=x.volume:/path`), or delete it.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(quadletResourceUnused, context);
    const used = new Set<string>();
    for (const unit of [
      ...context.inventory.units,
      ...context.inventory.systemdUnits,
    ]) {
      for (const edge of unit.dependencies) {
        if (edge.targetId && edge.targetId !== unit.id) used.add(edge.targetId);
      }
    }
    for (const unit of context.inventory.units) {
      if (!RESOURCE_TYPES.has(unit.type)) continue;
      const subject = subjects.unit(unit);
      if (used.has(unit.id))
        report.pass(subject, unit.source, `${unit.name} is used`);
      else
        report.fail(
          subject,
          unit.source,
          `${unit.name} is defined but no unit references it`,
        );
    }
    return report.results;
  },
};
