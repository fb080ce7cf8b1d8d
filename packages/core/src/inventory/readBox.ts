import type { Diagnostic } from '../diagnostic';
import { lookupAllStrv } from '../unit';
import { UNIT_DEPENDENCY_KEYS } from '../quadlet';
import type { SourceFile } from '../sourceFile';
import { BoxFiles } from './boxFiles';
import { configKindOf, type ConfigFile } from './configFiles';
import { readDecisions } from './decisions';
import { readDistroboxes } from './distroboxes';
import {
  dependencyKindOfKey,
  edgesOfQuadlet,
  edgeTo,
  installEdges,
} from './dependencyEdges';
import { readEnvFiles, type EnvFileUse } from './envFiles';
import { readHostnames } from './hostnames';
import { readKernelArgs } from './kernelArgs';
import { loadQuadletUnits } from './loadQuadletUnits';
import { loadSystemdUnits, type LoadedSystemdUnit } from './loadSystemdUnits';
import { readModels } from './models';
import { readOsFacts } from './osFacts';
import { quadletViewOf, sourceAt, type QuadletView } from './quadletView';
import { ServerIndex } from './serverIndex';
import { StringPool } from './stringPool';
import { SubjectIndex } from './subjectIndex';
import { compare } from './compare';
import { TreeIndex } from './treeIndex';
import {
  INVENTORY_SCHEMA_VERSION,
  type BoxLink,
  type BoxTree,
  type Inventory,
  type InventoryDiagnostic,
  type InventorySystemdUnit,
  type InventoryUnit,
  type LinkFact,
  type ReadBoxOptions,
  type SourceRef,
} from './types';
import { UnitDirectory } from './unitDirectory';
import { unitFilesOf } from './unitFiles';
import { UnitParser } from './unitParser';

type TreeDiagnostic = Diagnostic & { tree?: string };

/**
 * Reads a box — its dotfiles and OS trees as plain files — into one Inventory. Pure: no disk,
 * no network. Never throws: a file that cannot be read yields diagnostics, and a stage that
 * fails unexpectedly is reported as `inventory/internal-error` while the other stages still run.
 */
