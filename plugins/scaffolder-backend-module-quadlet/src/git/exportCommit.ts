import { chmod, mkdir, readdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  isChildPath,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import { git } from './git';
import { listTree } from './repository';

export interface ExportResult {
  files: number;
  /** Entries not written, with why (submodules, links leading out of the folder). */
  skipped: string[];
}

/** Reads `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n` per object. */
function parseBatch(output: Buffer): Map<string, Buffer> {
  const objects = new Map<string, Buffer>();
  let at = 0;
  while (at < output.length) {
    const newline = output.indexOf(0x0a, at);
    if (newline < 0) break;
    const [oid, type, size] = output
      .subarray(at, newline)
      .toString('utf8')
      .split(' ');
    if (type === 'missing' || size === undefined) {
      throw new Error(`git cat-file: object ${oid} is missing`);
    }
    const start = newline + 1;
    const end = start + Number(size);
    objects.set(oid, output.subarray(start, end));
    at = end + 1;
  }
  return objects;
}

/**
 * Writes the files of `commit` under `prefix` (a folder of the repository, `''` for all)
 * into `target`, which must be empty. Reads objects with git plumbing only: the checkout, its
 * index and its branch are never touched. Executable bits are kept; symlinks are kept when
 * they stay inside `target`; submodules are left out.
 */
export async function exportCommit(
  toplevel: string,
  commit: string,
  prefix: string,
  target: string,
): Promise<ExportResult> {
  await mkdir(target, { recursive: true });
  const present = await readdir(target);
  if (present.length > 0) {
    throw new ConflictError(
      `the workspace folder to fetch into is not empty (${present
        .slice(0, 3)
        .join(', ')}${present.length > 3 ? ', …' : ''})`,
    );
  }
  const entries = await listTree(toplevel, commit, {
    recursive: true,
    path: prefix || undefined,
  });
  const skipped: string[] = [];
  const wanted = entries.filter(e => {
    if (e.type === 'blob') return true;
    skipped.push(`${e.path} (a ${e.type === 'commit' ? 'submodule' : e.type})`);
    return false;
  });
  const oids = [...new Set(wanted.map(e => e.oid))];
  const { stdout } = await git(['cat-file', '--batch'], {
    cwd: toplevel,
    input: oids.length > 0 ? `${oids.join('\n')}\n` : '',
  });
  const objects = parseBatch(stdout);
  let files = 0;
  for (const entry of wanted) {
    const relative = prefix ? entry.path.slice(prefix.length + 1) : entry.path;
    const file = resolveSafeChildPath(target, relative);
    await mkdir(path.dirname(file), { recursive: true });
    const content = objects.get(entry.oid)!;
    if (entry.mode === '120000') {
      const linkTarget = content.toString('utf8');
      const resolved = path.resolve(path.dirname(file), linkTarget);
      if (path.isAbsolute(linkTarget) || !isChildPath(target, resolved)) {
        skipped.push(
          `${relative} (a symlink to ${linkTarget}, outside the folder)`,
        );
        continue;
      }
      await symlink(linkTarget, file);
    } else {
      await writeFile(file, content, { flag: 'wx' });
      if (entry.mode === '100755') await chmod(file, 0o755);
    }
    files++;
  }
  return { files, skipped };
}
