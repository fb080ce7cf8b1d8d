import type { InventoryUnit } from '../inventory/types';
import type { EntityLike } from './entityLike';
import { isComponentUnit } from './entityRefs';
import type { MappingContext } from './mappingContext';
import { compact } from './compact';
import type { UnitQuadletSpec } from './quadletSpec';
import { imageAnnotations, imageTags, safeDocumentation, scrubSettingValue, type UnitFacts } from './unitFacts';

/** What other entities say about a unit: hostnames routed to it, models and aliases it serves. */
export interface UnitReverseFacts {
  hostnames: Map<string, UnitQuadletSpec['hostnames']>;
  serves: Map<string, string[]>;
}

/**
 * A quadlet unit as a Component (container, pod, kube: `spec.type` `quadlet-<type>`) or a
 * Resource (volume, network, image, build, artifact), with `dependsOn` from its unit
 * references and `[Unit]` dependencies and its facts under `spec.quadlet`.
 */
export function unitEntity(
  ctx: MappingContext,
  facts: UnitFacts,
  unit: InventoryUnit,
  unitIdsByName: ReadonlyMap<string, string>,
  reverse: UnitReverseFacts,
): EntityLike {
  const planned = ctx.plan.units.get(unit.id)!;
  const places = ctx.places;
  const refOf = (name: string | undefined) => (name === undefined ? undefined : facts.refOfUnitName(name, unitIdsByName));
  const { facts: dependencies, dependsOn } = facts.dependencies(unit.dependencies, planned.ref);
  const env = facts.envFileFacts(unit.envFiles);

  const component = isComponentUnit(unit);
  const quadlet: UnitQuadletSpec = compact({
    kind: 'quadlet-unit' as const,
    unitType: unit.type,
    unitFile: unit.name,
    serviceName: unit.serviceName,
    scope: unit.scope,
    target: unit.target,
    resourceName: unit.resourceName,
    resourceNamePattern: unit.resourceNamePattern,
    description: unit.description,
    leadingComment: unit.leadingComment,
    documentation: safeDocumentation(unit.documentation),
    source: places.place(unit.source),
    dropIns: facts.dropIns(unit.dropIns),
    template: unit.systemdTemplate && { ...unit.systemdTemplate },
    chezmoiTemplateLines: unit.chezmoiTemplate && [...unit.chezmoiTemplate.templateLines],
    image: unit.image && facts.image(unit.image, unitIdsByName),
    ports: unit.ports.map(p => compact({ text: p.text, hostIp: p.hostIp, hostPort: p.hostPort, containerPort: p.containerPort, protocol: p.protocol, source: places.place(p.source) })),
    volumes: unit.volumes.map(v =>
      compact({
        text: v.text,
        kind: v.kind,
        from: v.from,
        to: v.to,
        options: v.options,
        homeTarget: v.homeTarget,
        repoSource: v.repoSource && { ...places.file(v.repoSource.tree, v.repoSource.path), directory: v.repoSource.directory },
        ref: v.kind === 'unit' ? refOf(v.from) : undefined,
        source: places.place(v.source),
      }),
    ),
    networks: unit.networks.map(n =>
      compact({ text: n.text, kind: n.kind, name: n.name, options: n.options, ref: n.kind === 'unit' ? refOf(n.name) : undefined, source: places.place(n.source) }),
    ),
    networkAliases: [...unit.networkAliases],
    pod: unit.pod === undefined ? undefined : compact({ name: unit.pod, ref: refOf(unit.pod) }),
    environment: facts.names(unit.environment),
    envFiles: env.facts,
    secrets: unit.secrets.map(x => compact({ name: x.name, type: x.type, target: x.target, source: places.place(x.source) })),
    devices: [...unit.devices],
    groupAdd: [...unit.groupAdd],
    // Only resources get their other keys: a container's (HealthCmd=, Entrypoint=…) are command lines.
    settings: component
      ? undefined
      : unit.otherKeys.map(k => ({ section: k.section, key: k.key, value: scrubSettingValue(k.value), source: places.place(k.source) })),
    dependencies,
    hostnames: reverse.hostnames.get(unit.id) ?? [],
    serves: reverse.serves.get(unit.id) ?? [],
    decisions: ctx.cite(planned.ref, unit.decisions, env.decisions),
  });

  const spec = compact({
    type: `quadlet-${unit.type}`,
    lifecycle: component ? 'production' : undefined,
    owner: ctx.owner,
    system: ctx.system,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    quadlet,
  });

  return ctx.entity(planned, {
    description: unit.description,
    source: unit.source,
    annotations: {
      'quadlet-portal.io/unit-file': unit.name,
      'quadlet-portal.io/service-name': unit.serviceName,
      ...imageAnnotations(unit.image),
    },
    tags: [
      ...imageTags(unit.image),
      unit.systemdTemplate?.template === true && 'template',
      unit.systemdTemplate?.instance !== undefined && 'template-instance',
      unit.chezmoiTemplate !== undefined && 'chezmoi-template',
      unit.dependencies.some(d => !d.resolved && !d.wellKnown) && 'unresolved-dependency',
    ],
    documentation: safeDocumentation(unit.documentation),
    spec,
  });
}
