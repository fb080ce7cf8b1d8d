import {
  parseDirName,
  parseFileName,
  type ChezmoiFileAttributes,
  type ChezmoiFileType,
} from './sourceName';
import {
  specialDirKind,
  specialFileKind,
  type ChezmoiSpecialKind,
} from './specialNames';

/**
 * What one file of a chezmoi repository is: a target (file, create, modify, symlink,
 * remove, script), one of chezmoi's own files, a name chezmoi skips (any other name
 * starting with `.`), or a file outside the source root that `.chezmoiroot` names.
 */
export type ChezmoiEntryKind =
  | ChezmoiFileType
  | 'special'
  | 'ignored'
  | 'outside-root';

export interface ChezmoiSourceEntry {
  /** Path in the repository, as given. */
  sourcePath: string;
  kind: ChezmoiEntryKind;
  /** Path relative to the destination (home) folder; null for special, ignored and outside files. */
  targetPath: string | null;
  /** True for `.tmpl` files: chezmoi renders them before writing. */
  template: boolean;
  /** Attributes of the file name; null when chezmoi does not read the name as a target. */
  attributes: ChezmoiFileAttributes | null;
  special: ChezmoiSpecialKind | null;
  /** True when a folder on the way has `exact_`: chezmoi deletes unmanaged files there. */
  inExactDir: boolean;
}

/** Reads `.chezmoiroot`: the source state lives in that folder of the repository. */
export function parseChezmoiRoot(text: string): string {
  const first =
    text
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/)[0] ?? '';
  return normalizeRelative(first);
}

