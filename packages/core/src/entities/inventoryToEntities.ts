import type { EnvFile, Inventory } from '../inventory/types';
import type { BoxDescriptor } from './boxDescriptor';
import { compareText } from './compareText';
import { decisionEntities, type SubjectRefs } from './decisionEntities';
import { distroboxEntity } from './distroboxEntities';
import type { EntityLike } from './entityLike';
import { toNamespace } from './entityName';
import { isComponentSystemdUnit, planEntities, type EntityPlan } from './entityRefs';
import { hostnameEntity, type HopRefs } from './hostnameEntities';
import { MappingContext } from './mappingContext';
import { aliasEntity, modelEntity } from './modelEntities';
import { kernelArgsEntity, osImageEntity } from './osEntities';
import type { UnitQuadletSpec } from './quadletSpec';
import { SourcePlaces } from './sourcePlaces';
import { systemdUnitEntity } from './systemdEntities';
import { systemEntity } from './systemEntity';
import { unitEntity, type UnitReverseFacts } from './unitEntities';
import { UnitFacts } from './unitFacts';

const KIND_ORDER: Record<string, number> = { System: 0, Component: 1, Resource: 2, Decision: 3 };

/**
 * Maps a box's Inventory to Backstage catalog entities (docs/entity-model.md): one System,
 * Components for containers, pods, kube units, systemd services/timers and distroboxes,
 * Resources for the other quadlets, models, aliases, hostnames, the OS image and kernel args,
 * and a `Decision` per decision record. Pure and linear in the size of the inventory; the
 * result is sorted (System, Components, Resources, Decisions, each by name) and every ref in
 * it points at an entity of the result. Secret values are never copied: only names.
 */
export function inventoryToEntities(inventory: Inventory, box: BoxDescriptor): EntityLike[] {
  const plan = planEntities(inventory, toNamespace(box.name), box.name);
  const ctx = new MappingContext(box, plan, new SourcePlaces(box.trees, inventory.trees));
  const envFiles = new Map<string, EnvFile>(inventory.envFiles.map(e => [e.key, e]));
  const facts = new UnitFacts(ctx, envFiles);
  const subjectRefs = subjectRefsOf(plan, envFiles);
  for (const decision of inventory.decisions) {
    for (const citation of decision.citations) for (const subject of citation.subjects) for (const ref of subjectRefs(subject)) ctx.citedIn(ref, decision.id);
  }
  const unitIdsByName = new Map<string, string>();
  for (const unit of inventory.units) if (!unitIdsByName.has(unit.name)) unitIdsByName.set(unit.name, unit.id);

  const entities: EntityLike[] = [];
  const reverse = reverseFacts(inventory, plan);
  for (const unit of inventory.units) entities.push(unitEntity(ctx, facts, unit, unitIdsByName, reverse));
  for (const unit of inventory.systemdUnits) {
    if (isComponentSystemdUnit(unit)) entities.push(systemdUnitEntity(ctx, facts, unit, unitIdsByName));
  }
  for (const distrobox of inventory.distroboxes) entities.push(distroboxEntity(ctx, facts, distrobox, unitIdsByName));

  const aliasRefsByModel = new Map<string, string[]>();
  inventory.aliases.forEach((alias, i) => {
    for (const d of alias.deployments) {
      const model = d.resolution.kind === 'local' ? plan.modelById.get(d.resolution.model) : undefined;
      if (!model) continue;
      const list = aliasRefsByModel.get(model.ref) ?? [];
      if (!list.includes(plan.aliases[i].ref)) list.push(plan.aliases[i].ref);
      aliasRefsByModel.set(model.ref, list);
    }
  });
  inventory.models.forEach((model, i) => entities.push(modelEntity(ctx, model, i, aliasRefsByModel.get(plan.models[i].ref) ?? [])));
  inventory.aliases.forEach((alias, i) => entities.push(aliasEntity(ctx, alias, i)));

  const hops = hopRefs(inventory, plan);
  for (const host of inventory.hostnames) entities.push(hostnameEntity(ctx, host, hops));

  if (inventory.os) entities.push(osImageEntity(ctx, inventory.os));
  if (inventory.kernelArgs.length > 0) entities.push(kernelArgsEntity(ctx, inventory.kernelArgs));

  entities.push(...decisionEntities(ctx, inventory.decisions, subjectRefs));
  entities.push(systemEntity(ctx, inventory, entities));
  return entities.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || compareText(a.metadata.name, b.metadata.name));
}

