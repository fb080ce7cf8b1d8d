import { diagnostic, type Diagnostic } from '../diagnostic';
import {
  analyzeUnit,
  NAME_KEYS,
  podMemberDependencies,
  quadletTypeOf,
  resourceNameOf,
  serviceNameOf,
  type QuadletDependency,
  type QuadletUnit,
} from '../quadlet';
import {
  baseName,
  buildEffectiveUnit,
  dirName,
  parseUnitName,
  type DropInFile,
  type UnitDocument,
} from '../unit';
import { compare } from './compare';
import { DropInIndex } from './dropInIndex';
import type { TreeFile, TreeIndex } from './treeIndex';
import type { BoxLink, UnitScope } from './types';
import type { UnitFile } from './unitFiles';
import type { UnitParser } from './unitParser';
import { unitScopeOf } from './unitScope';

/**
 * A quadlet of the box, loaded by the quadlet module's rules, with where it came from. Only
 * what other units need of it is kept (names); the parsed file lives just while the unit is
 * being described (see `loadQuadletUnits`).
 */
export interface LoadedQuadlet {
  id: string;
  tree: TreeIndex;
  /** The file whose content defines it (for an instance read through a link: the template's). */
  file: TreeFile;
  /** Set for an instance that exists only as a link to its template. */
  link?: BoxLink;
  scope: UnitScope;
  /** The quadlet directory it belongs to (`.config/containers/systemd`, or `''` for loose files). */
  root: string;
  /** Names only (file, service, resource): what references to this unit resolve against. */
  names: QuadletUnit;
  /** What its generated service depends on, pod → member edges included. */
  dependencies: QuadletDependency[];
  templateLines: number[];
  parser: UnitParser;
  unitPath: string;
  dropIns: DropInFile[];
}

/**
 * The quadlet directory a path belongs to: the closest `…/containers/systemd` folder above it
 * (podman reads such a folder recursively), else the tree itself, so quadlets kept in per-app
 * folders are read together as podman would after they are copied into one directory.
 */
export function quadletRootOf(unitPath: string): string {
  // The last `containers/systemd/` that starts a path segment (it is a folder: a `/` follows).
  const marker = 'containers/systemd/';
  let at = unitPath.lastIndexOf(marker);
  while (at >= 0) {
    if (at === 0 || unitPath.charCodeAt(at - 1) === 47 /* / */)
      return unitPath.slice(0, at + marker.length - 1);
    at = unitPath.lastIndexOf(marker, at - 1);
  }
  return '';
}

function isUnder(path: string, root: string): boolean {
  return root === '' || path === root || path.startsWith(`${root}/`);
}

/**
 * Sorts unit files in podman's directory-walk order: a folder's files before its subfolders'
 * (segment by segment), names alphabetically. The folder becomes a key where `/` sorts below
 * every other character, computed once per file.
 */