export function readBox(
  trees: readonly BoxTree[],
  options: ReadBoxOptions = {},
): Inventory {
  const diagnostics: TreeDiagnostic[] = [];
  const guard = <T>(stage: string, fallback: T, run: () => T): T => {
    const started = performance.now();
    try {
      return run();
    } catch (error) {
      diagnostics.push({
        file: '',
        line: 0,
        severity: 'error',
        code: 'inventory/internal-error',
        message: `reading ${stage} failed: ${
          error instanceof Error ? error.message : String(error)
        }`,
      });
      return fallback;
    } finally {
      options.onStage?.(stage, performance.now() - started);
    }
  };
  const indexes = guard('index trees', [], () =>
    uniqueNames(trees).map(tree => new TreeIndex(tree)),
  );
  const treeOrder = new Map(indexes.map((t, i) => [t.name, i]));

  // Units: quadlets wherever they live, plain systemd units, their drop-ins.
  const files = new BoxFiles(indexes);
  const { units, systemdUnits, directory, unitOfLink } = readUnits(
    indexes,
    files,
    guard,
    diagnostics,
  );

  // Configs: models, aliases, hostnames, env files, kernel, OS.
  const configs: ConfigFile[] = guard('config detection', [], () =>
    indexes.flatMap(tree =>
      tree.files.flatMap(file => {
        const kind = configKindOf(tree, file);
        return kind ? [{ kind, tree, file }] : [];
      }),
    ),
  );
  const servers = new ServerIndex(units);
  const models = guard(
    'models',
    { models: [], aliases: [], diagnostics: [] },
    () => readModels(configs, servers, directory),
  );
  diagnostics.push(...models.diagnostics);
  const targetViews = new Map<
    string,
    { files: SourceFile[]; sourcePath: (target: string) => string }
  >();
  const targetView = (tree: TreeIndex) => {
    let view = targetViews.get(tree.name);
    if (!view) {
      const back = new Map<string, string>();
      const list: SourceFile[] = [];
      for (const f of tree.files) {
        const path =
          f.target !== undefined && !f.target.startsWith('/')
            ? f.target
            : f.path;
        back.set(path, f.path);
        list.push({ path, content: f.source.content });
      }
      view = {
        files: list,
        sourcePath: (target: string) => back.get(target) ?? target,
      };
      targetViews.set(tree.name, view);
    }
    return view;
  };
  const routes = guard(
    'hostnames',
    { hostnames: [], caddy: [], cloudflared: [], diagnostics: [] },
    () => readHostnames(configs, targetView, servers, directory),
  );
  diagnostics.push(...routes.diagnostics);

  const uses: EnvFileUse[] = [
    ...units.flatMap(u => u.envFiles.map(ref => ({ unitId: u.id, ref }))),
    ...systemdUnits.flatMap(u =>
      u.envFiles.map(ref => ({ unitId: u.id, ref })),
    ),
  ];
  const env = guard('env files', { envFiles: [], diagnostics: [] }, () =>
    readEnvFiles(uses, configs, indexes, files),
  );
  diagnostics.push(...env.diagnostics);
  const kargs = guard(
    'kernel arguments',
    { kernelArgs: [], diagnostics: [] },
    () => readKernelArgs(configs),
  );
  diagnostics.push(...kargs.diagnostics);
  const os = guard(
    'OS',
    { os: undefined, kernelArgs: [], diagnostics: [] },
    () => readOsFacts(indexes.filter(t => t.role === 'os')),
  );
  diagnostics.push(...os.diagnostics);
  const kernelArgs = [...kargs.kernelArgs, ...os.kernelArgs];
  const boxes = guard('distroboxes', { distroboxes: [], diagnostics: [] }, () =>
    readDistroboxes(configs),
  );
  diagnostics.push(...boxes.diagnostics);

  // Decisions, tied to what each citing place belongs to (indexed for the citing files only).
  const subjectsFor = (cited: (tree: string, path: string) => boolean) => {
    const subjects = new SubjectIndex(cited);
    for (const u of units) {
      subjects.addFile(u.source.tree, u.source.path, {
        kind: 'unit',
        id: u.id,
      });
      for (const d of u.dropIns)
        subjects.addFile(d.tree, d.path, { kind: 'unit', id: u.id });
    }
    for (const u of systemdUnits) {
      subjects.addFile(u.source.tree, u.source.path, {
        kind: 'systemd-unit',
        id: u.id,
      });
      for (const d of u.dropIns)
        subjects.addFile(d.tree, d.path, { kind: 'systemd-unit', id: u.id });
    }
    for (const m of models.models)
      subjects.addBlock(m.source.tree, m.source.path, m.source.line, {
        kind: 'model',
        id: m.id,
      });
    for (const a of models.aliases) {
      for (const d of a.deployments)
        subjects.addBlock(d.source.tree, d.source.path, d.source.line, {
          kind: 'alias',
          id: a.name,
        });
    }
    for (const h of routes.hostnames) {
      for (const s of h.sources) {
        if (!subjects.wants(s.tree, s.path)) continue;
        const isCaddy = routes.caddy.some(
          c => c.files.includes(s.path) && c.tree === s.tree,
        );
        if (isCaddy)
          subjects.addFile(s.tree, s.path, {
            kind: 'hostname',
            id: h.hostname,
          });
        else
          subjects.addBlock(s.tree, s.path, s.line, {
            kind: 'hostname',
            id: h.hostname,
          });
      }
    }
    for (const k of kernelArgs)
      subjects.addFile(k.source.tree, k.source.path, {
        kind: 'kernel-arg',
        id: k.arg,
      });
    for (const e of env.envFiles)
      if (e.file)
        subjects.addFile(e.file.tree, e.file.path, {
          kind: 'env-file',
          id: e.key,
        });
    if (os.os)
      subjects.addFile(os.os.source.tree, os.os.source.path, {
        kind: 'os',
        id: os.os.imageId ?? os.os.distribution ?? 'os',
      });
    return subjects;
  };
  const decisions = guard('decisions', { decisions: [], diagnostics: [] }, () =>
    readDecisions(indexes, subjectsFor),
  );
  diagnostics.push(...decisions.diagnostics);
  attachDecisions(decisions.decisions, {
    unit: units,
    'systemd-unit': systemdUnits,
    model: models.models.map(m => ({ id: m.id, decisions: m.decisions })),
    alias: models.aliases.map(a => ({ id: a.name, decisions: a.decisions })),
    hostname: routes.hostnames.map(h => ({
      id: h.hostname,
      decisions: h.decisions,
    })),
    'kernel-arg': kernelArgs.map(k => ({ id: k.arg, decisions: k.decisions })),
    'env-file': env.envFiles.map(e => ({ id: e.key, decisions: e.decisions })),
  });

  const links: LinkFact[] = [];
  for (const tree of indexes) {
    for (const link of tree.links) {
      const fact: LinkFact = {
        tree: tree.name,
        path: link.path,
        target: link.target,
      };
      const unit = unitOfLink.get(link);
      if (unit !== undefined) fact.unit = unit;
      links.push(fact);
    }
  }

  // Units in tree order, then by the name they load as, then by path (the same name may sit in two folders).
  const byTreeThenName = (
    a: { name: string; source: SourceRef },
    b: { name: string; source: SourceRef },
  ) =>
    (treeOrder.get(a.source.tree) ?? 0) - (treeOrder.get(b.source.tree) ?? 0) ||
    compare(a.name, b.name) ||
    compare(a.source.path, b.source.path);
  return {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    trees: indexes.map(t => {
      const summary: Inventory['trees'][number] = {
        name: t.name,
        role: t.role,
        roleFrom: t.roleFrom,
        files: t.files.length,
        bytes: t.bytes,
        commits: t.commits.length,
      };
      if (t.chezmoiRoot !== undefined) summary.chezmoiRoot = t.chezmoiRoot;
      if (t.location !== undefined) summary.location = t.location;
      return summary;
    }),
    units: units.sort(byTreeThenName),
    systemdUnits: systemdUnits.sort(byTreeThenName),
    models: models.models,
    aliases: models.aliases,
    hostnames: routes.hostnames,
    kernelArgs,
    ...(os.os ? { os: os.os } : {}),
    decisions: decisions.decisions,
    envFiles: env.envFiles,
    distroboxes: boxes.distroboxes,
    caddy: routes.caddy,
    cloudflared: routes.cloudflared,
    links,
    diagnostics: sortDiagnostics(diagnostics, treeOrder),
  };
}