/** Hostnames routed to each unit, and the models and aliases each unit serves. */
function reverseFacts(inventory: Inventory, plan: EntityPlan): UnitReverseFacts {
  const hostnames: UnitReverseFacts['hostnames'] = new Map();
  for (const host of inventory.hostnames) {
    const ref = plan.hostnames.get(host.hostname)!.ref;
    for (const chain of host.chains) {
      if (!chain.container) continue;
      const list = hostnames.get(chain.container.unit) ?? [];
      const entry: UnitQuadletSpec['hostnames'][number] = { hostname: host.hostname, ref };
      if (chain.container.port !== undefined) entry.port = chain.container.port;
      if (chain.path) entry.path = chain.path;
      if (!list.some(e => e.hostname === entry.hostname && e.port === entry.port && e.path === entry.path)) list.push(entry);
      hostnames.set(chain.container.unit, list);
    }
  }
  const serves: UnitReverseFacts['serves'] = new Map();
  const add = (unitId: string | undefined, ref: string) => {
    if (unitId === undefined) return;
    const list = serves.get(unitId) ?? [];
    if (!list.includes(ref)) list.push(ref);
    serves.set(unitId, list);
  };
  inventory.models.forEach((m, i) => add(m.server?.id, plan.models[i].ref));
  inventory.aliases.forEach((a, i) => add(a.gateway?.id, plan.aliases[i].ref));
  for (const list of serves.values()) list.sort();
  return { hostnames, serves };
}

/** The cloudflared component, and the Caddy container behind each file of a Caddyfile. */
function hopRefs(inventory: Inventory, plan: EntityPlan): HopRefs {
  const caddyByFile = new Map<string, string>();
  for (const caddy of inventory.caddy) {
    const ref = caddy.server ? plan.units.get(caddy.server.id)?.ref : undefined;
    if (!ref) continue;
    for (const file of [caddy.path, ...caddy.files]) caddyByFile.set(`${caddy.tree}\0${file}`, ref);
  }
  const tunnel =
    inventory.units.find(u => u.type === 'container' && /^cloudflared(@[^.]*)?\.container$/.test(u.name)) ??
    inventory.systemdUnits.find(u => /^cloudflared(@[^.]*)?\.service$/.test(u.name));
  const cloudflared = tunnel ? (plan.units.get(tunnel.id) ?? plan.systemdUnits.get(tunnel.id))?.ref : undefined;
  return cloudflared ? { cloudflared, caddyByFile } : { caddyByFile };
}

function subjectRefsOf(plan: EntityPlan, envFiles: ReadonlyMap<string, EnvFile>): SubjectRefs {
  const unitRef = (id: string) => plan.units.get(id)?.ref ?? plan.systemdUnits.get(id)?.ref;
  const some = (ref: string | undefined) => (ref === undefined ? [] : [ref]);
  return subject => {
    switch (subject.kind) {
      case 'unit':
      case 'systemd-unit':
        return some(unitRef(subject.id));
      case 'model':
        return some(plan.modelById.get(subject.id)?.ref);
      case 'alias':
        return some(plan.aliasByName.get(subject.id)?.ref);
      case 'hostname':
        return some(plan.hostnames.get(subject.id)?.ref);
      case 'kernel-arg':
        return some(plan.kernelArgs?.ref);
      case 'os':
        return some(plan.osImage?.ref);
      case 'env-file':
        // An env file is no entity: the units reading it cite the decision.
        return (envFiles.get(subject.id)?.usedBy ?? []).flatMap(id => some(unitRef(id)));
      default:
        return [];
    }
  };
}
