import { compareText } from '../entities/compareText';
import { isComponentUnit } from '../entities/entityRefs';
import type { Distrobox, InventorySystemdUnit, InventoryUnit } from '../inventory/types';
import type { GuideContext } from './guideContext';

/** A service of the box with an entry of its own: what the catalog shows as a Component. */
export type ServiceComponent =
  | { kind: 'quadlet'; name: string; ref: string; unit: InventoryUnit }
  | { kind: 'systemd'; name: string; ref: string; unit: InventorySystemdUnit }
  | { kind: 'distrobox'; name: string; ref: string; box: Distrobox };

/** Every Component of the box, by catalog name. */
export function serviceComponents(ctx: GuideContext): ServiceComponent[] {
  const out: ServiceComponent[] = [];
  for (const unit of ctx.inventory.units) {
    const planned = ctx.plan.units.get(unit.id);
    if (planned && isComponentUnit(unit)) out.push({ kind: 'quadlet', name: planned.name, ref: planned.ref, unit });
  }
  for (const unit of ctx.inventory.systemdUnits) {
    const planned = ctx.plan.systemdUnits.get(unit.id);
    if (planned) out.push({ kind: 'systemd', name: planned.name, ref: planned.ref, unit });
  }
  for (const box of ctx.inventory.distroboxes) {
    const planned = ctx.plan.distroboxes.get(box);
    if (planned) out.push({ kind: 'distrobox', name: planned.name, ref: planned.ref, box });
  }
  return out.sort((a, b) => compareText(a.name, b.name));
}

/** Quadlet units that are catalog Resources (volumes, networks, images…), by catalog name. */
export function resourceUnits(ctx: GuideContext): { name: string; ref: string; unit: InventoryUnit }[] {
  const out: { name: string; ref: string; unit: InventoryUnit }[] = [];
  for (const unit of ctx.inventory.units) {
    const planned = ctx.plan.units.get(unit.id);
    if (planned && !isComponentUnit(unit)) out.push({ name: planned.name, ref: planned.ref, unit });
  }
  return out.sort((a, b) => compareText(a.name, b.name));
}
