import { toNamespace } from '../entities/entityName';
import { planEntities, type EntityPlan } from '../entities/entityRefs';
import type {
  Hostname,
  Inventory,
  InventoryDecision,
  InventorySystemdUnit,
  InventoryUnit,
  LocalModel,
  ModelAlias,
} from '../inventory/types';
import type { CheckSubject } from './types';

/**
 * Subjects of results, with the catalog entity each one is (docs/entity-model.md). Refs come
 * from the entity mapping's own plan, so a finding always names the entity the catalog shows,
 * collisions and all.
 */
export interface Subjects {
  unit(unit: InventoryUnit): CheckSubject;
  systemdUnit(unit: InventorySystemdUnit): CheckSubject;
  model(model: LocalModel): CheckSubject;
  alias(alias: ModelAlias): CheckSubject;
  hostname(hostname: Hostname): CheckSubject;
  os(): CheckSubject;
  kernelArgs(): CheckSubject;
  decision(decision: Pick<InventoryDecision, 'id'>): CheckSubject;
  box(): CheckSubject;
}

const CACHE = new WeakMap<Inventory, Map<string, Subjects>>();

/** The subjects of one box (cached per inventory and box name: every check asks). */
export function subjectsOf(context: {
  inventory: Inventory;
  box: string;
}): Subjects {
  let byBox = CACHE.get(context.inventory);
  if (!byBox) {
    byBox = new Map();
    CACHE.set(context.inventory, byBox);
  }
  let subjects = byBox.get(context.box);
  if (!subjects) {
    subjects = makeSubjects(
      planEntities(context.inventory, toNamespace(context.box), context.box),
    );
    byBox.set(context.box, subjects);
  }
  return subjects;
}

function withRef(
  subject: Omit<CheckSubject, 'entityRef'>,
  ref: string | undefined,
): CheckSubject {
  return ref === undefined ? subject : { ...subject, entityRef: ref };
}

function makeSubjects(plan: EntityPlan): Subjects {
  return {
    unit: unit =>
      withRef(
        { kind: 'unit', id: unit.id, name: unit.name },
        plan.units.get(unit.id)?.ref,
      ),
    // Only services and timers the box defines in full become catalog components.
    systemdUnit: unit =>
      withRef(
        { kind: 'systemd-unit', id: unit.id, name: unit.name },
        plan.systemdUnits.get(unit.id)?.ref,
      ),
    model: model =>
      withRef(
        { kind: 'model', id: model.id, name: model.id },
        plan.modelById.get(model.id)?.ref,
      ),
    alias: alias =>
      withRef(
        { kind: 'alias', id: alias.name, name: alias.name },
        plan.aliasByName.get(alias.name)?.ref,
      ),
    hostname: host =>
      withRef(
        { kind: 'hostname', id: host.hostname, name: host.hostname },
        plan.hostnames.get(host.hostname)?.ref,
      ),
    os: () =>
      withRef({ kind: 'os', id: 'os', name: 'OS image' }, plan.osImage?.ref),
    // A box whose image sets no argument has no kernel-args entity: the OS image lacks them.
    kernelArgs: () =>
      withRef(
        { kind: 'kernel-args', id: 'kernel-args', name: 'kernel arguments' },
        plan.kernelArgs?.ref ?? plan.osImage?.ref ?? plan.system.ref,
      ),
    decision: decision =>
      withRef(
        { kind: 'decision', id: decision.id, name: decision.id },
        plan.decisions.get(decision.id)?.ref,
      ),
    box: () => ({
      kind: 'box',
      id: plan.namespace,
      name: plan.system.label,
      entityRef: plan.system.ref,
    }),
  };
}

/** `piler.container` → `piler`; `web@blue.container` → `web@blue`. */
export function unitBaseName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** A file of the box that belongs to no unit (a config with an error, say). */
export function fileSubject(
  tree: string | undefined,
  path: string,
): CheckSubject {
  const id = tree ? `${tree}:${path}` : path;
  return { kind: 'file', id, name: path };
}

/** An entry of the policy file itself (a stale waiver, say). */
export function policySubject(id: string, name: string): CheckSubject {
  return { kind: 'policy', id, name };
}

export function subjectKey(subject: Pick<CheckSubject, 'kind' | 'id'>): string {
  return `${subject.kind}:${subject.id}`;
}
