import { baseName, dirName, parseUnitName } from './unitName';

/**
 * Drop-in directory names that apply to a unit file, most specific first, as podman's
 * `GetUnitDropinPaths` lists them. For `a-b@c.container`:
 * `a-b@c.container.d`, `a-b@.container.d`, `a-@.container.d`, `a-.container.d`, `container.d`.
 */
export function dropInDirectoryNames(unitFileName: string): string[] {
  const parts = parseUnitName(unitFileName);
  const dropInSuffix = `${parts.extension}.d`;
  const broadToSpecific: string[] = [dropInSuffix.replace(/^\./, '')];
  const pieces = parts.prefix.split('-');
  for (let i = 0; i < pieces.length - 1; i++) {
    const truncated = `${pieces.slice(0, i + 1).join('-')}-`;
    broadToSpecific.push(truncated + dropInSuffix);
    if (parts.instance !== undefined) {
      broadToSpecific.push(`${truncated}@${dropInSuffix}`);
    }
  }
  if (parts.isInstance) {
    broadToSpecific.push(`${parts.prefix}@${dropInSuffix}`);
  }
  broadToSpecific.push(`${parts.fileName}.d`);
  return broadToSpecific.reverse();
}

/** Files of a tree grouped by directory, so drop-in lookups stay linear over many units. */
export interface FileIndex {
  /** Every directory holding a file (and their ancestors), in `filepath.WalkDir` order. */
  directories: string[];
  /** Directory → file names directly inside it. */
  filesByDirectory: Map<string, string[]>;
}

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function compareWalkOrder(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return -1;
  if (b === '') return 1;
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] !== pb[i]) {
      return compareStrings(pa[i], pb[i]);
    }
  }
  return pa.length - pb.length;
}

/** Indexes POSIX paths (relative to the tree root, `''` being the root). */
export function indexPaths(paths: Iterable<string>): FileIndex {
  const filesByDirectory = new Map<string, string[]>();
  const dirs = new Set<string>();
  for (const path of paths) {
    const dir = dirName(path);
    const list = filesByDirectory.get(dir);
    if (list) list.push(baseName(path));
    else filesByDirectory.set(dir, [baseName(path)]);
    let d = dir;
    while (!dirs.has(d)) {
      dirs.add(d);
      if (d === '') break;
      d = dirName(d);
    }
  }
  return { directories: [...dirs].sort(compareWalkOrder), filesByDirectory };
}

/** Directories at or below `root` in walk order: where podman looks for units and drop-ins. */
export function directoriesUnder(index: FileIndex, root: string): string[] {
  if (root === '') return index.directories.slice();
  const prefix = `${root}/`;
  return index.directories.filter(d => d === root || d.startsWith(prefix));
}

function join(dir: string, name: string): string {
  return dir === '' ? name : `${dir}/${name}`;
}

export interface DropInFile {
  path: string;
  /** File name, the merge key: a more specific directory hides a broader file of the same name. */
  name: string;
  /** The drop-in directory it came from, e.g. `foo.container.d`. */
  directoryName: string;
}

/**
 * The `*.conf` drop-ins that apply to a unit, in merge order (alphabetical by file name).
 * `searchDirectories` are podman's source paths in precedence order (by default the
 * unit's own directory); within each, the most specific drop-in directory wins a name.
 * `unitFileName` is the name the unit is loaded as (an instance may be read from its template).
 */
export function findDropIns(
  unitFileName: string,
  index: FileIndex,
  searchDirectories: readonly string[],
): DropInFile[] {
  const names = dropInDirectoryNames(baseName(unitFileName));
  const byName = dropInDirectoriesByName(index);
  // A short list (one unit's own folders) is searched directly; a long one is indexed once.
  const positionOf =
    searchDirectories.length <= 8
      ? (dir: string) => {
          const at = searchDirectories.indexOf(dir);
          return at < 0 ? undefined : at;
        }
      : (dir: string) => searchPositions(searchDirectories).get(dir);
  // Candidate directories in podman's order: search directory first, then specificity.
  const candidates: { dir: string; dropInDir: string; rank: number }[] = [];
  names.forEach((dropInDir, specificity) => {
    for (const dir of byName.get(dropInDir) ?? []) {
      const at = positionOf(dirName(dir));
      if (at !== undefined) {
        candidates.push({
          dir,
          dropInDir,
          rank: at * names.length + specificity,
        });
      }
    }
  });
  candidates.sort((a, b) => a.rank - b.rank);
  const chosen = new Map<string, DropInFile>();
  for (const { dir, dropInDir } of candidates) {
    for (const file of index.filesByDirectory.get(dir) ?? []) {
      // `parseUnitName(file).extension === '.conf'` for a file name.
      if (!file.endsWith('.conf') || chosen.has(file)) {
        continue;
      }
      chosen.set(file, {
        path: join(dir, file),
        name: file,
        directoryName: dropInDir,
      });
    }
  }
  // Byte order, like Go's sort.Strings.
  return [...chosen.values()].sort((a, b) => compareStrings(a.name, b.name));
}

const dropInDirCache = new WeakMap<FileIndex, Map<string, string[]>>();

/** Directories named `*.d`, grouped by their name (computed once per index). */
function dropInDirectoriesByName(index: FileIndex): Map<string, string[]> {
  let map = dropInDirCache.get(index);
  if (!map) {
    map = new Map();
    for (const dir of index.directories) {
      const name = baseName(dir);
      if (!name.endsWith('.d')) continue;
      const list = map.get(name);
      if (list) list.push(dir);
      else map.set(name, [dir]);
    }
    dropInDirCache.set(index, map);
  }
  return map;
}

const positionCache = new WeakMap<readonly string[], Map<string, number>>();

function searchPositions(
  searchDirectories: readonly string[],
): Map<string, number> {
  let map = positionCache.get(searchDirectories);
  if (!map) {
    map = new Map();
    searchDirectories.forEach((dir, i) => {
      if (!map!.has(dir)) map!.set(dir, i);
    });
    positionCache.set(searchDirectories, map);
  }
  return map;
}
