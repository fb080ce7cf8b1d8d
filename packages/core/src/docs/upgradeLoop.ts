import { posix } from 'node:path';
import { compareText } from '../entities/compareText';
import type { SourceRef, UnitScope } from '../inventory/types';
import { GUIDE_FILES, serviceAnchor } from './anchors';
import { serviceComponents, type ServiceComponent } from './components';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { blocks, bullets, code, heading, link, listText, table } from './markdown';
import { isLoopback } from './routing';
import type { SectionSpec } from './section';
import { journalctl, shipsWithImage, systemctl } from './upgradeSteps';

/** How to see that a service came back: its public URL, its loopback port, or its status. */
function verifyCell(ctx: GuideContext, c: ServiceComponent): string {
  if (c.kind === 'quadlet') {
    const hosts = [...new Set(ctx.routesTo(c.unit.id).map(r => r.hostname))].filter(h => !h.startsWith('*.'));
    if (hosts.length > 0) return listText(hosts.map(h => code(`https://${h}/`)));
    const port = c.unit.ports.find(p => isLoopback(p) && p.hostPort !== undefined);
    if (port) return code(`curl -sS http://127.0.0.1:${port.hostPort}/`);
  }
  if (c.kind === 'systemd' && c.unit.type === 'timer') return code(`${systemctl(c.unit.scope)} list-timers ${c.unit.name}`);
  if (c.kind === 'distrobox') return code(`distrobox enter ${c.box.name}`);
  return code(`${systemctl(c.unit.scope)} status ${c.kind === 'quadlet' ? c.unit.serviceName : c.unit.name}`);
}

/** One row of the app table: what to edit, what to restart, how to check. */
function appRow(ctx: GuideContext, l: Linker, c: ServiceComponent): string[] {
  const name = link(code(c.name), l.to(serviceAnchor(c.name)));
  if (c.kind === 'distrobox') {
    const file = c.box.source.path.slice(c.box.source.path.lastIndexOf('/') + 1);
    return [name, l.short(c.box.source), code(`distrobox assemble create --replace --file ${file} --name ${c.box.name}`), verifyCell(ctx, c)];
  }
  const edit: SourceRef = c.kind === 'quadlet' ? c.unit.image?.source ?? c.unit.source : c.unit.source;
  const service = c.kind === 'quadlet' ? c.unit.serviceName : c.unit.name;
  return [name, l.short(edit), code(`${systemctl(c.unit.scope)} restart ${service}`), verifyCell(ctx, c)];
}

function scopeWords(scopes: readonly UnitScope[]): { ctl: string; journal: string; who: string } {
  const unique = [...new Set(scopes)];
  if (unique.length === 1 && unique[0] === 'system') return { ctl: systemctl('system'), journal: journalctl('system'), who: 'as an administrator' };
  const who = unique.includes('system') ? 'as the user that runs the services (system units: as an administrator, with `sudo`)' : 'as the user that runs the services';
  return { ctl: systemctl('user'), journal: journalctl('user'), who };
}

function appLoop(ctx: GuideContext, l: Linker, tree: string, services: ServiceComponent[]): string {
  const units = services.flatMap(c => (c.kind === 'distrobox' ? [] : [c.unit]));
  const folders = new Map<string, string | undefined>();
  for (const u of ctx.inventory.units.filter(x => x.source.tree === tree)) {
    folders.set(posix.dirname(u.source.path), u.target ? posix.dirname(u.target) : undefined);
  }
  const where = [...folders.entries()]
    .sort((a, b) => compareText(a[0], b[0]))
    .map(([from, to]) => {
      const source = from === '.' ? `the root of ${code(tree)}` : l.place({ tree, path: `${from}/` });
      if (!to || to === '.') return source;
      return `${source} → ${code(to.startsWith('/') ? `${to}/` : `~/${to}/`)}`;
    });
  const { ctl, journal, who } = scopeWords(units.map(u => u.scope));
  const chezmoi = ctx.chezmoiRoot(tree) !== undefined;
  const steps = [
    `Change the file in ${code(tree)} (for an image bump: the \`Image=\` line, column *Edit* below) and commit it; a reviewed commit is the record of the change.`,
    chezmoi
      ? `On the box, ${who}: ${code('chezmoi update')} (pulls the commit and applies it; ${code('chezmoi apply')} when the source is already up to date).`
      : `On the box, ${who}: copy the changed files to where they land.`,
    `${code(`${ctl} daemon-reload`)}: quadlet turns the unit files into services again.`,
    `${code(`${ctl} restart <service>`)} (column *Restart*). Nothing needs a reboot.`,
    `Check it: ${code(`${ctl} status <service>`)}, ${code(`${journal} -u <service>`)}, and the route or port in column *Verify*.`,
    `To roll back, revert the commit and run steps 2 to 4 again. Never change a running container by hand: the next restart undoes it.`,
  ];
  return blocks(
    heading(3, `App layer: ${code(tree)}`, appLoopAnchor(tree)),
    where.length > 0 ? `Quadlets live in ${listText(where)}.` : undefined,
    steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
    services.length > 0 && table(['Service', 'Edit', 'Restart', 'Verify'], services.map(c => appRow(ctx, l, c))),
  );
}

