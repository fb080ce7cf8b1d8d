import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { BoxTree, TreeRole } from '@quadlet-portal/core';

function byName(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Folders never read: version control and installed dependencies (as the core's reader). */
const SKIPPED = new Set(['.git', 'node_modules']);

/** A box repository is plain text; this keeps a runaway workspace from filling the memory. */
const MAX_FILES = 50_000;
const MAX_BYTES = 512 * 1024 * 1024;

/**
 * A workspace folder as a BoxTree: regular files only (symlinks are not followed, so nothing
 * outside the workspace is read), paths relative to the folder with `/` separators.
 */
export async function readWorkspaceTree(
  dir: string,
  name: string,
  role: TreeRole,
): Promise<BoxTree> {
  const files: BoxTree['files'] = [];
  let bytes = 0;
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(rel ? path.join(dir, rel) : dir, {
      withFileTypes: true,
    });
    entries.sort((a, b) => byName(a.name, b.name));
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) await walk(child);
      } else if (entry.isFile()) {
        const content = await readFile(path.join(dir, child));
        bytes += content.length;
        files.push({ path: child, content });
        if (files.length > MAX_FILES || bytes > MAX_BYTES) {
          throw new Error(
            `${name}: the workspace folder holds more than ${MAX_FILES} files or ${
              MAX_BYTES / 1024 / 1024
            } MiB; is it the right folder?`,
          );
        }
      }
    }
  };
  await walk('');
  return { name, role, files };
}