export function normalizeRelative(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Maps a repository path to its chezmoi meaning, given the source root from `.chezmoiroot`
 * (`''` when there is none). `home/dot_config/containers/systemd/private_piler.container.tmpl`
 * with root `home` gives target `.config/containers/systemd/piler.container`, a template.
 */
export function chezmoiSourceEntry(
  sourcePath: string,
  sourceRoot = '',
): ChezmoiSourceEntry {
  const path = normalizeRelative(sourcePath);
  const root = normalizeRelative(sourceRoot);
  const entry = (
    kind: ChezmoiEntryKind,
    extra: Partial<ChezmoiSourceEntry> = {},
  ): ChezmoiSourceEntry => ({
    sourcePath,
    kind,
    targetPath: null,
    template: false,
    attributes: null,
    special: null,
    inExactDir: false,
    ...extra,
  });

  if (path === '.chezmoiroot') return entry('special', { special: 'root' });
  if (root !== '' && !path.startsWith(`${root}/`)) return entry('outside-root');
  const parts = (root === '' ? path : path.slice(root.length + 1)).split('/');
  const fileName = parts.pop() ?? '';
  const targetDirs: string[] = [];
  let literal = false;
  let inScripts = false;
  let inExactDir = false;

  for (const dir of parts) {
    if (literal) {
      targetDirs.push(dir);
      continue;
    }
    if (dir.startsWith('.')) {
      const special = specialDirKind(dir);
      if (special === 'scripts') {
        // Scripts in .chezmoiscripts run without creating a folder for themselves.
        inScripts = true;
        continue;
      }
      if (special !== null) return entry('special', { special });
      return entry('ignored');
    }
    const attributes = parseDirName(dir);
    // Below an external_ folder chezmoi takes names literally.
    if (attributes.external) literal = true;
    if (attributes.exact) inExactDir = true;
    targetDirs.push(attributes.targetName);
  }

  if (!literal && fileName.startsWith('.')) {
    const special = specialFileKind(fileName);
    return special === null ? entry('ignored') : entry('special', { special });
  }
  const attributes = literal
    ? { ...parseFileName(''), targetName: fileName }
    : parseFileName(fileName);
  if (inScripts && attributes.type !== 'script') {
    return entry('ignored', { attributes });
  }
  return entry(attributes.type, {
    targetPath: [...targetDirs, attributes.targetName].join('/'),
    template: attributes.template,
    attributes,
    inExactDir,
  });
}

/** What the folders of a path decide, shared by every file in them. */
type FolderReading =
  | { stop: ChezmoiSourceEntry['kind']; special: ChezmoiSpecialKind | null }
  | {
      stop?: undefined;
      /** Target folder (`''` at the top). */
      target: string;
      literal: boolean;
      inScripts: boolean;
      inExactDir: boolean;
    };

/** True when `normalizeRelative` leaves the path as it is (no empty, `.` or `..` segment). */
function isNormalRelative(path: string): boolean {
  return path !== '' && !/(?:^|\/)(?:\.\.?)?(?:\/|$)/.test(path);
}

/**
 * `chezmoiSourceEntry` for many paths of one source tree: the same answers, with each folder's
 * names decoded once rather than once per file under it.
 */
export function chezmoiSourceReader(
  sourceRoot = '',
): (sourcePath: string) => ChezmoiSourceEntry {
  const root = normalizeRelative(sourceRoot);
  const folders = new Map<string, FolderReading>();

  const readFolder = (dirPath: string): FolderReading => {
    let reading = folders.get(dirPath);
    if (reading) return reading;
    const targetDirs: string[] = [];
    let literal = false;
    let inScripts = false;
    let inExactDir = false;
    for (const dir of dirPath === '' ? [] : dirPath.split('/')) {
      if (literal) {
        targetDirs.push(dir);
        continue;
      }
      if (dir.startsWith('.')) {
        const special = specialDirKind(dir);
        if (special === 'scripts') {
          inScripts = true;
          continue;
        }
        reading =
          special !== null
            ? { stop: 'special', special }
            : { stop: 'ignored', special: null };
        break;
      }
      const attributes = parseDirName(dir);
      if (attributes.external) literal = true;
      if (attributes.exact) inExactDir = true;
      targetDirs.push(attributes.targetName);
    }
    reading ??= {
      target: targetDirs.join('/'),
      literal,
      inScripts,
      inExactDir,
    };
    folders.set(dirPath, reading);
    return reading;
  };

  return (sourcePath: string): ChezmoiSourceEntry => {
    if (
      !isNormalRelative(sourcePath) ||
      sourcePath === '.chezmoiroot' ||
      (root !== '' && !sourcePath.startsWith(`${root}/`))
    )
      return chezmoiSourceEntry(sourcePath, sourceRoot);
    const inRoot = root === '' ? sourcePath : sourcePath.slice(root.length + 1);
    const slash = inRoot.lastIndexOf('/');
    const fileName = inRoot.slice(slash + 1);
    const folder = readFolder(slash < 0 ? '' : inRoot.slice(0, slash));
    const entry = (
      kind: ChezmoiEntryKind,
      special: ChezmoiSpecialKind | null,
      attributes: ChezmoiFileAttributes | null,
    ): ChezmoiSourceEntry => ({
      sourcePath,
      kind,
      targetPath: null,
      template: false,
      attributes,
      special,
      inExactDir: false,
    });
    if (folder.stop !== undefined)
      return entry(folder.stop, folder.special, null);
    if (!folder.literal && fileName.startsWith('.')) {
      const special = specialFileKind(fileName);
      return special === null
        ? entry('ignored', null, null)
        : entry('special', special, null);
    }
    const attributes = folder.literal
      ? { ...parseFileName(''), targetName: fileName }
      : parseFileName(fileName);
    if (folder.inScripts && attributes.type !== 'script')
      return entry('ignored', null, attributes);
    return {
      sourcePath,
      kind: attributes.type,
      targetPath:
        folder.target === ''
          ? attributes.targetName
          : [folder.target, attributes.targetName].join('/'),
      template: attributes.template,
      attributes,
      special: null,
      inExactDir: folder.inExactDir,
    };
  };
}
