import { diagnostic, type Diagnostic } from '../diagnostic';
import type { SourceFile } from '../sourceFile';
import {
  directoriesUnder,
  findDropIns,
  indexPaths,
  type DropInFile,
} from '../unit/dropIns';
import { buildEffectiveUnit, type EffectiveUnit } from '../unit/effectiveUnit';
import { parseUnitFile } from '../unit/parseUnit';
import type { UnitDocument } from '../unit/unitDocument';
import { baseName, dirName, parseUnitName } from '../unit/unitName';
import {
  resourceNameOf,
  serviceNameOf,
  type ResourceName,
  type ServiceName,
} from './names';
import type { QuadletDependency } from './references';
import { quadletTypeOf, type QuadletTypeInfo } from './unitTypes';

/** One quadlet unit with its drop-ins merged and its generated names. */
export interface QuadletUnit {
  /** Name podman loads it as, e.g. `db.network`. */
  fileName: string;
  path: string;
  info: QuadletTypeInfo;
  document: UnitDocument;
  dropIns: DropInFile[];
  dropInDocuments: UnitDocument[];
  effective: EffectiveUnit;
  service: ServiceName;
  /** `service.name` + `.service`. */
  serviceFileName: string;
  resource?: ResourceName;
  /** Problems of this unit: its file, its drop-ins, and (after analysis) its semantics. */
  diagnostics: Diagnostic[];
  /** Filled by `analyzeQuadlets`: what the generated service depends on. */
  dependencies: QuadletDependency[];
}

export interface LoadedQuadlets {
  units: QuadletUnit[];
  /** By file name: what `Network=db.network` and friends resolve against. */
  byName: Map<string, QuadletUnit>;
  /** Every parsed document (units and drop-ins) by path. */
  documents: Map<string, UnitDocument>;
  /** Everything found, unit diagnostics included. */
  diagnostics: Diagnostic[];
}

export interface LoadQuadletsOptions {
  /** Directory holding the quadlets, relative to the files' root (`''`: the root). Podman reads it recursively. */
  root?: string;
}

function isUnder(path: string, root: string): boolean {
  return root === '' || path.startsWith(`${root}/`);
}

/**
 * Reads the quadlets of one search directory the way podman's generator does: every
 * supported file at any depth (the first file of a name wins, in directory-walk order),
 * each merged with the drop-ins that apply to it.
 */
export function loadQuadlets(
  files: readonly SourceFile[],
  options: LoadQuadletsOptions = {},
): LoadedQuadlets {
  const root = options.root ?? '';
  const inRoot = files.filter(f => isUnder(f.path, root));
  const byPath = new Map(inRoot.map(f => [f.path, f]));
  const index = indexPaths(byPath.keys());
  const searchDirs = directoriesUnder(index, root);
  const documents = new Map<string, UnitDocument>();
  const fileDiagnostics = new Map<string, Diagnostic[]>();
  const diagnostics: Diagnostic[] = [];

  const parse = (path: string): UnitDocument => {
    const cached = documents.get(path);
    if (cached) return cached;
    const result = parseUnitFile(byPath.get(path)!);
    documents.set(path, result.document);
    // Podman reads quadlets and drop-ins with its own parser, which does not skip a BOM.
    fileDiagnostics.set(
      path,
      result.diagnostics.map(d =>
        d.code === 'unit/bom' ? { ...d, severity: 'error' as const } : d,
      ),
    );
    return result.document;
  };

  const units: QuadletUnit[] = [];
  const byName = new Map<string, QuadletUnit>();
  for (const dir of searchDirs) {
    const names = (index.filesByDirectory.get(dir) ?? []).slice().sort();
    for (const name of names) {
      const info = quadletTypeOf(name);
      if (!info) continue;
      const path = dir === '' ? name : `${dir}/${name}`;
      const first = byName.get(name);
      if (first) {
        diagnostics.push(
          diagnostic(
            path,
            0,
            'warning',
            'quadlet/shadowed-unit',
            `podman ignores this file: ${first.path} has the same name and is read first`,
          ),
        );
        continue;
      }
      const document = parse(path);
      const dropIns = findDropIns(name, index, searchDirs);
      const dropInDocuments = dropIns.map(d => parse(d.path));
      const effective = buildEffectiveUnit(document, dropInDocuments, name);
      const service = serviceNameOf(effective, info);
      const unit: QuadletUnit = {
        fileName: name,
        path,
        info,
        document,
        dropIns,
        dropInDocuments,
        effective,
        service,
        serviceFileName: `${service.name}.service`,
        resource: resourceNameOf(effective, info, service.name),
        diagnostics: [],
        dependencies: [],
      };
      for (const doc of [document, ...dropInDocuments]) {
        unit.diagnostics.push(...(fileDiagnostics.get(doc.path) ?? []));
      }
      units.push(unit);
      byName.set(name, unit);
    }
  }

  for (const list of fileDiagnostics.values()) {
    diagnostics.push(...list);
  }
  diagnostics.push(...orphanDropInDiagnostics(index, searchDirs, byName));
  return { units, byName, documents, diagnostics };
}

/**
 * `foo.container.d/` directories that no unit reads: usually a renamed unit whose
 * overrides silently stopped applying.
 */
function orphanDropInDiagnostics(
  index: ReturnType<typeof indexPaths>,
  searchDirs: readonly string[],
  byName: Map<string, QuadletUnit>,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const searched = new Set(searchDirs);
  for (const dir of index.directories) {
    const name = baseName(dir);
    if (!name.endsWith('.d') || !searched.has(dirName(dir))) continue;
    const unitName = name.slice(0, -2);
    const parts = parseUnitName(unitName);
    if (
      !quadletTypeOf(unitName) ||
      parts.base === '' ||
      parts.prefix.endsWith('-')
    )
      continue;
    if (parts.isTemplate) {
      if (
        [...byName.keys()].some(
          n => n.startsWith(`${parts.prefix}@`) && n.endsWith(parts.extension),
        )
      )
        continue;
    } else if (byName.has(unitName)) {
      continue;
    }
    for (const file of index.filesByDirectory.get(dir) ?? []) {
      if (file.endsWith('.conf')) {
        out.push(
          diagnostic(
            `${dir}/${file}`,
            0,
            'warning',
            'quadlet/orphan-drop-in',
            `drop-in for ${unitName}, which does not exist: podman never reads it`,
          ),
        );
      }
    }
  }
  return out;
}
