import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The output folder of `quadlet-portal docs`: writes the guide's files atomically, keeps a
 * manifest of what it wrote, and removes only files an earlier run wrote and this one does
 * not. Files it did not write are never deleted, and never overwritten without `force`.
 */

/** The manifest in the output folder: which files the generator owns there. */
export const MANIFEST = '.quadlet-portal-docs.json';
const GENERATOR = 'quadlet-portal docs';
/** Temporary files of an interrupted write: `.README.md.qp-docs-1234-a1b2c3d4.tmp`. */
const TEMP = /^\..+\.qp-docs-\d+-[0-9a-f]+\.tmp$/;

export interface GuideFileContent {
  path: string;
  content: string;
}

export interface FolderPlan {
  /** Files to create or whose bytes change. */
  written: string[];
  unchanged: string[];
  /** Files an earlier run wrote that this guide no longer has. */
  removed: string[];
  /** Files the guide would overwrite that no earlier run wrote (and whose bytes differ). */
  conflicts: string[];
  manifestChanged: boolean;
  /** Problems reading the previous manifest (it is then treated as absent). */
  warnings: string[];
}

export function manifestContent(box: string, paths: readonly string[]): string {
  return `${JSON.stringify({ generator: GENERATOR, box, files: [...paths].sort() }, null, 2)}\n`;
}

/** A path the manifest may name: relative, inside the folder, POSIX, no `.` or `..` segments. */
function isSafePath(p: string): boolean {
  return (
    typeof p === 'string' &&
    p !== '' &&
    !p.startsWith('/') &&
    !p.includes('\\') &&
    !p.includes('\0') &&
    p.split('/').every(segment => segment !== '' && segment !== '.' && segment !== '..')
  );
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** The files the previous run wrote, from its manifest; [] when there is none. */
export function previousFiles(out: string, warnings: string[] = []): string[] {
  const text = readText(path.join(out, MANIFEST));
  if (text === undefined) return [];
  try {
    const parsed = JSON.parse(text) as { generator?: unknown; files?: unknown };
    if (parsed.generator !== GENERATOR || !Array.isArray(parsed.files)) {
      warnings.push(`${MANIFEST} was not written by ${GENERATOR}; no file is removed`);
      return [];
    }
    const files = parsed.files.filter((f): f is string => typeof f === 'string');
    const unsafe = files.filter(f => !isSafePath(f));
    if (unsafe.length > 0) warnings.push(`${MANIFEST} names paths outside the folder, ignored: ${unsafe.join(', ')}`);
    return files.filter(isSafePath);
  } catch {
    warnings.push(`${MANIFEST} is not valid JSON; no file is removed`);
    return [];
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What writing `files` into `out` would do, without touching the disk. */
export function planFolder(out: string, box: string, files: readonly GuideFileContent[]): FolderPlan {
  const warnings: string[] = [];
  const before = new Set(previousFiles(out, warnings));
  const now = new Set(files.map(f => f.path));
  const plan: FolderPlan = { written: [], unchanged: [], removed: [], conflicts: [], manifestChanged: false, warnings };
  for (const file of files) {
    const current = readText(path.join(out, file.path));
    if (current === file.content) plan.unchanged.push(file.path);
    else {
      plan.written.push(file.path);
      if (current !== undefined && !before.has(file.path)) plan.conflicts.push(file.path);
    }
  }
  plan.removed = [...before].filter(p => !now.has(p) && isFile(path.join(out, p))).sort();
  plan.manifestChanged = readText(path.join(out, MANIFEST)) !== manifestContent(box, [...now]);
  return plan;
}

/** Writes through a temporary file in the same folder and a rename: a reader sees the old bytes or the new, never half. */
export function writeAtomic(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.qp-docs-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Nothing was written, or the rename already moved it.
    }
    throw error;
  }
}

/** Removes temporary files an interrupted run left in the folders the guide writes to. */
function removeLeftovers(out: string, folders: Iterable<string>): void {
  for (const folder of folders) {
    let names: string[];
    try {
      names = readdirSync(path.join(out, folder));
    } catch {
      continue;
    }
    for (const name of names) if (TEMP.test(name)) unlinkSync(path.join(out, folder, name));
  }
}

/** Removes the folders a removal emptied, up to (not including) `out`. */
function removeEmptyParents(out: string, file: string): void {
  let dir = path.dirname(path.join(out, file));
  const root = path.resolve(out);
  while (path.resolve(dir) !== root && path.resolve(dir).startsWith(root)) {
    try {
      if (readdirSync(dir).length > 0) return;
      rmdirSync(dir);
    } catch {
      return;
    }
    dir = path.dirname(dir);
  }
}

/**
 * Applies a plan: first a manifest naming both the old and the new files (so an interrupted
 * run still owns everything it may have written), then the files, the removals, and the final
 * manifest.
 */
export function writeFolder(out: string, box: string, files: readonly GuideFileContent[], plan: FolderPlan): void {
  mkdirSync(out, { recursive: true });
  const now = files.map(f => f.path);
  const folders = new Set(['.', ...now.map(p => path.posix.dirname(p))]);
  removeLeftovers(out, folders);
  const before = previousFiles(out);
  const union = [...new Set([...before, ...now])];
  if (plan.written.length > 0 || plan.removed.length > 0) writeAtomic(path.join(out, MANIFEST), manifestContent(box, union));
  const byPath = new Map(files.map(f => [f.path, f.content]));
  for (const p of plan.written) writeAtomic(path.join(out, p), byPath.get(p)!);
  for (const p of plan.removed) {
    unlinkSync(path.join(out, p));
    removeEmptyParents(out, p);
  }
  const manifest = manifestContent(box, now);
  if (readText(path.join(out, MANIFEST)) !== manifest) writeAtomic(path.join(out, MANIFEST), manifest);
}
