import { toNamespace } from '../entities/entityName';
import { planEntities } from '../entities/entityRefs';
import type { Inventory } from '../inventory/types';
import type { GuideLocation } from './types';

/**
 * The guide's fixed layout: which file holds what, and the anchor of every entry. Anchors are
 * made from catalog entity names (`service-piler` for `component:sodimo/piler`), so the portal
 * can go from an entity page to its entry and back without asking the generator.
 */
export const GUIDE_FILES = {
  readme: 'README.md',
  resources: 'resources.md',
  models: 'models.md',
  hostnames: 'hostnames.md',
  kernelArgs: 'kernel-args.md',
  decisions: 'decisions.md',
  knownBroken: 'known-broken.md',
  upgrade: 'upgrade.md',
} as const;

/** Folder of the per-service entries. */
export const SERVICES_FOLDER = 'services';

/** Anchor of the entry of a Component (quadlet container/pod/kube, systemd service/timer, distrobox). */
export function serviceAnchor(entityName: string): string {
  return `service-${entityName}`;
}

/** File of the entry of a Component: `services/piler.md`. */
export function servicePath(entityName: string): string {
  return `${SERVICES_FOLDER}/${entityName}.md`;
}

/** Row anchor of a volume, network or other quadlet Resource in `resources.md`. */
export function resourceAnchor(entityName: string): string {
  return `resource-${entityName}`;
}

/** `qwen3-4b.model` → `model-qwen3-4b`. */
export function modelAnchor(entityName: string): string {
  return `model-${entityName.replace(/\.model$/, '')}`;
}

/** `local-task.alias` → `alias-local-task`. */
export function aliasAnchor(entityName: string): string {
  return `alias-${entityName.replace(/\.alias$/, '')}`;
}

export function hostnameAnchor(entityName: string): string {
  return `hostname-${entityName}`;
}

/** `d-106` → `decision-d-106`. */
export function decisionAnchor(entityName: string): string {
  return `decision-${entityName}`;
}

export function location(section: string, path: string, anchorId = section): GuideLocation {
  return { section, anchor: anchorId, path, href: `${path}#${anchorId}` };
}

/**
 * Where the guide documents one unit (quadlet or plain systemd), by inventory unit id, without
 * generating the guide: the same plan of names as the catalog. Undefined for units that have
 * no entry (targets, sockets, drop-in-only overrides).
 */
export function handoffEntryOf(inventory: Inventory, unitId: string, box: string): GuideLocation | undefined {
  const plan = planEntities(inventory, toNamespace(box), box);
  const planned = plan.units.get(unitId) ?? plan.systemdUnits.get(unitId);
  if (!planned) return undefined;
  if (planned.kind === 'Component') {
    const id = serviceAnchor(planned.name);
    return location(id, servicePath(planned.name));
  }
  return location('resources', GUIDE_FILES.resources, resourceAnchor(planned.name));
}
