import { compareText } from '../entities/compareText';
import type { TreeSummary } from '../inventory/types';
import { GUIDE_FILES } from './anchors';
import { serviceComponents } from './components';
import { unitRefText } from './dependencies';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { blocks, bullets, code, count, heading, link, listText, table, text } from './markdown';
import { problemItems } from './problems';
import { field, fields, type SectionSpec } from './section';
import { systemctl } from './upgradeSteps';

const ROLE_TEXT: Record<TreeSummary['role'], string> = {
  dotfiles: 'app layer',
  os: 'OS image',
  other: 'other files',
};

/** What one repository holds, counted from the inventory. */
function holdings(ctx: GuideContext, tree: string): string {
  const inv = ctx.inventory;
  const parts: string[] = [];
  const quadlets = inv.units.filter(u => u.source.tree === tree);
  if (quadlets.length > 0) {
    const byType = new Map<string, number>();
    for (const u of quadlets) byType.set(u.type, (byType.get(u.type) ?? 0) + 1);
    const kinds = [...byType.entries()].sort((a, b) => compareText(a[0], b[0])).map(([type, n]) => count(n, type));
    parts.push(`${count(quadlets.length, 'quadlet')} (${kinds.join(', ')})`);
  }
  const systemd = inv.systemdUnits.filter(u => u.source.tree === tree);
  if (systemd.length > 0) parts.push(`${count(systemd.length, 'plain systemd unit')} (${listText(systemd.map(u => `${code(u.name)}${u.overrideOnly ? ' drop-in' : ''}`))})`);
  const envFiles = inv.envFiles.filter(e => e.file?.tree === tree);
  if (envFiles.length > 0) parts.push(count(envFiles.length, 'env file'));
  if (inv.caddy.some(c => c.tree === tree)) parts.push('the Caddy configuration');
  if (inv.cloudflared.some(c => c.tree === tree)) parts.push('the cloudflared tunnel ingress');
  if (inv.models.some(m => m.config.tree === tree)) parts.push('the llama-swap model list');
  if (inv.aliases.some(a => a.config.tree === tree)) parts.push('the LiteLLM aliases');
  if (inv.os?.source.tree === tree) parts.push('the OS image definition');
  const kargs = inv.kernelArgs.filter(k => k.source.tree === tree);
  if (kargs.length > 0) parts.push(count(kargs.length, 'kernel argument'));
  const records = inv.decisions.filter(d => d.definition?.tree === tree);
  if (records.length > 0) parts.push(count(records.length, 'decision record'));
  if (inv.distroboxes.some(b => b.source.tree === tree)) parts.push(count(inv.distroboxes.filter(b => b.source.tree === tree).length, 'distrobox container'));
  return parts.length > 0 ? parts.join(', ') : 'nothing the portal reads';
}

function scopeText(scope: string): string {
  if (scope === 'user') return `rootless user units (${code(systemctl('user'))})`;
  if (scope === 'system') return `system units (${code(systemctl('system'))})`;
  return 'units of unknown scope';
}

/** The split between the trees: which layer lives where, and how each is applied. */
function splitText(ctx: GuideContext): string[] {
  const lines: string[] = [];
  for (const tree of ctx.inventory.trees) {
    const units = [...ctx.inventory.units, ...ctx.inventory.systemdUnits].filter(u => u.source.tree === tree.name);
    const scopes = [...new Set(units.map(u => u.scope))].sort();
    const how = scopes.map(scopeText);
    if (tree.role === 'os') {
      lines.push(`${code(tree.name)} is the OS: it builds the bootable image${how.length > 0 ? ` and carries ${listText(how)}` : ''}. A change there ships as a new image.`);
    } else if (tree.role === 'dotfiles') {
      const chezmoi = tree.chezmoiRoot !== undefined ? `a chezmoi source${tree.chezmoiRoot ? ` (root ${code(tree.chezmoiRoot)})` : ''}` : 'a dotfiles tree';
      lines.push(`${code(tree.name)} is the app layer, ${chezmoi}${how.length > 0 ? ` with ${listText(how)}` : ''}. A change there is applied on the running box, no reboot.`);
    } else {
      lines.push(`${code(tree.name)} holds ${how.length > 0 ? listText(how) : 'configuration'}.`);
    }
  }
  return lines;
}