/** Anchor of a tree's app loop: `upgrade-app-dotfiles`. */
export function appLoopAnchor(tree: string): string {
  return `upgrade-app-${tree.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
}

/** Anchor of an OS tree's loop: the first is `upgrade-os` (entries link there). */
export function osLoopAnchor(tree: string, index: number): string {
  return index === 0 ? 'upgrade-os' : `upgrade-os-${tree.toLowerCase().replace(/[^a-z0-9._-]+/g, '-')}`;
}

function osLoop(ctx: GuideContext, l: Linker, tree: string, index: number): string {
  const inv = ctx.inventory;
  const what: string[] = [];
  if (inv.os?.source.tree === tree) what.push(`release and packages: ${l.short(inv.os.source)}`);
  const kargFiles = [...new Map(inv.kernelArgs.filter(k => k.source.tree === tree).map(k => [k.source.path, k.source])).values()];
  if (kargFiles.length > 0) what.push(`kernel arguments: ${listText(kargFiles.map(s => l.short({ tree: s.tree, path: s.path })))}`);
  const systemUnits = [...inv.systemdUnits, ...inv.units].filter(u => u.source.tree === tree);
  if (systemUnits.length > 0) what.push(`units: ${listText(systemUnits.map(u => l.short({ tree: u.source.tree, path: u.source.path })))}`);
  const tunnels = inv.cloudflared.filter(c => c.tree === tree);
  if (tunnels.length > 0) what.push(`tunnel ingress (public hostnames): ${listText(tunnels.map(c => l.short({ tree: c.tree, path: c.path })))}`);
  const steps = [
    `Change the file in ${code(tree)} and commit it.`,
    `Build the image from the repository${inv.os?.imageId ? ` (mkosi image ${code(inv.os.imageId)})` : ''}, usually in CI, and push it to the registry the box follows.`,
    `On the box: ${code('sudo bootc upgrade')} (or ${code('sudo bootc switch <image>:<tag>')} for another tag), then ${code('sudo systemctl reboot')}.`,
    `Check it: ${code('sudo bootc status')}, ${code('cat /proc/cmdline')} for kernel arguments, ${code('systemctl --failed')}.`,
    `To roll back: ${code('sudo bootc rollback')}, then reboot: the previous image comes back as it was.`,
  ];
  return blocks(
    heading(3, `OS: ${code(tree)}`, osLoopAnchor(tree, index)),
    what.length > 0 ? `What changes here:\n\n${bullets(what)}` : undefined,
    steps.map((s, i) => `${i + 1}. ${s}`).join('\n'),
  );
}

/** The upgrade loop this layout implies: app-layer trees applied live, OS trees shipped as an image. */
export function upgradeSection(ctx: GuideContext): SectionSpec {
  const services = serviceComponents(ctx);
  const treeOf = (c: ServiceComponent) => (c.kind === 'distrobox' ? c.box.source.tree : c.unit.source.tree);
  const appTrees = ctx.inventory.trees.filter(t => !shipsWithImage(ctx, t.name) && services.some(c => treeOf(c) === t.name));
  const osTrees = ctx.inventory.trees.filter(t => shipsWithImage(ctx, t.name));
  return {
    id: 'upgrade',
    kind: 'upgrade',
    title: 'Upgrade loop',
    path: GUIDE_FILES.upgrade,
    entityRefs: [],
    unitIds: [],
    rows: [
      ...appTrees.map(t => ({ anchor: appLoopAnchor(t.name), keys: [] })),
      ...(osTrees.length > 0 ? osTrees.map((t, i) => ({ anchor: osLoopAnchor(t.name, i), keys: [] })) : [{ anchor: 'upgrade-os', keys: [] }]),
    ],
    render(l) {
      return blocks(
        heading(2, 'Upgrade loop', 'upgrade'),
        'Every change goes through a repository, one loop per layer. An app change is applied on the running box; an OS change ships as a new image and a reboot.',
        ...appTrees.map(t => appLoop(ctx, l, t.name, services.filter(c => treeOf(c) === t.name))),
        ...osTrees.map((t, i) => osLoop(ctx, l, t.name, i)),
        osTrees.length === 0 && heading(3, 'OS', 'upgrade-os'),
        osTrees.length === 0 && 'No OS repository was read: the host is updated outside these repositories.',
      );
    },
  };
}
