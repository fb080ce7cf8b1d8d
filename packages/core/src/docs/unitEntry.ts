import type { InventoryUnit, VolumeMount } from '../inventory/types';
import { aliasAnchor, modelAnchor, resourceAnchor, serviceAnchor, servicePath } from './anchors';
import { dependsOnText, installText, neededByText } from './dependencies';
import { documentationItems } from './documentationLinks';
import { envItems } from './envFacts';
import type { GuideContext } from './guideContext';
import { imageLine } from './imageFacts';
import type { Linker } from './links';
import { blocks, code, heading, link, listText, quote, text } from './markdown';
import { problemItems } from './problems';
import { networkItem, portItem, routingItems } from './routing';
import { secretsLine } from './secretNames';
import { field, fields, type SectionSpec } from './section';
import { decisionsText } from './decisionRefs';
import { upgradeText } from './upgradeSteps';

const TYPE_WORDS: Record<string, string> = {
  container: 'quadlet container',
  pod: 'quadlet pod',
  kube: 'quadlet kube',
};

const SCOPE_WORDS: Record<InventoryUnit['scope'], string> = {
  user: 'rootless user service',
  system: 'system service',
  unknown: 'service',
};

/** A mounted volume: the quadlet volume linked to its row, or the host path and its repository file. */
function volumeItem(ctx: GuideContext, l: Linker, mount: VolumeMount): string {
  const to = mount.to ? ` → ${code(mount.to)}` : '';
  const options = mount.options ? ` (${code(mount.options)})` : '';
  if (mount.kind === 'unit' && mount.from) {
    const target = ctx.unitsByName.get(mount.from);
    const planned = target && ctx.plan.units.get(target.id);
    return `${link(code(mount.from), planned ? l.to(resourceAnchor(planned.name)) : undefined)}${to}${options}`;
  }
  if (mount.kind === 'host' && mount.from) {
    const repo = mount.repoSource ? `, from ${l.place({ tree: mount.repoSource.tree, path: mount.repoSource.path })}` : ', host data (not in the repositories)';
    return `${code(mount.from)}${to}${options}${repo}`;
  }
  if (mount.kind === 'named' && mount.from) return `podman volume ${code(mount.from)}${to}${options}`;
  return `anonymous volume${to}${options}`;
}

/** The quadlet facts only some units have: devices, groups, podman flags, models, aliases. */
function extraFields(ctx: GuideContext, l: Linker, unit: InventoryUnit): (string | undefined)[] {
  const flags = [...new Set(unit.podmanArgs.filter(w => w.startsWith('-')).map(w => w.replace(/=.*$/, '')))];
  const models = ctx.modelsServedBy(unit.id).map(m => {
    const planned = ctx.plan.modelById.get(m.id);
    return link(code(m.id), planned ? l.to(modelAnchor(planned.name)) : undefined);
  });
  const aliases = ctx.aliasesBehind(unit.id).map(a => {
    const planned = ctx.plan.aliasByName.get(a.name);
    return link(code(a.name), planned ? l.to(aliasAnchor(planned.name)) : undefined);
  });
  return [
    field('Devices', unit.devices.length > 0 ? listText(unit.devices.map(code)) : undefined),
    field('Groups', unit.groupAdd.length > 0 ? listText(unit.groupAdd.map(code)) : undefined),
    field('Podman flags', flags.length > 0 ? listText(flags.map(code)) : undefined),
    field('Models', models.length > 0 ? listText(models) : undefined),
    field('Aliases', aliases.length > 0 ? listText(aliases) : undefined),
  ];
}

/** Where the unit comes from: its file, drop-ins, and how chezmoi or systemd templates shape it. */
export function sourceItems(
  l: Linker,
  unit: Pick<InventoryUnit, 'source' | 'dropIns' | 'target'> & Partial<Pick<InventoryUnit, 'chezmoiTemplate' | 'systemdTemplate'>>,
): string[] {
  const items = [`${l.place({ tree: unit.source.tree, path: unit.source.path })}${unit.target ? ` → ${code(unit.target)}` : ''}`];
  for (const dropIn of unit.dropIns) items.push(`drop-in ${l.place({ tree: dropIn.tree, path: dropIn.path })}`);
  const lines = unit.chezmoiTemplate?.templateLines ?? [];
  if (lines.length > 0) items.push(`chezmoi template: line${lines.length === 1 ? '' : 's'} ${lines.join(', ')} depend on the machine it is applied on`);
  const template = unit.systemdTemplate;
  if (template?.template) items.push('systemd template: one service per instance name');
  else if (template?.instance !== undefined) items.push(`instance ${code(template.instance)}${template.readFrom ? ` of ${code(template.readFrom)}` : ''}`);
  return items;
}

/** The reference entry of one quadlet container, pod or kube unit. */
export function unitEntrySection(ctx: GuideContext, unit: InventoryUnit): SectionSpec {
  const planned = ctx.plan.units.get(unit.id)!;
  const id = serviceAnchor(planned.name);
  const scope = SCOPE_WORDS[unit.scope];
  return {
    id,
    kind: 'service',
    title: planned.name,
    path: servicePath(planned.name),
    parent: 'services',
    entityRefs: [planned.ref],
    unitIds: [unit.id],
    render(l) {
      const files = [
        { tree: unit.source.tree, path: unit.source.path },
        ...unit.dropIns.map(d => ({ tree: d.tree, path: d.path })),
        ...unit.envFiles.flatMap(r => {
          const file = ctx.envFiles.get(r.envFile)?.file;
          return file ? [file] : [];
        }),
      ];
      const problems = problemItems(ctx, l, { key: `unit:${unit.id}`, files, comment: unit.leadingComment });
      const edit = unit.image?.source ?? unit.source;
      return blocks(
        heading(3, text(planned.name), id),
        `${code(unit.name)} · ${TYPE_WORDS[unit.type] ?? unit.type} · ${scope} ${code(unit.serviceName)}`,
        unit.leadingComment.trim() !== '' && quote(unit.leadingComment),
        fields(
          ...documentationItems(unit.documentation).map(d => field(d.label, d.value)),
          field('Image', unit.image ? imageLine(unit.image, l) : undefined),
          field('Role', unit.description ? text(unit.description) : 'no `Description=`'),
          field('Ports', unit.ports.length > 0 ? unit.ports.map(portItem) : 'none published'),
          field('Routing', routingItems(ctx, l, unit)),
          field('Network', networkItem(unit)),
          field('Env', envItems(unit.envFiles, unit.environment, ctx.envFiles, l).length > 0 ? envItems(unit.envFiles, unit.environment, ctx.envFiles, l) : 'none'),
          field('Secrets', secretsLine(unit.secrets, unit.environment, unit.envFiles, ctx.envFiles)),
          field('Volumes', unit.volumes.length > 0 ? unit.volumes.map(v => volumeItem(ctx, l, v)) : undefined),
          ...extraFields(ctx, l, unit),
          field('Depends on', dependsOnText(ctx, l, unit.dependencies) ?? 'nothing declared'),
          field('Needed by', neededByText(ctx, l, unit.id)),
          field('Started by', installText(unit.wantedBy, unit.requiredBy) ?? 'nothing (`[Install]` names no target)'),
          field('Decisions', decisionsText(ctx, l, unit.decisions)),
          field('Source', sourceItems(l, unit)),
          field('Known problems', problems.length > 0 ? problems : 'none known'),
          field('Upgrade', upgradeText(ctx, l, unit, edit, unit.image ? 'Edit `Image=` at' : 'Edit')),
        ),
      );
    },
  };
}