type Guard = <T>(stage: string, fallback: T, run: () => T) => T;

/**
 * The unit stages of `readBox` (find units, quadlets, systemd units, dependencies). Kept apart
 * so that what only these stages need (parsers, loaded quadlets and their references) is
 * dropped once the units are described, before the rest of the box is read.
 */
function readUnits(
  indexes: readonly TreeIndex[],
  files: BoxFiles,
  guard: Guard,
  diagnostics: TreeDiagnostic[],
): {
  units: InventoryUnit[];
  systemdUnits: InventorySystemdUnit[];
  directory: UnitDirectory;
  /** The unit each link stands for (an instance read through its template). */
  unitOfLink: Map<BoxLink, string>;
} {
  const withTree = (tree: string, list: readonly Diagnostic[]) => {
    for (const d of list) diagnostics.push({ ...d, tree });
  };
  const perTree = guard('find units', [], () =>
    indexes.map(tree => {
      const found = unitFilesOf(tree);
      const parser = new UnitParser(tree);
      for (const f of found.units)
        parser.sourcePathOf.set(f.unitPath, f.file.path);
      for (const skipped of found.skipped) {
        diagnostics.push({
          tree: tree.name,
          file: skipped.path,
          line: 0,
          severity: 'info',
          code: 'inventory/unit-not-read',
          message: `not read as a unit: chezmoi ${
            skipped.chezmoi?.encrypted
              ? 'decrypts'
              : `treats it as "${skipped.chezmoi?.kind}"`
          } this file`,
        });
      }
      return { tree, parser, files: found.units };
    }),
  );
  // What the dependency stage needs of each view (its [Install] entries and its places),
  // at the same index as its unit.
  const views: Omit<QuadletView, 'unit'>[] = [];
  const units: InventoryUnit[] = [];
  const strings = new StringPool();
  const viewContext = { files, images: new Map(), strings };
  const loaded = guard('quadlets', { units: [], diagnostics: [] }, () =>
    loadQuadletUnits(perTree, (l, quadlet) => {
      const view = quadletViewOf(l, quadlet, viewContext);
      views.push(view);
      units.push(view.unit);
    }),
  );
  diagnostics.push(...loaded.diagnostics);
  const loadedSystemd: LoadedSystemdUnit[] = guard('systemd units', [], () =>
    perTree.flatMap(({ tree, parser, files: treeFiles }) =>
      loadSystemdUnits(tree, parser, treeFiles, files),
    ),
  );
  for (const { tree, parser } of perTree)
    withTree(
      tree.name,
      parser.diagnostics.map(d => ({ ...d, file: parser.sourcePath(d.file) })),
    );
  const systemdUnits: InventorySystemdUnit[] = loadedSystemd.map(s => s.unit);

  const directory = new UnitDirectory(units, systemdUnits);
  guard('dependencies', undefined, () => {
    const byId = new Map(loaded.units.map(l => [l.id, l]));
    units.forEach((unit, i) => {
      const l = byId.get(unit.id)!;
      const view = views[i];
      // An edge from a line that also gave a fact shares the fact's place.
      const ref = (file: string, line: number): SourceRef => {
        const path = l.parser.sourcePath(file);
        const at = Math.max(1, line);
        return (
          (view && sourceAt(view.sources, path, at)) ?? {
            tree: l.tree.name,
            path,
            line: at,
          }
        );
      };
      const edges = edgesOfQuadlet(
        l.dependencies,
        directory,
        unit.scope,
        ref,
        strings,
      );
      const install = view?.install ?? [];
      // `concat` sizes the list exactly; the model keeps it.
      unit.dependencies =
        install.length === 0
          ? edges
          : edges.concat(installEdges(install, directory, unit.scope, strings));
    });
    for (const { unit, effective, parser } of loadedSystemd) {
      const ref = (file: string, line: number): SourceRef => ({
        tree: unit.source.tree,
        path: parser.sourcePath(file),
        line: Math.max(1, line),
      });
      for (const key of [
        ...UNIT_DEPENDENCY_KEYS,
        'WantedBy',
        'RequiredBy',
      ] as const) {
        const section =
          key === 'WantedBy' || key === 'RequiredBy' ? 'Install' : 'Unit';
        for (const { value, entry } of lookupAllStrv(effective, section, key)) {
          unit.dependencies.push(
            edgeTo(
              directory,
              unit.scope,
              dependencyKindOfKey(key),
              key,
              value,
              value,
              ref(entry.file, entry.line),
            ),
          );
        }
      }
      if (unit.activates) {
        unit.dependencies.push(
          edgeTo(
            directory,
            unit.scope,
            'triggers',
            'Unit',
            unit.activates,
            unit.activates,
            unit.source,
          ),
        );
      }
    }
  });

  const unitOfLink = new Map<BoxLink, string>();
  for (const u of loaded.units)
    if (u.link && !unitOfLink.has(u.link)) unitOfLink.set(u.link, u.id);
  return { units, systemdUnits, directory, unitOfLink };
}