function sortInWalkOrder(files: UnitFile[]): UnitFile[] {
  const keyed = files.map(file => ({
    file,
    dir: dirName(file.unitPath).replace(/\//g, '\0'),
  }));
  keyed.sort(
    (a, b) => compare(a.dir, b.dir) || compare(a.file.name, b.file.name),
  );
  return keyed.map(k => k.file);
}

const EMPTY_DOCUMENT: UnitDocument = {
  path: '',
  bom: false,
  text: '',
  lines: [],
  items: [],
};
/** Stands in for the merged unit of a unit that is not being described right now. */
const EMPTY_EFFECTIVE = buildEffectiveUnit(EMPTY_DOCUMENT, [], '');

/**
 * The document cut to its head (comments and headers up to the first assignment): all the
 * quadlet model reads from it once the effective unit exists (the leading comment).
 */
function leadingPart(document: UnitDocument): UnitDocument {
  const end = document.items.findIndex(
    item => item.kind !== 'comment' && item.kind !== 'section',
  );
  // Built field by field: spreading would compute the document's lazy `lines`.
  const items = end < 0 ? document.items : document.items.slice(0, end + 1);
  return { path: document.path, bom: document.bom, text: '', lines: [], items };
}

interface TreeUnits {
  tree: TreeIndex;
  parser: UnitParser;
  files: UnitFile[];
}

interface Pending {
  loaded: LoadedQuadlet;
  main: UnitFile;
  dropInFiles: UnitFile[];
  /** The units of its quadlet directory by file name (what it resolves against first). */
  local: Map<string, LoadedQuadlet>;
}

/**
 * Loads every quadlet of the box in two passes, so memory stays flat on big boxes:
 *
 * 1. names: per tree and quadlet directory, the first file of a name wins (as in podman), its
 *    drop-ins are found, and its service and resource names are read from the few keys that
 *    make them (`parseKeys`: no full parse, nothing kept but the names);
 * 2. details: each unit is parsed in full, analysed by the quadlet module against the names of
 *    its scope (references resolve across directories), handed to `describe`, then dropped.
 *
 * `describe` receives the full unit (document head, effective unit, diagnostics) while it lives.
 */
export function loadQuadletUnits(
  input: TreeUnits[],
  describe: (loaded: LoadedQuadlet, unit: QuadletUnit) => void,
): { units: LoadedQuadlet[]; diagnostics: (Diagnostic & { tree: string })[] } {
  const pending: Pending[] = [];
  const diagnostics: (Diagnostic & { tree: string })[] = [];

  for (const { tree, parser, files } of input) {
    const quadlets = sortInWalkOrder(files.filter(f => f.kind === 'quadlet'));
    const dropIns = files.filter(
      f =>
        f.kind === 'drop-in' &&
        (quadletTypeOf(f.dropInFor!) || !f.dropInFor!.includes('.')),
    );
    const byUnitPath = new Map<string, UnitFile>(
      dropIns.map(f => [f.unitPath, f]),
    );
    const dropInIndex = new DropInIndex(byUnitPath.keys());
    // Quadlet directory → file name → the first unit of that name there.
    const seen = new Map<string, Map<string, LoadedQuadlet>>();
    const byPath = new Map<string, UnitFile>(
      quadlets.map(q => [q.file.path, q]),
    );
    // The quadlet directory of a drop-in folder's parent, computed once per folder.
    const folderRoots = new Map<string, string>();
    const rootOfFolder = (folder: string) => {
      let root = folderRoots.get(folder);
      if (root === undefined) {
        root = quadletRootOf(`${folder}/x`);
        folderRoots.set(folder, root);
      }
      return root;
    };

    const load = (
      main: UnitFile,
      fileName: string,
      unitPath: string,
      link?: BoxLink,
    ) => {
      const root = quadletRootOf(unitPath);
      let inRoot = seen.get(root);
      if (!inRoot) seen.set(root, (inRoot = new Map()));
      const first = inRoot.get(fileName);
      if (first) {
        diagnostics.push({
          tree: tree.name,
          ...diagnostic(
            link?.path ?? main.file.path,
            0,
            'warning',
            'quadlet/shadowed-unit',
            `podman ignores this file: ${
              first.link?.path ?? first.file.path
            } has the same name and is read first`,
          ),
        });
        return;
      }
      const info = quadletTypeOf(fileName)!;
      const found = dropInIndex.find(
        fileName,
        parent => isUnder(parent, root) && rootOfFolder(parent) === root,
        root,
      );
      const dropInFiles: UnitFile[] = [];
      const dropInKeys: UnitDocument[] = [];
      for (const d of found) {
        const dropIn = byUnitPath.get(d.path)!;
        dropInFiles.push(dropIn);
        dropInKeys.push(
          parser.parseKeys(dropIn.file, dropIn.unitPath, NAME_KEYS),
        );
      }
      // Names need a few keys only: the unit is parsed in full when it is described.
      const keep = link !== undefined || parseUnitName(fileName).isTemplate;
      const named = buildEffectiveUnit(
        parser.parseKeys(main.file, main.unitPath, NAME_KEYS, keep),
        dropInKeys,
        fileName,
      );
      const service = serviceNameOf(named, info);
      const names: QuadletUnit = {
        fileName,
        path: main.unitPath,
        info,
        document: EMPTY_DOCUMENT,
        dropIns: found,
        dropInDocuments: [],
        // Other units only read names; the merged unit is rebuilt when this one is described.
        effective: EMPTY_EFFECTIVE,
        service,
        serviceFileName: [service.name, 'service'].join('.'),
        resource: resourceNameOf(named, info, service.name),
        diagnostics: [],
        dependencies: [],
      };
      const loaded: LoadedQuadlet = {
        id: [tree.name, link?.path ?? main.file.path].join(':'),
        tree,
        file: main.file,
        link,
        scope: unitScopeOf(main.file.target, main.file.path, tree.role),
        root,
        names,
        dependencies: [],
        templateLines: [],
        parser,
        unitPath,
        dropIns: found,
      };
      inRoot.set(fileName, loaded);
      pending.push({ loaded, main, dropInFiles, local: inRoot });
    };

    for (const file of quadlets) load(file, file.name, file.unitPath);
    for (const link of tree.links) {
      const name = baseName(link.path);
      const template = byPath.get(link.target);
      if (!template || !quadletTypeOf(name)) continue;
      if (!parseUnitName(name).isInstance) {
        diagnostics.push({
          tree: tree.name,
          ...diagnostic(
            link.path,
            0,
            'info',
            'inventory/quadlet-link',
            `link to ${link.target} is read as its target, under the name ${name}`,
          ),
        });
      }
      const dir = dirName(template.unitPath);
      load(template, name, dir ? `${dir}/${name}` : name, link);
    }
    diagnostics.push(
      ...orphanDropIns(dropInIndex, seen, parser).map(d => ({
        ...d,
        tree: tree.name,
      })),
    );
  }

  // Lookups limited to the unit's scope, its own directory first (`local`: the first unit
  // of each name in its quadlet directory, which is what `seen` holds).
  const byScope = new Map<string, Map<string, LoadedQuadlet>>();
  for (const { loaded } of pending) {
    let map = byScope.get(loaded.scope);
    if (!map) byScope.set(loaded.scope, (map = new Map()));
    if (!map.has(loaded.names.fileName)) map.set(loaded.names.fileName, loaded);
  }

  for (const { loaded, main, dropInFiles, local } of pending) {
    const scoped = byScope.get(loaded.scope)!;
    const findLoaded = (name: string) => local.get(name) ?? scoped.get(name);
    const find = (name: string) => findLoaded(name)?.names;
    const keep =
      loaded.link !== undefined ||
      parseUnitName(loaded.names.fileName).isTemplate;
    const effective = effectiveOf(
      loaded.parser,
      main,
      dropInFiles,
      loaded.names.fileName,
      keep,
    );
    loaded.templateLines = effective.templateLines;
    const unit: QuadletUnit = {
      ...loaded.names,
      document: leadingPart(effective.document),
      dropInDocuments: effective.dropInDocuments,
      effective: effective.unit,
      diagnostics: [],
      dependencies: [],
    };
    analyzeUnit(unit, find);
    loaded.dependencies.push(...unit.dependencies);
    for (const edge of podMemberDependencies([unit], find))
      findLoaded(edge.from)?.dependencies.push(edge);
    // Parse problems are reported once per file by the parser; these are the semantic ones.
    for (const d of unit.diagnostics)
      diagnostics.push({
        ...d,
        file: loaded.parser.sourcePath(d.file),
        tree: loaded.tree.name,
      });
    describe(loaded, unit);
  }
  return { units: pending.map(p => p.loaded), diagnostics };
}

/** Parses a unit with its drop-ins and merges them. Drop-ins stay cached: several units share them. */
function effectiveOf(
  parser: UnitParser,
  main: UnitFile,
  dropIns: UnitFile[],
  fileName: string,
  keep: boolean,
) {
  const parsed = parser.parse(main.file, main.unitPath, keep);
  const dropInDocuments: UnitDocument[] = [];
  for (const d of dropIns)
    dropInDocuments.push(parser.parse(d.file, d.unitPath).document);
  return {
    document: parsed.document,
    dropInDocuments,
    templateLines: parsed.templateLines,
    unit: buildEffectiveUnit(parsed.document, dropInDocuments, fileName),
  };
}

/** `foo.container.d/` folders that no unit of their directory reads. */
function orphanDropIns(
  index: DropInIndex,
  seen: Map<string, Map<string, LoadedQuadlet>>,
  parser: UnitParser,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Set<string>();
  const templatePrefixes = new Set<string>();
  for (const inRoot of seen.values()) {
    for (const name of inRoot.keys()) {
      names.add(name);
      const parts = parseUnitName(name);
      if (parts.instance !== undefined)
        templatePrefixes.add(`${parts.prefix}@${parts.extension}`);
    }
  }

  for (const folder of index.folders()) {
    const unitName = folder.name.slice(0, -2);
    const parts = parseUnitName(unitName);
    if (
      !quadletTypeOf(unitName) ||
      parts.base === '' ||
      parts.prefix.endsWith('-')
    )
      continue;
    if (parts.isTemplate ? templatePrefixes.has(unitName) : names.has(unitName))
      continue;
    for (const file of folder.files) {
      const unitPath = `${folder.parent ? `${folder.parent}/` : ''}${
        folder.name
      }/${file}`;
      out.push(
        diagnostic(
          parser.sourcePath(unitPath),
          0,
          'warning',
          'quadlet/orphan-drop-in',
          `drop-in for ${unitName}, which does not exist: podman never reads it`,
        ),
      );
    }
  }
  return out;
}
