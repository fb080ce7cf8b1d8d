import type { SourceFile } from '../sourceFile';
import type { TreeRole } from './types';

export interface DetectedRole {
  role: TreeRole | 'other';
  /** The marker that decided, for people reading `trees` (`.chezmoiroot`, `mkosi.conf`…). */
  from: string;
}

/**
 * Guesses what a tree is from its file names. Strong markers first (a chezmoi root file,
 * an mkosi config at the root), then weaker ones (bootc kernel-argument folders, chezmoi
 * `dot_` names), so a dotfiles repo that vendors an mkosi snippet deep inside stays dotfiles.
 */
export function detectTreeRole(
  files: readonly Pick<SourceFile, 'path'>[],
): DetectedRole {
  let weakOs: string | undefined;
  let weakDotfiles: string | undefined;
  for (const { path } of files) {
    if (path === '.chezmoiroot')
      return { role: 'dotfiles', from: '.chezmoiroot' };
    if (path === 'mkosi.conf' || path.startsWith('mkosi.conf.d/'))
      return { role: 'os', from: 'mkosi.conf' };
    if (
      weakOs === undefined &&
      (path.includes('usr/lib/bootc/') || path.startsWith('mkosi.extra/'))
    ) {
      weakOs = path.includes('usr/lib/bootc/')
        ? 'usr/lib/bootc'
        : 'mkosi.extra';
    }
    if (weakDotfiles === undefined && isChezmoiLooking(path)) {
      weakDotfiles = path.includes('.chezmoi') ? '.chezmoi* file' : 'dot_ name';
    }
  }
  if (weakOs !== undefined) return { role: 'os', from: weakOs };
  if (weakDotfiles !== undefined)
    return { role: 'dotfiles', from: weakDotfiles };
  return { role: 'other', from: 'no marker' };
}

/** A path with a chezmoi source-state name in it (`dot_config/…`, `.chezmoiignore`). */
export function isChezmoiLooking(path: string): boolean {
  return path
    .split('/')
    .some(
      segment => segment.startsWith('dot_') || segment.startsWith('.chezmoi'),
    );
}
