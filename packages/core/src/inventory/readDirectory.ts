import { readdirSync, readFileSync } from 'node:fs';
import { lstat, readdir, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import { readGitLog } from '../formats/decisions';
import { quadletTypeOf } from '../quadlet';
import type { SourceFile } from '../sourceFile';
import { compare } from './compare';
import { readBox } from './readBox';
import type {
  BoxLink,
  BoxTree,
  Inventory,
  InventoryDiagnostic,
  ReadBoxOptions,
  TreeRole,
} from './types';

/** Folders never read: version control and installed dependencies. */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** Names at the top of a folder that make it a repository of its own. */
const REPO_MARKERS = [
  '.git',
  '.chezmoiroot',
  'mkosi.conf',
  'mkosi.conf.d',
  'README.md',
  'README',
  'readme.md',
  'Containerfile',
  'Dockerfile',
];

export interface ReadDirectoriesOptions extends ReadBoxOptions {
  /** Read commit messages with git (for decision citations). Default true. */
  commits?: boolean;
}

export interface DirectoryTree {
  name: string;
  dir: string;
  role?: TreeRole;
}

/**
 * Reads a box from disk and returns its Inventory: the one place of the core that touches
 * the file system (and git, for commit messages).
 *
 * - `dirs` as a list: each folder is one tree, named after the folder, its role detected.
 *   A folder that is not a repository itself (none of `.git`, `.chezmoiroot`, `mkosi.conf`,
 *   `README.md`… at its top) but has child folders that are, is read as one tree per such
 *   child (`examples/sodimo` → `dotfiles`, `harness`).
 * - `{ dotfiles, os }`: the two trees with their roles given.
 *
 * `.git` and `node_modules` are skipped. Symlinks are never followed out of the tree; a link to
 * a quadlet inside the tree is kept as a link fact (a `web@blue.container` instance), other
 * in-tree file links are read as the file they point at. A folder that cannot be read becomes
 * a diagnostic, never an exception.
 */
export async function readBoxFromDirectories(
  dirs: readonly string[] | { dotfiles?: string; os?: string },
  options: ReadDirectoriesOptions = {},
): Promise<Inventory> {
  const problems: InventoryDiagnostic[] = [];
  const wanted: DirectoryTree[] = [];
  if (Array.isArray(dirs)) {
    for (const dir of dirs as readonly string[])
      wanted.push(...(await treesOfDirectory(dir, problems)));
  } else {
    const given = dirs as { dotfiles?: string; os?: string };
    if (given.dotfiles)
      wanted.push({
        name: path.basename(path.resolve(given.dotfiles)),
        dir: given.dotfiles,
        role: 'dotfiles',
      });
    if (given.os)
      wanted.push({
        name: path.basename(path.resolve(given.os)),
        dir: given.os,
        role: 'os',
      });
  }
  const trees: BoxTree[] = [];
  for (const want of wanted) {
    let started = performance.now();
    const { tree, diagnostics } = await readDirectoryTree(want.dir, {
      name: want.name,
      role: want.role,
      commits: false,
    });
    problems.push(...diagnostics);
    options.onStage?.(`read ${want.name}`, performance.now() - started);
    if (options.commits !== false) {
      started = performance.now();
      tree.commits = await readGitLog(want.dir);
      options.onStage?.(`git log ${want.name}`, performance.now() - started);
    }
    trees.push(tree);
  }
  const inventory = readBox(trees, options);
  if (problems.length > 0) {
    inventory.diagnostics = [...problems, ...inventory.diagnostics];
  }
  return inventory;
}

/** The trees a folder given on the command line stands for (see `readBoxFromDirectories`). */
export async function treesOfDirectory(
  dir: string,
  problems: InventoryDiagnostic[] = [],
): Promise<DirectoryTree[]> {
  const resolved = path.resolve(dir);
  const single = [{ name: path.basename(resolved), dir }];
  let entries;
  try {
    entries = await readdir(resolved, { withFileTypes: true });
  } catch (error) {
    problems.push(unreadable(dir, error));
    return [];
  }
  if (entries.some(e => REPO_MARKERS.includes(e.name))) return single;
  const repos: DirectoryTree[] = [];
  for (const entry of entries
    .filter(e => e.isDirectory() && !SKIPPED_DIRS.has(e.name))
    .sort((a, b) => compare(a.name, b.name))) {
    const child = path.join(dir, entry.name);
    try {
      const names = await readdir(child);
      if (names.some(n => REPO_MARKERS.includes(n)))
        repos.push({ name: entry.name, dir: child });
    } catch {
      // Unreadable children are reported when (and if) they are read as a tree.
    }
  }
  return repos.length > 0 ? repos : single;
}

export interface ReadDirectoryTreeOptions {
  /** The tree's name in the box (`dotfiles`). */
  name: string;
  /** Detected by `readBox` when absent. */
  role?: TreeRole;
  /** Read commit messages with git (for decision citations). Default true. */
  commits?: boolean;
  /** Stops the walk between folders (a scheduled run that timed out): the only way it throws. */
  signal?: AbortSignal;
}

/**
 * Reads one folder into a `BoxTree`: every file in code-unit path order, `.git` and
 * `node_modules` skipped, in-tree symlinks kept (a quadlet link as a link fact, any other file
 * read through it), links out of the tree reported and not followed, and (unless
 * `commits: false`) the commit messages git has for it. `location` is `dir` as given.
 *
 * Problems (a folder or file that cannot be read, a broken link) are returned as diagnostics
 * of the tree, never thrown; a root that cannot be read gives one `inventory/unreadable` on `.`.
 * Used by `readBoxFromDirectories` and by the catalog provider for local trees.
 */
export async function readDirectoryTree(
  dir: string,
  options: ReadDirectoryTreeOptions,
): Promise<{ tree: BoxTree; diagnostics: InventoryDiagnostic[] }> {
  const { name, signal } = options;
  const problems: InventoryDiagnostic[] = [];
  const root = path.resolve(dir);
  const files: SourceFile[] = [];
  const links: BoxLink[] = [];
  const pending: { rel: string; abs: string }[] = [];
  // `path.join` without its normalising: `root` is resolved and names from `readdir` hold no `/`.
  const under = (parent: string, child: string) =>
    parent.endsWith('/') ? `${parent}${child}` : [parent, child].join('/');
  const walk = async (relDir: string): Promise<void> => {
    signal?.throwIfAborted();
    const absDir = relDir === '' ? root : under(root, relDir);
    let entries;
    try {
      // Synchronous, like the reads below: thousands of folders each cost a round trip
      // through the thread pool otherwise.
      entries = readdirSync(absDir, { withFileTypes: true });
    } catch (error) {
      problems.push({ ...unreadable(relDir || '.', error), tree: name });
      return;
    }
    entries.sort((a, b) => compare(a.name, b.name));
    for (const entry of entries) {
      // `join` gives a flat string; `+` would give a rope per path segment, kept in every fact.
      const rel = relDir === '' ? entry.name : [relDir, entry.name].join('/');
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(rel);
      } else if (entry.isFile()) {
        pending.push({ rel, abs: under(absDir, entry.name) });
      } else if (entry.isSymbolicLink()) {
        await readLink(
          root,
          rel,
          under(absDir, entry.name),
          name,
          links,
          pending,
          problems,
        );
      }
    }
  };
  await walk('');
  // Synchronous reads: for many small files they are several times faster than the
  // promise API (one call instead of open/stat/read/close round trips through the pool).
  for (const f of pending) {
    try {
      files.push({ path: f.rel, content: readFileSync(f.abs) });
    } catch (error) {
      problems.push({ ...unreadable(f.rel, error), tree: name });
    }
  }
  const tree: BoxTree = { name, files, links, location: dir };
  if (options.role) tree.role = options.role;
  if (options.commits !== false) tree.commits = await readGitLog(dir);
  return { tree, diagnostics: problems };
}

