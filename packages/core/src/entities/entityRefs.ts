import type { Distrobox, Inventory, InventorySystemdUnit, InventoryUnit } from '../inventory/types';
import { NameRegistry } from './nameRegistry';

/** One entity to be: its kind, name and full ref, and the label it was named after. */
export interface PlannedEntity {
  kind: 'Component' | 'Resource' | 'Decision' | 'System';
  name: string;
  ref: string;
  /** The text the name was made from; kept as the title when the name differs from it. */
  label: string;
}

/**
 * Every entity of a box named before any is built, so that each one can point at the others
 * by ref. Names are handed out in a fixed order (quadlets, systemd units, distroboxes, models,
 * aliases, hostnames, OS, decisions) so a collision always goes the same way.
 */
export interface EntityPlan {
  namespace: string;
  system: PlannedEntity;
  units: Map<string, PlannedEntity>;
  systemdUnits: Map<string, PlannedEntity>;
  distroboxes: Map<Distrobox, PlannedEntity>;
  /** By position in `Inventory.models` / `Inventory.aliases`. */
  models: PlannedEntity[];
  aliases: PlannedEntity[];
  /** Lookups by llama-swap model id / LiteLLM alias name (first definition wins). */
  modelById: Map<string, PlannedEntity>;
  aliasByName: Map<string, PlannedEntity>;
  hostnames: Map<string, PlannedEntity>;
  decisions: Map<string, PlannedEntity>;
  osImage?: PlannedEntity;
  kernelArgs?: PlannedEntity;
}

const COMPONENT_UNIT_TYPES = new Set(['container', 'pod', 'kube']);

/** Quadlet units that become Components (the others are Resources). */
export function isComponentUnit(unit: InventoryUnit): boolean {
  return COMPONENT_UNIT_TYPES.has(unit.type);
}

/** Plain systemd units that become Components: services and timers the box defines in full. */
export function isComponentSystemdUnit(unit: InventorySystemdUnit): boolean {
  return (unit.type === 'service' || unit.type === 'timer') && !unit.overrideOnly;
}

/** Decision ids the box knows: defined or cited, plus any cited only by an entity's own list. */
export function decisionIdsOf(inventory: Inventory): string[] {
  const ids = new Set(inventory.decisions.map(d => d.id));
  const lists = [inventory.units, inventory.systemdUnits, inventory.models, inventory.aliases, inventory.hostnames, inventory.kernelArgs, inventory.envFiles];
  for (const list of lists) for (const item of list) for (const id of item.decisions) ids.add(id);
  return [...ids].sort();
}

export function planEntities(inventory: Inventory, namespace: string, boxName: string): EntityPlan {
  const names = new NameRegistry();
  const plan = (kind: PlannedEntity['kind'], label: string, key: string, wanted: string = label): PlannedEntity => {
    const name = names.claim(kind, wanted, key);
    return { kind, name, ref: `${kind.toLowerCase()}:${namespace}/${name}`, label };
  };

  const result: EntityPlan = {
    namespace,
    system: plan('System', boxName, 'box', namespace),
    units: new Map(),
    systemdUnits: new Map(),
    distroboxes: new Map(),
    models: [],
    aliases: [],
    modelById: new Map(),
    aliasByName: new Map(),
    hostnames: new Map(),
    decisions: new Map(),
  };
  for (const unit of inventory.units) {
    // Components are named after their service (`piler`, `web-pod` for `web.pod`): unique on the host.
    const label = isComponentUnit(unit) ? unit.serviceName.replace(/\.service$/, '') : unit.name;
    result.units.set(unit.id, plan(isComponentUnit(unit) ? 'Component' : 'Resource', label, `unit:${unit.id}`));
  }
  for (const unit of inventory.systemdUnits) {
    if (isComponentSystemdUnit(unit)) result.systemdUnits.set(unit.id, plan('Component', unit.name, `systemd:${unit.id}`));
  }
  for (const box of inventory.distroboxes) {
    result.distroboxes.set(box, plan('Component', box.name, `distrobox:${box.source.tree}:${box.source.path}:${box.name}`));
  }
  inventory.models.forEach((model, i) => {
    const planned = plan('Resource', `${model.id}.model`, `model:${model.config.tree}:${model.config.path}:${model.id}:${i}`);
    result.models.push(planned);
    if (!result.modelById.has(model.id)) result.modelById.set(model.id, planned);
  });
  inventory.aliases.forEach((alias, i) => {
    const planned = plan('Resource', `${alias.name}.alias`, `alias:${alias.config.tree}:${alias.config.path}:${alias.name}:${i}`);
    result.aliases.push(planned);
    if (!result.aliasByName.has(alias.name)) result.aliasByName.set(alias.name, planned);
  });
  for (const host of inventory.hostnames) {
    // `*.example.org` would lose its star and clash with the apex.
    const wanted = host.hostname.replace(/^\*\./, 'wildcard.');
    result.hostnames.set(host.hostname, plan('Resource', host.hostname, `hostname:${host.hostname}`, wanted));
  }
  if (inventory.os) result.osImage = plan('Resource', 'os-image', 'os-image');
  if (inventory.kernelArgs.length > 0) result.kernelArgs = plan('Resource', 'kernel-args', 'kernel-args');
  for (const id of decisionIdsOf(inventory)) result.decisions.set(id, plan('Decision', id, `decision:${id}`));
  return result;
}
