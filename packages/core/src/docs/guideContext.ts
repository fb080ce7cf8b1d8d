import type { CheckResult } from '../checks/types';
import { toNamespace } from '../entities/entityName';
import { planEntities, type EntityPlan } from '../entities/entityRefs';
import type {
  EnvFile,
  Inventory,
  InventoryDiagnostic,
  InventorySystemdUnit,
  InventoryUnit,
  LocalModel,
  ModelAlias,
  RouteChain,
  SourceRef,
} from '../inventory/types';
import { compareText } from '../entities/compareText';
import type { GuideFolder, HandoffGuideOptions } from './types';

/** A route chain that ends at a unit, with its hostname. */
export interface UnitRoute {
  hostname: string;
  chain: RouteChain;
}

/** A unit that depends on another, and how. */
export interface Dependent {
  id: string;
  kind: string;
}

/** Dependencies that make a unit needed by another (start order and install links do not). */
export const DEPENDENCY_KINDS = new Set([
  'requires',
  'requisite',
  'wants',
  'bindsTo',
  'upholds',
  'partOf',
  'volume',
  'network',
  'pod',
  'image',
  'mount',
]);

/** Failing and waived results: what a reader has to know. Passing and unknown ones are noise here. */
const SHOWN_STATUSES = new Set(['fail', 'waived']);

/**
 * What every part of the guide looks up: the inventory, the catalog names of its entities, and
 * indexes built once (findings by subject, diagnostics by file, routes by unit, dependents).
 */
export class GuideContext {
  readonly plan: EntityPlan;
  readonly units = new Map<string, InventoryUnit>();
  readonly systemdUnits = new Map<string, InventorySystemdUnit>();
  readonly envFiles = new Map<string, EnvFile>();
  /** Quadlet units by file name (`piler-data.volume`), the first of a name wins. */
  readonly unitsByName = new Map<string, InventoryUnit>();
  /** Plain systemd units by name (`sodiwin-etl.service`), the first of a name wins. */
  readonly systemdByName = new Map<string, InventorySystemdUnit>();
  private readonly findingsBySubject = new Map<string, CheckResult[]>();
  private readonly diagnosticsByFile = new Map<string, InventoryDiagnostic[]>();
  private readonly routesByUnit = new Map<string, UnitRoute[]>();
  private readonly dependentsOf = new Map<string, Dependent[]>();
  /** Decision id → ids of the units (quadlet or systemd) whose files cite it. */
  private readonly citingUnits = new Map<string, string[]>();
  private readonly generatedIn: readonly GuideFolder[];
  /** Findings shown, sorted; the same list the known-broken page walks. */
  readonly findings: CheckResult[];

  constructor(
    readonly inventory: Inventory,
    readonly options: HandoffGuideOptions,
  ) {
    this.plan = planEntities(inventory, toNamespace(options.box), options.box);
    for (const unit of inventory.units) {
      this.units.set(unit.id, unit);
      if (!this.unitsByName.has(unit.name)) this.unitsByName.set(unit.name, unit);
    }
    for (const unit of inventory.systemdUnits) {
      this.systemdUnits.set(unit.id, unit);
      if (!this.systemdByName.has(unit.name)) this.systemdByName.set(unit.name, unit);
    }
    for (const file of inventory.envFiles) this.envFiles.set(file.key, file);
    this.generatedIn = options.generatedIn ?? [];

    this.findings = (options.findings ?? []).filter(r => SHOWN_STATUSES.has(r.status)).sort(compareFindings);
    for (const result of this.findings) push(this.findingsBySubject, result.entity, result);

    for (const d of inventory.diagnostics) {
      if (this.isGenerated(d.tree ?? '', d.file)) continue;
      push(this.diagnosticsByFile, `${d.tree ?? ''}:${d.file}`, d);
    }
    for (const host of inventory.hostnames) {
      for (const chain of host.chains) {
        if (chain.container) push(this.routesByUnit, chain.container.unit, { hostname: host.hostname, chain });
      }
    }
    const depend = (from: string, edges: InventoryUnit['dependencies']) => {
      for (const edge of edges) {
        if (edge.targetId === undefined || !DEPENDENCY_KINDS.has(edge.kind)) continue;
        const list = this.dependentsOf.get(edge.targetId) ?? [];
        if (!list.some(d => d.id === from && d.kind === edge.kind)) list.push({ id: from, kind: edge.kind });
        this.dependentsOf.set(edge.targetId, list);
      }
    };
    for (const unit of [...inventory.units, ...inventory.systemdUnits]) {
      for (const id of new Set(unit.decisions)) push(this.citingUnits, id, unit.id);
    }
    for (const unit of inventory.units) depend(unit.id, unit.dependencies);
    for (const unit of inventory.systemdUnits) {
      depend(unit.id, unit.dependencies);
      const activated = unit.activates ? this.systemdByName.get(unit.activates) : undefined;
      if (activated) push(this.dependentsOf, activated.id, { id: unit.id, kind: 'timer' });
    }
  }