/** Keeps in-tree links: quadlets as link facts, other files read through the link; anything else is reported. */
async function readLink(
  root: string,
  rel: string,
  abs: string,
  tree: string,
  links: BoxLink[],
  pending: { rel: string; abs: string }[],
  problems: InventoryDiagnostic[],
): Promise<void> {
  let target: string;
  try {
    target = path.resolve(path.dirname(abs), await readlink(abs));
  } catch (error) {
    problems.push({ ...unreadable(rel, error), tree });
    return;
  }
  const inside = path.relative(root, target);
  if (inside.startsWith('..') || path.isAbsolute(inside)) {
    problems.push({
      tree,
      file: rel,
      line: 0,
      severity: 'info',
      code: 'inventory/link-outside-tree',
      message: `symlink to ${target}, outside the tree: not followed`,
    });
    return;
  }
  const targetRel = inside.split(path.sep).join('/');
  try {
    const info = await lstat(target);
    if (
      !info.isFile() &&
      !(info.isSymbolicLink() && (await stat(target)).isFile())
    ) {
      problems.push({
        tree,
        file: rel,
        line: 0,
        severity: 'info',
        code: 'inventory/link-not-file',
        message: `symlink to ${targetRel}, which is not a file: not followed`,
      });
      return;
    }
  } catch {
    problems.push({
      tree,
      file: rel,
      line: 0,
      severity: 'warning',
      code: 'inventory/broken-link',
      message: `symlink to ${targetRel}, which does not exist`,
    });
    return;
  }
  links.push({ path: rel, target: targetRel });
  if (!quadletTypeOf(rel)) pending.push({ rel, abs: target });
}

function unreadable(file: string, error: unknown): InventoryDiagnostic {
  const code = (error as NodeJS.ErrnoException)?.code;
  return {
    file,
    line: 0,
    severity: 'error',
    code: 'inventory/unreadable',
    message: `cannot read ${file}${code ? ` (${code})` : ''}`,
  };
}
