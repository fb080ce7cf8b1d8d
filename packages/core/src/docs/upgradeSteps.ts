import type { SourceRef, UnitScope } from '../inventory/types';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { code } from './markdown';

/** `systemctl --user` for rootless units, `sudo systemctl` for system ones. */
export function systemctl(scope: UnitScope): string {
  return scope === 'user' ? 'systemctl --user' : 'sudo systemctl';
}

export function journalctl(scope: UnitScope): string {
  return scope === 'user' ? 'journalctl --user' : 'sudo journalctl';
}

/** How the files of a tree reach the box: chezmoi renders a chezmoi source; otherwise they are copied. */
export function applyStep(ctx: GuideContext, tree: string): string {
  return ctx.chezmoiRoot(tree) !== undefined ? code('chezmoi apply') : 'copy the changed files to where they land';
}

/** True when the unit ships inside the OS image (an OS tree), so a change means a new image. */
export function shipsWithImage(ctx: GuideContext, tree: string): boolean {
  return ctx.treeRole(tree) === 'os';
}

/**
 * The one-line upgrade recipe of a unit: what to edit, how to apply it, what to restart.
 * `edit` is the line to change (the `Image=` line when there is one, else the unit file).
 */
export function upgradeText(
  ctx: GuideContext,
  l: Linker,
  unit: { source: SourceRef; scope: UnitScope; serviceName: string },
  edit: SourceRef,
  what: string,
): string {
  if (shipsWithImage(ctx, unit.source.tree)) {
    return `${what} ${l.short(edit)} in the OS repository, build a new image, then ${code('sudo bootc upgrade')} and reboot (see [the OS loop](${l.to('upgrade-os')})).`;
  }
  const reload = `${systemctl(unit.scope)} daemon-reload`;
  const restart = `${systemctl(unit.scope)} restart ${unit.serviceName}`;
  return `${what} ${l.short(edit)}, then ${applyStep(ctx, unit.source.tree)}, ${code(reload)}, ${code(restart)} (see [the upgrade loop](${l.to('upgrade')})).`;
}