  get box(): string {
    return this.options.box;
  }

  /** Shown findings about one subject (`unit:<id>`, `hostname:<name>`, `kernel-args:kernel-args`…). */
  findingsFor(subjectKey: string): CheckResult[] {
    return this.findingsBySubject.get(subjectKey) ?? [];
  }

  /** Diagnostics of the given files, sorted by file, line, severity, code. */
  diagnosticsIn(files: readonly { tree: string; path: string }[]): InventoryDiagnostic[] {
    const seen = new Set<string>();
    const out: InventoryDiagnostic[] = [];
    for (const f of files) {
      const key = `${f.tree}:${f.path}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(...(this.diagnosticsByFile.get(key) ?? []));
    }
    return out.sort(compareDiagnostics);
  }

  routesTo(unitId: string): UnitRoute[] {
    return [...(this.routesByUnit.get(unitId) ?? [])].sort(
      (a, b) => compareText(a.hostname, b.hostname) || compareText(a.chain.path ?? '', b.chain.path ?? ''),
    );
  }

  /** Units that require, want, mount or start the given one, by display name. */
  dependents(unitId: string): Dependent[] {
    return [...(this.dependentsOf.get(unitId) ?? [])].sort(
      (a, b) => compareText(this.unitLabel(a.id), this.unitLabel(b.id)) || compareText(a.kind, b.kind),
    );
  }

  /** Units whose files cite a decision. */
  unitsCiting(decisionId: string): string[] {
    return this.citingUnits.get(decisionId) ?? [];
  }

  modelsServedBy(unitId: string): LocalModel[] {
    return this.inventory.models.filter(m => m.server?.id === unitId);
  }

  aliasesBehind(unitId: string): ModelAlias[] {
    return this.inventory.aliases.filter(a => a.gateway?.id === unitId);
  }

  /** Catalog name of a unit's entity (`piler`, `piler-data.volume`, `sodiwin-etl.timer`), else its file name. */
  unitLabel(unitId: string): string {
    const planned = this.plan.units.get(unitId) ?? this.plan.systemdUnits.get(unitId);
    if (planned) return planned.name;
    return this.units.get(unitId)?.name ?? this.systemdUnits.get(unitId)?.name ?? unitId;
  }

  /** Full entity ref of a unit, when it is an entity. */
  unitRef(unitId: string): string | undefined {
    return (this.plan.units.get(unitId) ?? this.plan.systemdUnits.get(unitId))?.ref;
  }

  /** True when a file lies in a folder that holds a previous copy of the guide. */
  isGenerated(tree: string, path: string): boolean {
    return this.generatedIn.some(f => f.tree === tree && (path === f.path || path.startsWith(`${f.path}/`)));
  }

  /** The tree's chezmoi root, when the tree is a chezmoi source. */
  chezmoiRoot(tree: string): string | undefined {
    return this.inventory.trees.find(t => t.name === tree)?.chezmoiRoot;
  }

  treeRole(tree: string): string {
    return this.inventory.trees.find(t => t.name === tree)?.role ?? 'other';
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const STATUS_ORDER: Record<string, number> = { fail: 0, unknown: 1, waived: 2, pass: 3 };
const SEVERITY_ORDER: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function compareFindings(a: CheckResult, b: CheckResult): number {
  return (
    (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) ||
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
    compareText(a.checkId, b.checkId) ||
    compareText(a.tree ?? '', b.tree ?? '') ||
    compareText(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    compareText(a.entity, b.entity) ||
    compareText(a.detail ?? '', b.detail ?? '') ||
    compareText(a.message, b.message)
  );
}

export function compareDiagnostics(a: InventoryDiagnostic, b: InventoryDiagnostic): number {
  return (
    compareText(a.tree ?? '', b.tree ?? '') ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    (SEVERITY_ORDER[a.severity] ?? 9) - (SEVERITY_ORDER[b.severity] ?? 9) ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

export function compareSources(a: SourceRef, b: SourceRef): number {
  return compareText(a.tree, b.tree) || compareText(a.path, b.path) || a.line - b.line;
}
