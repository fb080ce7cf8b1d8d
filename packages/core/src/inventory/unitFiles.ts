import { quadletTypeOf } from '../quadlet';
import { baseName, dirName, parseUnitName } from '../unit';
import type { TreeFile, TreeIndex } from './treeIndex';
import type { SystemdUnitType } from './types';

/** File kinds the inventory reads as units. */
export type UnitFileKind = 'quadlet' | 'systemd' | 'drop-in';

export interface UnitFile {
  kind: UnitFileKind;
  file: TreeFile;
  /** Path used for unit semantics: the target when known (chezmoi names resolved), else the source path. */
  unitPath: string;
  /** Unit file name (`vaultwarden.container`, `sodimo.target`, `10-gpu.conf`). */
  name: string;
  /** For drop-ins: the unit name their folder applies to (`llama-swap.container`). */
  dropInFor?: string;
}

export const SYSTEMD_UNIT_TYPES: readonly SystemdUnitType[] = [
  'service',
  'timer',
  'target',
  'socket',
  'path',
  'mount',
];
const SYSTEMD_EXTENSIONS = new Set(SYSTEMD_UNIT_TYPES.map(t => `.${t}`));

/** chezmoi kinds whose content is the file itself (scripts, removals and links are not units). */
const READABLE_KINDS = new Set(['file', 'create']);

export function isSystemdUnitName(name: string): boolean {
  return SYSTEMD_EXTENSIONS.has(parseUnitName(name).extension);
}

/** A folder under which systemd looks for units (`systemd/user`, `lib/systemd/system`…). */
function inSystemdFolder(unitPath: string): boolean {
  return unitPath.split('/').some(segment => segment === 'systemd');
}

/**
 * Picks the unit files of a tree: quadlets wherever they live (by extension, which is how
 * podman finds them), plain systemd units inside `systemd` folders, and `*.conf` drop-ins
 * of either. Files chezmoi does not write as plain content (scripts, `remove_`, `modify_`,
 * encrypted) are left out, and reported by the caller when they look like units.
 */
export function unitFilesOf(tree: TreeIndex): {
  units: UnitFile[];
  skipped: TreeFile[];
} {
  const units: UnitFile[] = [];
  const skipped: TreeFile[] = [];
  for (const file of tree.files) {
    if (tree.chezmoiRoot !== undefined && file.target === undefined) continue;
    const unitPath = file.target ?? file.path;
    const name = baseName(unitPath);
    const folder = baseName(dirName(unitPath));
    let kind: UnitFileKind | undefined;
    let dropInFor: string | undefined;
    if (name.endsWith('.conf') && folder.endsWith('.d') && folder.length > 2) {
      const owner = folder.slice(0, -2);
      if (
        quadletTypeOf(owner) ||
        (isSystemdUnitName(owner) && inSystemdFolder(unitPath))
      ) {
        kind = 'drop-in';
        dropInFor = owner;
      } else if (
        /^(container|volume|network|pod|kube|image|build|artifact)$/.test(owner)
      ) {
        // `container.d/` applies to every unit of the type.
        kind = 'drop-in';
        dropInFor = owner;
      }
    } else if (quadletTypeOf(name) && !folder.endsWith('.d')) {
      kind = 'quadlet';
    } else if (
      isSystemdUnitName(name) &&
      inSystemdFolder(unitPath) &&
      !folder.endsWith('.d')
    ) {
      kind = 'systemd';
    }
    if (kind === undefined) continue;
    if (
      file.chezmoi &&
      (!READABLE_KINDS.has(file.chezmoi.kind) || file.chezmoi.encrypted)
    ) {
      skipped.push(file);
      continue;
    }
    units.push({ kind, file, unitPath, name, dropInFor });
  }
  return { units, skipped };
}
