import type { ImageFact, Inventory, InventoryUnit } from '../inventory/types';
import type { BumpScope, ImageLocation } from './bumpPlan';

/** One `Image=` line a bump looks at, with what the inventory knows about it. */
export interface BumpTarget extends ImageLocation {
  image: ImageFact;
  /** The line holds chezmoi template markup (the inventory blanked it before reading). */
  templated: boolean;
}

export type BumpTargetsResult =
  | { ok: true; targets: BumpTarget[] }
  | { ok: false; field: string; reason: string };

function unitsInScope(
  units: InventoryUnit[],
  scope: BumpScope,
): InventoryUnit[] {
  switch (scope.kind) {
    case 'box':
      // `Image=x.image` is left out: the `.image` unit is itself in the box and bumped there.
      return units.filter(
        u => u.image && u.image.kind !== 'unit' && u.image.pinTier !== 'digest',
      );
    case 'file': {
      const inTree = (tree: string) =>
        scope.tree === undefined || scope.tree === tree;
      return units.filter(
        u =>
          (inTree(u.source.tree) && u.source.path === scope.path) ||
          (u.image !== undefined &&
            inTree(u.image.source.tree) &&
            u.image.source.path === scope.path),
      );
    }
    default: {
      const exact = units.filter(
        u => u.name === scope.name || u.id === scope.name,
      );
      if (exact.length > 0) return exact;
      return units.filter(u => u.name.replace(/\.[^.]+$/, '') === scope.name);
    }
  }
}

function isTemplatedLine(unit: InventoryUnit, image: ImageFact): boolean {
  if (!unit.chezmoiTemplate) return false;
  // templateLines belong to the unit's own file; an Image= set in a drop-in is read from there.
  const inDropIn = unit.dropIns.some(
    d => d.tree === image.source.tree && d.path === image.source.path,
  );
  return (
    !inDropIn && unit.chezmoiTemplate.templateLines.includes(image.source.line)
  );
}

/**
 * The `Image=` lines of the units in `scope`, each once (instances of a template unit read the
 * same line), in inventory order.
 */
export function selectBumpTargets(
  inventory: Inventory,
  scope: BumpScope,
): BumpTargetsResult {
  const units = unitsInScope(inventory.units, scope);
  if (units.length === 0 && scope.kind !== 'box') {
    return scope.kind === 'file'
      ? {
          ok: false,
          field: 'scope.path',
          reason: `no unit file or drop-in of the box is at ${
            scope.tree ? `${scope.tree}:` : ''
          }${scope.path}`,
        }
      : {
          ok: false,
          field: 'scope.name',
          reason: `the box has no unit named ${scope.name}`,
        };
  }
  const byLine = new Map<string, BumpTarget>();
  for (const unit of units) {
    const image = unit.image;
    if (!image) continue;
    const { tree, path, line } = image.source;
    const key = `${tree}\u0000${path}\u0000${line}`;
    const known = byLine.get(key);
    if (known) {
      known.units.push(unit.id);
      continue;
    }
    byLine.set(key, {
      tree,
      path,
      line,
      units: [unit.id],
      image,
      templated: isTemplatedLine(unit, image),
    });
  }
  return { ok: true, targets: [...byLine.values()] };
}