/** OS and hardware facts the trees state: the image, its packages, kernel arguments, devices, host data. */
function osFields(ctx: GuideContext, l: Linker): string {
  const os = ctx.inventory.os;
  const devices = new Map<string, string[]>();
  const hostData = new Map<string, string[]>();
  for (const unit of ctx.inventory.units) {
    for (const d of unit.devices) devices.set(d, [...(devices.get(d) ?? []), unit.id]);
    for (const v of unit.volumes) {
      if (v.kind === 'host' && v.from && !v.repoSource) hostData.set(v.from, [...(hostData.get(v.from) ?? []), unit.id]);
    }
  }
  const usedBy = (map: Map<string, string[]>) =>
    [...map.entries()]
      .sort((a, b) => compareText(a[0], b[0]))
      .map(([what, ids]) => `${code(what)} (${listText([...new Set(ids)].map(id => unitRefText(ctx, l, id)))})`);
  const arches = [...new Set(ctx.inventory.kernelArgs.flatMap(k => k.architectures))].sort();
  const problems = problemItems(ctx, l, { key: 'os:os', files: os ? [{ tree: os.source.tree, path: os.source.path }] : [] });
  return fields(
    field(
      'Distribution',
      os ? `${text([os.distribution, os.release].filter(Boolean).join(' ') || 'not stated')}${os.architecture ? `, ${code(os.architecture)}` : ''} (${l.short(os.source)})` : 'not stated: no OS tree with an mkosi project was read',
    ),
    field('Image', os && (os.imageId || os.format || os.imageVersion) ? [os.imageId && code(os.imageId), os.imageVersion && `version ${code(os.imageVersion)}`, os.format && `format ${code(os.format)}`].filter(Boolean).join(', ') : undefined),
    field('Base image', os?.baseImage ? code(os.baseImage) : undefined),
    field('Packages', os && os.packages.length > 0 ? `${os.packages.length}: ${[...os.packages].sort().map(code).join(', ')}` : undefined),
    field(
      'Kernel arguments',
      ctx.inventory.kernelArgs.length > 0
        ? `${link(count(ctx.inventory.kernelArgs.length, 'argument'), l.to('kernel-args'))}${arches.length > 0 ? ` for ${listText(arches.map(code))}` : ''}`
        : undefined,
    ),
    field('Devices passed to containers', devices.size > 0 ? listText(usedBy(devices)) : undefined),
    field('Host data mounted', hostData.size > 0 ? usedBy(hostData) : undefined),
    field('Known problems', problems.length > 0 ? problems : undefined),
  );
}

/** The README's first part: what the box is, its repositories and their split, OS and hardware, contents. */
export function overviewSection(ctx: GuideContext): SectionSpec {
  return {
    id: 'overview',
    kind: 'overview',
    title: 'What this box is',
    path: GUIDE_FILES.readme,
    entityRefs: [ctx.plan.system.ref],
    unitIds: [],
    rows: [{ anchor: 'os-and-hardware', keys: ctx.plan.osImage ? [ctx.plan.osImage.ref] : [] }],
    render(l) {
      const inv = ctx.inventory;
      const services = serviceComponents(ctx);
      const containers = services.filter(s => s.kind === 'quadlet').length;
      const plain = services.filter(s => s.kind === 'systemd').length;
      const boxes = services.filter(s => s.kind === 'distrobox').length;
      const resources = inv.units.length - containers;
      const summary = [
        containers > 0 && `${count(containers, 'quadlet service')}${resources > 0 ? ` (with ${count(resources, 'volume, network or image unit', 'volume, network and image units')})` : ''}`,
        plain > 0 && count(plain, 'plain systemd service or timer', 'plain systemd services and timers'),
        boxes > 0 && count(boxes, 'distrobox container'),
        inv.hostnames.length > 0 && count(inv.hostnames.length, 'public hostname'),
        inv.models.length > 0 && count(inv.models.length, 'local model'),
        inv.aliases.length > 0 && count(inv.aliases.length, 'model alias', 'model aliases'),
      ].filter((s): s is string => typeof s === 'string');
      const errors = inv.diagnostics.filter(d => d.severity === 'error' && !ctx.isGenerated(d.tree ?? '', d.file)).length;
      const warnings = inv.diagnostics.filter(d => d.severity === 'warning' && !ctx.isGenerated(d.tree ?? '', d.file)).length;
      const trees = inv.trees.map(t => [code(t.name), `${ROLE_TEXT[t.role]} (${t.roleFrom === 'given' ? 'given' : `detected from ${code(t.roleFrom)}`})`, holdings(ctx, t.name)]);
      const contents = [
        `${link('Services', l.to('services'))}: the inventory, then one reference entry per service`,
        `${link('Resources', l.to('resources'))}: volumes, networks and other quadlet resources`,
        `${link('Models and aliases', l.to('models'))}`,
        `${link('Hostnames', l.to('hostnames'))}: each public name and the chain that reaches its container`,
        `${link('Kernel arguments', l.to('kernel-args'))}, with the reasons written next to them`,
        `${link('Decisions', l.to('decisions'))}: the records and who cites them`,
        `${link('Known broken and open problems', l.to('known-broken'))}`,
        `${link('Upgrade loop', l.to('upgrade'))}: how a change reaches the box`,
      ];
      return blocks(
        `# ${text(ctx.box)}: handoff guide`,
        '*Generated by `quadlet-portal docs` from the repositories of the box. Change the repositories, then generate it again; edits made here are lost.*',
        heading(2, 'What this box is', 'overview'),
        `${code(ctx.box)} runs ${summary.length > 0 ? listText(summary) : 'nothing the portal recognises'}, described by ${count(inv.trees.length, 'repository', 'repositories')}. Reading them gives ${count(errors, 'error')} and ${count(warnings, 'warning')}.`,
        table(['Repository', 'Role', 'What it holds'], trees),
        bullets(splitText(ctx)),
        heading(3, 'OS and hardware', 'os-and-hardware'),
        osFields(ctx, l),
        heading(3, 'Contents'),
        bullets(contents),
      );
    },
  };
}
