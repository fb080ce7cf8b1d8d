import { readFile, readdir, readlink, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  quadletTypeOf,
  readGitLog,
  type BoxLink,
  type BoxTree,
  type InventoryDiagnostic,
  type SourceFile,
} from '@quadlet-portal/core';
import type { BoxTreeConfig } from '../config/types';

/** Folders never read: version control and installed dependencies (as the core's directory reader). */
const SKIPPED_DIRS = new Set(['.git', 'node_modules']);

/** The same codes as the core's directory reader, so the System shows them alike. */
class Problems {
  readonly list: InventoryDiagnostic[] = [];
  constructor(private readonly tree: string) {}

  unreadable(file: string, error: unknown): void {
    const code = (error as NodeJS.ErrnoException)?.code;
    this.list.push({
      tree: this.tree,
      file,
      line: 0,
      severity: 'error',
      code: 'inventory/unreadable',
      message: `cannot read ${file}${code ? ` (${code})` : ''}`,
    });
  }

  brokenLink(file: string, target: string): void {
    this.list.push({
      tree: this.tree,
      file,
      line: 0,
      severity: 'warning',
      code: 'inventory/broken-link',
      message: `symlink to ${target}, which does not exist`,
    });
  }
}

/**
 * Reads a local checkout into a `BoxTree`, the same shape the core's `readBoxFromDirectories`
 * builds: `.git`/`node_modules` skipped, in-tree symlinks kept (a quadlet link as a link fact,
 * any other file read through it), links out of the tree ignored, commit messages from git.
 *
 * A root that is not a readable directory throws (the source failed: the catalog keeps the last
 * entities); an unreadable file or folder below it becomes a diagnostic of the box, as in the core.
 */
export async function readDirectoryTree(
  config: BoxTreeConfig & { source: { type: 'directory' } },
  signal?: AbortSignal,
): Promise<{ tree: BoxTree; diagnostics: InventoryDiagnostic[] }> {
  const root = config.source.path;
  const info = await stat(root);
  if (!info.isDirectory()) throw new Error(`${root} is not a directory`);

  const files: SourceFile[] = [];
  const links: BoxLink[] = [];
  const problems = new Problems(config.name);
  const walk = async (rel: string): Promise<void> => {
    signal?.throwIfAborted();
    const abs = rel === '' ? root : path.join(root, rel);
    let entries;
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (error) {
      problems.unreadable(rel || '.', error);
      return;
    }
    entries.sort((a, b) => byCodeUnits(a.name, b.name));
    for (const entry of entries) {
      const childRel = rel === '' ? entry.name : `${rel}/${entry.name}`;
      const childAbs = path.join(abs, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) await walk(childRel);
      } else if (entry.isFile()) {
        await readInto(files, childRel, childAbs, problems);
      } else if (entry.isSymbolicLink()) {
        await followLink(root, childRel, childAbs, files, links, problems);
      }
    }
  };
  await walk('');

  const tree: BoxTree = {
    name: config.name,
    files,
    links,
    location: root,
    commits: await readGitLog(root),
  };
  if (config.role) tree.role = config.role;
  return { tree, diagnostics: problems.list };
}

async function readInto(
  files: SourceFile[],
  rel: string,
  abs: string,
  problems: Problems,
): Promise<void> {
  try {
    files.push({ path: rel, content: await readFile(abs) });
  } catch (error) {
    problems.unreadable(rel, error);
  }
}

async function followLink(
  root: string,
  rel: string,
  abs: string,
  files: SourceFile[],
  links: BoxLink[],
  problems: Problems,
): Promise<void> {
  let target: string;
  try {
    target = path.resolve(path.dirname(abs), await readlink(abs));
  } catch (error) {
    problems.unreadable(rel, error);
    return;
  }
  const inside = path.relative(root, target);
  // Never follow a link out of the tree: it could expose files the box does not own.
  if (inside.startsWith('..') || path.isAbsolute(inside)) return;
  try {
    if (!(await stat(target)).isFile()) return;
  } catch {
    problems.brokenLink(rel, inside);
    return;
  }
  links.push({ path: rel, target: inside.split(path.sep).join('/') });
  // A quadlet read through a link is an instance of the unit it points at (the core resolves it).
  if (!quadletTypeOf(rel)) await readInto(files, rel, target, problems);
}

/** Plain code-unit order, as the core sorts paths (no locale). */
function byCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
