import { imageFactOf } from '../../inventory/imageFact';
import {
  INVENTORY_SCHEMA_VERSION,
  type DependencyEdge,
  type Inventory,
  type InventorySystemdUnit,
  type InventoryUnit,
  type KernelArg,
  type SourceRef,
} from '../../inventory/types';
import { defaultPolicy } from '../../policy/defaults';
import { kernelArgRule } from '../../policy/parsePolicyFile';
import type { Policy, Waiver } from '../../policy/types';
import { runChecks } from '../runChecks';
import type { CheckContext, CheckResult } from '../types';

/**
 * Small hand-built inventories for check tests: only the fields a check reads are filled
 * with meaning, everything else is empty. Paths follow the example box's layout.
 */
export const QUADLETS = 'home/dot_config/containers/systemd';

export const at = (path: string, line = 1, tree = 'dotfiles'): SourceRef => ({ tree, path, line });

export function emptyInventory(overrides: Partial<Inventory> = {}): Inventory {
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    trees: [{ name: 'dotfiles', role: 'dotfiles', roleFrom: 'given', files: 0, bytes: 0, commits: 0 }],
    units: [],
    systemdUnits: [],
    models: [],
    aliases: [],
    hostnames: [],
    kernelArgs: [],
    decisions: [],
    envFiles: [],
    distroboxes: [],
    caddy: [],
    cloudflared: [],
    links: [],
    diagnostics: [],
    ...overrides,
  };
}

export const OS_TREE: Inventory['trees'][number] = { name: 'harness', role: 'os', roleFrom: 'given', files: 0, bytes: 0, commits: 0 };

/** A quadlet unit named `<name>.<type>`; `image` is read with the real image grammar at line `imageLine`. */
export function unit(
  fileName: string,
  overrides: Partial<InventoryUnit> & { imageText?: string; imageLine?: number } = {},
): InventoryUnit {
  const { imageText, imageLine, ...rest } = overrides;
  const path = `${QUADLETS}/${fileName}`;
  const dot = fileName.lastIndexOf('.');
  const base = fileName.slice(0, dot);
  const type = fileName.slice(dot + 1) as InventoryUnit['type'];
  const service = type === 'container' || type === 'kube' ? `${base}.service` : `${base}-${type}.service`;
  const built: InventoryUnit = {
    id: `dotfiles:${path}`,
    type,
    name: fileName,
    source: at(path),
    scope: 'user',
    serviceName: service,
    documentation: [],
    leadingComment: '',
    dropIns: [],
    ports: [],
    volumes: [],
    networks: [],
    networkAliases: [],
    environment: [],
    envFiles: [],
    secrets: [],
    labels: [],
    wantedBy: [],
    requiredBy: [],
    groupAdd: [],
    devices: [],
    podmanArgs: [],
    otherKeys: [],
    dependencies: [],
    decisions: [],
    ...rest,
  };
  if (imageText !== undefined) built.image = imageFactOf(imageText, at(path, imageLine ?? 10));
  return built;
}

export function systemdUnit(fileName: string, overrides: Partial<InventorySystemdUnit> = {}): InventorySystemdUnit {
  const path = `home/dot_config/systemd/user/${fileName}`;
  return {
    id: `dotfiles:${path}`,
    type: fileName.slice(fileName.lastIndexOf('.') + 1) as InventorySystemdUnit['type'],
    name: fileName,
    source: at(path),
    scope: 'user',
    overrideOnly: false,
    documentation: [],
    leadingComment: '',
    dropIns: [],
    execStart: [],
    onCalendar: [],
    envFiles: [],
    environment: [],
    wantedBy: [],
    images: [],
    dependencies: [],
    decisions: [],
    ...overrides,
  };
}

export function edge(from: InventoryUnit, key: string, target: string, extra: Partial<DependencyEdge> = {}): DependencyEdge {
  return {
    kind: 'other',
    key,
    target,
    service: target,
    resolved: false,
    wellKnown: false,
    source: at(from.source.path, 5),
    ...extra,
  };
}

export function kernelArg(arg: string, line = 9, architectures: string[] = []): KernelArg {
  const eq = arg.indexOf('=');
  const k: KernelArg = {
    arg,
    key: eq < 0 ? arg : arg.slice(0, eq),
    architectures,
    rationale: '',
    source: at('mkosi.extra/usr/lib/bootc/kargs.d/00-gpu.toml', line, 'harness'),
    from: 'kargs.d',
    decisions: [],
  };
  if (eq >= 0) k.value = arg.slice(eq + 1);
  return k;
}

export function policyWith(change: (policy: Policy) => void = () => {}): Policy {
  const policy = defaultPolicy();
  change(policy);
  return policy;
}

export const requiredArgs = (...args: string[]) => args.map(a => kernelArgRule(a));

export function waiver(check: string, entity: string, extra: Partial<Waiver> = {}): Waiver {
  return { check, entity, reason: 'accepted for now', decision: 'D-001', expires: '2026-12-31', ...extra };
}

export const NOW = new Date('2026-05-01T12:00:00Z');

export function contextOf(inventory: Inventory, policy: Policy = defaultPolicy(), extra: Partial<CheckContext> = {}): CheckContext {
  return { box: 'sodimo', inventory, policy, now: NOW, ...extra };
}

/** Runs one check through `runChecks`, so waivers apply as they do for real. */
export function runOnly(id: string, context: CheckContext): CheckResult[] {
  return runChecks(context, { only: [id] });
}

/** `status entityName detail` lines: compact, order-independent comparisons in tests. */
export function summary(results: readonly CheckResult[]): string[] {
  return results.map(r => `${r.status} ${r.entityName}${r.detail !== undefined ? ` ${r.detail}` : ''}`).sort();
}
