import type { AliasDeployment, LocalModel, ModelAlias } from '../inventory/types';
import { aliasAnchor, GUIDE_FILES, modelAnchor } from './anchors';
import { decisionsText } from './decisionRefs';
import { unitRefText } from './dependencies';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { blocks, code, count, heading, link, listText, text } from './markdown';
import { problemItems } from './problems';
import { field, fields, type SectionSpec } from './section';

function modelLink(ctx: GuideContext, l: Linker, id: string): string {
  const planned = ctx.plan.modelById.get(id);
  return link(code(id), planned ? l.to(modelAnchor(planned.name)) : undefined);
}

function aliasLink(ctx: GuideContext, l: Linker, name: string): string {
  const planned = ctx.plan.aliasByName.get(name);
  return link(code(name), planned ? l.to(aliasAnchor(planned.name)) : undefined);
}

/** Aliases with a deployment that lands on this model. */
function aliasesOf(ctx: GuideContext, model: LocalModel): string[] {
  const names = ctx.inventory.aliases
    .filter(a => a.deployments.some(d => d.resolution.kind === 'local' && d.resolution.model === model.id))
    .map(a => a.name);
  return [...new Set(names)];
}

function modelSection(ctx: GuideContext, model: LocalModel, index: number): SectionSpec {
  const planned = ctx.plan.models[index];
  const id = modelAnchor(planned.name);
  return {
    id,
    kind: 'model',
    title: model.id,
    path: GUIDE_FILES.models,
    parent: 'models',
    entityRefs: [planned.ref],
    unitIds: [],
    render(l) {
      const problems = problemItems(ctx, l, { key: `model:${model.id}`, files: [] });
      const litellm = aliasesOf(ctx, model).map(name => aliasLink(ctx, l, name));
      return blocks(
        heading(3, text(model.id), id),
        fields(
          field('Name', model.displayName ? text(model.displayName) : undefined),
          field('llama-swap aliases', model.aliases.length > 0 ? listText(model.aliases.map(code)) : undefined),
          field('LiteLLM aliases', litellm.length > 0 ? listText(litellm) : 'none: only reachable by its id'),
          field('Groups', model.groups.length > 0 ? listText(model.groups.map(code)) : undefined),
          field('TTL', ttlText(model.ttl)),
          field('Proxy', model.proxy ? code(model.proxy) : undefined),
          field('Model file', model.modelPath ? code(model.modelPath) : undefined),
          field('Server flags', model.cmdFlags.length > 0 ? listText(model.cmdFlags.map(code)) : undefined),
          field('Served by', model.server ? unitRefText(ctx, l, model.server.id) : 'no container found that serves it'),
          field('Decisions', decisionsText(ctx, l, model.decisions)),
          field('Source', l.place(model.source)),
          field('Known problems', problems.length > 0 ? problems : 'none known'),
        ),
      );
    },
  };
}

function ttlText(ttl: number | undefined): string | undefined {
  if (ttl === undefined) return undefined;
  return ttl === 0 ? '0 (stays loaded)' : `${ttl} s`;
}

function resolutionText(ctx: GuideContext, l: Linker, r: AliasDeployment['resolution']): string {
  switch (r.kind) {
    case 'local':
      return `local model ${modelLink(ctx, l, r.model)}${r.server ? ` on ${unitRefText(ctx, l, r.server.id)}` : ''}`;
    case 'cloud':
      return `cloud provider ${code(r.provider)}`;
    case 'endpoint':
      return `endpoint ${code(r.url)}`;
    default:
      return `**unresolved**: ${text(r.reason)}`;
  }
}

function deploymentText(ctx: GuideContext, l: Linker, d: AliasDeployment): string {
  const to = resolutionText(ctx, l, d.resolution);
  const base = d.apiBase ? `, API base ${code(d.apiBase)}` : '';
  const env = d.envNames.length > 0 ? `, reads ${listText(d.envNames.map(code))}` : '';
  return `${code(d.model)} → ${to}${base}${env} (${l.short(d.source)})`;
}

function aliasSection(ctx: GuideContext, alias: ModelAlias, index: number): SectionSpec {
  const planned = ctx.plan.aliases[index];
  const id = aliasAnchor(planned.name);
  return {
    id,
    kind: 'alias',
    title: alias.name,
    path: GUIDE_FILES.models,
    parent: 'aliases',
    entityRefs: [planned.ref],
    unitIds: [],
    render(l) {
      const problems = problemItems(ctx, l, { key: `alias:${alias.name}`, files: [] });
      return blocks(
        heading(3, text(alias.name), id),
        fields(
          field('Routes to', alias.deployments.map(d => deploymentText(ctx, l, d))),
          field('Fallbacks', alias.fallbacks.length > 0 ? listText(alias.fallbacks.map(f => aliasLink(ctx, l, f))) : undefined),
          field('Gateway', alias.gateway ? unitRefText(ctx, l, alias.gateway.id) : 'no gateway container found'),
          field('Decisions', decisionsText(ctx, l, alias.decisions)),
          field('Source', l.place(alias.source)),
          field('Known problems', problems.length > 0 ? problems : 'none known'),
        ),
      );
    },
  };
}

/** Local models (llama-swap) and the aliases callers use (LiteLLM), one entry each. */
export function modelSections(ctx: GuideContext): SectionSpec[] {
  const inv = ctx.inventory;
  const configs = (list: { config: { tree: string; path: string } }[]) =>
    [...new Map(list.map(x => [`${x.config.tree}:${x.config.path}`, x.config])).values()];
  const header: SectionSpec = {
    id: 'models',
    kind: 'models',
    title: 'Models',
    path: GUIDE_FILES.models,
    entityRefs: [],
    unitIds: [],
    render(l) {
      return blocks(
        heading(2, 'Models', 'models'),
        inv.models.length > 0
          ? `${count(inv.models.length, 'local model')} from ${listText(configs(inv.models).map(c => l.place(c)))}. A caller names an alias; LiteLLM sends it to a local model or a cloud provider.`
          : 'No llama-swap model list was found.',
      );
    },
  };
  const aliasHeader: SectionSpec = {
    id: 'aliases',
    kind: 'models',
    title: 'Aliases',
    path: GUIDE_FILES.models,
    entityRefs: [],
    unitIds: [],
    render(l) {
      return blocks(
        heading(2, 'Aliases', 'aliases'),
        inv.aliases.length > 0 ? `${count(inv.aliases.length, 'alias', 'aliases')} from ${listText(configs(inv.aliases).map(c => l.place(c)))}.` : 'No LiteLLM alias was found.',
      );
    },
  };
  return [
    header,
    ...inv.models.map((m, i) => modelSection(ctx, m, i)),
    aliasHeader,
    ...inv.aliases.map((a, i) => aliasSection(ctx, a, i)),
  ];
}