/** Tree names must be unique: a repeated name gets `-2`, `-3`… */
function uniqueNames(trees: readonly BoxTree[]): BoxTree[] {
  const seen = new Set<string>();
  return trees.map(tree => {
    let name = tree.name || 'tree';
    for (let i = 2; seen.has(name); i++) name = `${tree.name || 'tree'}-${i}`;
    seen.add(name);
    return name === tree.name ? tree : { ...tree, name };
  });
}

function attachDecisions(
  decisions: Inventory['decisions'],
  targets: Record<string, readonly { id: string; decisions: string[] }[]>,
): void {
  const byKind = new Map<string, Map<string, { decisions: string[] }>>();
  for (const [kind, list] of Object.entries(targets))
    byKind.set(kind, new Map(list.map(t => [t.id, t])));
  for (const decision of decisions) {
    for (const citation of decision.citations) {
      for (const subject of citation.subjects) {
        const target = byKind.get(subject.kind)?.get(subject.id);
        if (target && !target.decisions.includes(decision.id))
          target.decisions.push(decision.id);
      }
    }
  }
  for (const list of Object.values(targets))
    for (const t of list) t.decisions.sort();
}

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 };

function sortDiagnostics(
  list: TreeDiagnostic[],
  treeOrder: Map<string, number>,
): InventoryDiagnostic[] {
  const seen = new Set<string>();
  const out: InventoryDiagnostic[] = [];
  for (const d of list) {
    const item: InventoryDiagnostic = {
      file: d.file,
      line: d.line,
      severity: d.severity,
      code: d.code,
      message: d.message,
    };
    if (d.tree !== undefined && d.tree !== '') item.tree = d.tree;
    const key = `${item.tree}\0${item.file}\0${item.line}\0${item.code}\0${item.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(item);
  }
  return out.sort(
    (a, b) =>
      (a.tree === undefined ? -1 : treeOrder.get(a.tree) ?? 0) -
        (b.tree === undefined ? -1 : treeOrder.get(b.tree) ?? 0) ||
      compare(a.file, b.file) ||
      a.line - b.line ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compare(a.code, b.code) ||
      compare(a.message, b.message),
  );
}
