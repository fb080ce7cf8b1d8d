import type { AliasResolution, LocalModel, ModelAlias, UnitLink } from '../inventory/types';
import { compact } from './compact';
import type { EntityLike } from './entityLike';
import type { MappingContext } from './mappingContext';
import type { AliasQuadletSpec, AliasResolutionFact, ModelQuadletSpec, ServingUnit } from './quadletSpec';

/**
 * A llama-swap model as a Resource (`llm-model`) that depends on the container serving it.
 * `aliasRefs` are the LiteLLM alias entities resolving to it.
 */
export function modelEntity(ctx: MappingContext, model: LocalModel, index: number, aliasRefs: readonly string[]): EntityLike {
  const planned = ctx.plan.models[index];
  const server = servingUnit(ctx, model.server);
  const quadlet: ModelQuadletSpec = compact({
    kind: 'model' as const,
    id: model.id,
    displayName: model.displayName,
    aliases: [...model.aliases],
    aliasRefs: [...aliasRefs].sort(),
    groups: [...model.groups],
    ttl: model.ttl,
    proxy: model.proxy,
    flags: model.cmdArgs.map(arg => ({ ...arg })),
    modelPath: model.modelPath,
    config: ctx.places.file(model.config.tree, model.config.path),
    source: ctx.places.place(model.source),
    server,
    decisions: ctx.cite(planned.ref, model.decisions),
  });
  return ctx.entity(planned, {
    title: model.displayName,
    description: `llama-swap model ${model.id}${server ? ` served by ${server.name}` : ''}`,
    source: model.source,
    annotations: { 'quadlet-portal.io/model-id': model.id },
    tags: [model.server === undefined && 'no-server'],
    spec: compact({
      type: 'llm-model',
      owner: ctx.owner,
      system: ctx.system,
      dependsOn: server?.ref ? [server.ref] : undefined,
      quadlet,
    }),
  });
}

/**
 * A LiteLLM alias as a Resource (`llm-alias`) that depends on the local models it resolves to
 * and on the gateway container that serves it: alias → model → llama-swap.
 */
export function aliasEntity(ctx: MappingContext, alias: ModelAlias, index: number): EntityLike {
  const planned = ctx.plan.aliases[index];
  const gateway = servingUnit(ctx, alias.gateway);
  const dependsOn = new Set<string>();
  const deployments = alias.deployments.map(d => {
    const resolution = resolutionFact(ctx, d.resolution);
    if (resolution.modelRef) dependsOn.add(resolution.modelRef);
    return compact({
      model: d.model,
      provider: d.provider,
      apiBase: d.apiBase,
      envNames: [...d.envNames],
      resolution,
      source: ctx.places.place(d.source),
    });
  });
  if (gateway?.ref) dependsOn.add(gateway.ref);

  const quadlet: AliasQuadletSpec = compact({
    kind: 'alias' as const,
    name: alias.name,
    resolved: alias.resolved,
    deployments,
    fallbacks: alias.fallbacks.map(name => compact({ name, ref: ctx.plan.aliasByName.get(name)?.ref })),
    config: ctx.places.file(alias.config.tree, alias.config.path),
    source: ctx.places.place(alias.source),
    gateway,
    decisions: ctx.cite(planned.ref, alias.decisions),
  });
  const targets = [...new Set(deployments.map(d => d.resolution.model ?? d.resolution.provider ?? d.resolution.url ?? d.resolution.kind))];
  return ctx.entity(planned, {
    description: `LiteLLM alias ${alias.name} → ${targets.join(', ') || 'nothing'}`,
    source: alias.source,
    annotations: { 'quadlet-portal.io/alias': alias.name },
    tags: [!alias.resolved && 'unresolved-alias', ...alias.deployments.map(d => `route-${d.resolution.kind}`)],
    spec: compact({
      type: 'llm-alias',
      owner: ctx.owner,
      system: ctx.system,
      dependsOn: dependsOn.size > 0 ? [...dependsOn].sort() : undefined,
      quadlet,
    }),
  });
}

function servingUnit(ctx: MappingContext, link: UnitLink | undefined): ServingUnit | undefined {
  if (!link) return undefined;
  return compact({ name: link.name, reason: link.reason, ref: (ctx.plan.units.get(link.id) ?? ctx.plan.systemdUnits.get(link.id))?.ref });
}

function resolutionFact(ctx: MappingContext, resolution: AliasResolution): AliasResolutionFact {
  switch (resolution.kind) {
    case 'local':
      return compact({ kind: 'local' as const, model: resolution.model, modelRef: ctx.plan.modelById.get(resolution.model)?.ref, via: resolution.via });
    case 'cloud':
      return { kind: 'cloud', provider: resolution.provider };
    case 'endpoint':
      return { kind: 'endpoint', url: resolution.url };
    default:
      return { kind: 'unresolved', reason: resolution.reason };
  }
}
