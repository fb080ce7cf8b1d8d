import type {
  ImageFact,
  Inventory,
  InventorySystemdUnit,
  InventoryUnit,
} from '../inventory/types';
import { subjectsOf } from './subjects';
import type { CheckSubject } from './types';

/** One image a unit runs, with the subject findings about it belong to. */
export interface ImageUse {
  image: ImageFact;
  subject: CheckSubject;
  /** Set when a unit may run several images (plain systemd units), to tell their findings apart. */
  detail?: string;
}

type Owner = { unit: InventoryUnit } | { systemdUnit: InventorySystemdUnit };

/**
 * Images the box runs from its units: quadlet `Image=` lines, and `podman run` in a plain
 * unit's `ExecStart=`. Images named only inside scripts are left out: the unit does not pin
 * them, the script does, and scripts are not read as configuration.
 */
function* unitImages(
  inventory: Inventory,
): Generator<{ image: ImageFact; owner: Owner }> {
  for (const unit of inventory.units) {
    if (unit.image) yield { image: unit.image, owner: { unit } };
  }
  for (const unit of inventory.systemdUnits) {
    for (const image of unit.images) {
      if (image.via === 'exec') yield { image, owner: { systemdUnit: unit } };
    }
  }
}

export function imageUses(context: {
  inventory: Inventory;
  box: string;
}): ImageUse[] {
  const subjects = subjectsOf(context);
  const uses: ImageUse[] = [];
  for (const { image, owner } of unitImages(context.inventory)) {
    if ('unit' in owner)
      uses.push({ image, subject: subjects.unit(owner.unit) });
    else
      uses.push({
        image,
        subject: subjects.systemdUnit(owner.systemdUnit),
        detail: image.text,
      });
  }
  return uses;
}

/** The registry references online adapters should resolve: normalised, unique, sorted. */
export function registryImageRefs(inventory: Inventory): string[] {
  const refs = new Set<string>();
  for (const { image } of unitImages(inventory)) {
    if (image.kind === 'registry' && image.normalized)
      refs.add(image.normalized);
  }
  return [...refs].sort();
}
