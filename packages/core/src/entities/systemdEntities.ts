import type { InventorySystemdUnit } from '../inventory/types';
import type { EntityLike } from './entityLike';
import type { MappingContext } from './mappingContext';
import { compact } from './compact';
import type { SystemdUnitQuadletSpec } from './quadletSpec';
import { imageAnnotations, imageTags, safeDocumentation, type UnitFacts } from './unitFacts';

/**
 * A plain systemd service or timer of the box (an ETL job, a drain, the tunnel) as a Component
 * (`systemd-service` / `systemd-timer`). A timer depends on the unit it starts.
 */
export function systemdUnitEntity(
  ctx: MappingContext,
  facts: UnitFacts,
  unit: InventorySystemdUnit,
  unitIdsByName: ReadonlyMap<string, string>,
): EntityLike {
  const planned = ctx.plan.systemdUnits.get(unit.id)!;
  const { facts: dependencies, dependsOn } = facts.dependencies(unit.dependencies, planned.ref);
  const env = facts.envFileFacts(unit.envFiles);
  const unitType = unit.type === 'timer' ? 'timer' : 'service';

  const activates = unit.activates && unit.dependencies.find(d => d.kind === 'triggers' && d.target === unit.activates);
  const quadlet: SystemdUnitQuadletSpec = compact({
    kind: 'systemd-unit' as const,
    unitType,
    unitFile: unit.name,
    scope: unit.scope,
    target: unit.target,
    description: unit.description,
    leadingComment: unit.leadingComment,
    documentation: safeDocumentation(unit.documentation),
    source: ctx.places.place(unit.source),
    dropIns: facts.dropIns(unit.dropIns),
    // Arguments can carry credentials (`curl -u user:pass`); the program alone says what runs.
    commands: unit.execStart.map(line => line.split(/\s+/)[0]).filter(word => word !== ''),
    onCalendar: [...unit.onCalendar],
    activates: unit.activates === undefined ? undefined : compact({ name: unit.activates, ref: facts.refOfUnit(activates ? activates.targetId : undefined) }),
    environment: facts.names(unit.environment),
    envFiles: env.facts,
    images: unit.images.map(image => compact({ ...facts.image(image, unitIdsByName), via: image.via, script: image.script && ctx.places.place(image.script) })),
    dependencies,
    decisions: ctx.cite(planned.ref, unit.decisions, env.decisions),
  });
  const spec = compact({
    type: `systemd-${unitType}`,
    lifecycle: 'production',
    owner: ctx.owner,
    system: ctx.system,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    quadlet,
  });

  const image = unit.images[0];
  return ctx.entity(planned, {
    description: unit.description,
    source: unit.source,
    annotations: {
      'quadlet-portal.io/unit-file': unit.name,
      'quadlet-portal.io/service-name': unit.name,
      ...imageAnnotations(image),
    },
    tags: [...imageTags(image), unit.dependencies.some(d => !d.resolved && !d.wellKnown) && 'unresolved-dependency'],
    documentation: safeDocumentation(unit.documentation),
    spec,
  });
}
