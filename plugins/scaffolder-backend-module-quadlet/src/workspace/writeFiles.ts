import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';

export interface FileToWrite {
  /** Absolute folder of the tree in the workspace. */
  root: string;
  /** Path in the tree. */
  path: string;
  content: Buffer;
  /** `create`: must not exist. `update`: must still hold `expected`. */
  change: 'create' | 'update';
  expected?: Buffer;
}

/**
 * Writes files into the workspace, each kept inside its tree folder. A created file is opened
 * with `wx`, so an existing file is never overwritten even if it appeared since the plan; an
 * updated file must still hold the bytes the plan was made from.
 */
export async function writeWorkspaceFiles(
  files: readonly FileToWrite[],
): Promise<void> {
  // Check every update before the first write, so a refusal leaves the workspace as it was.
  for (const file of files) {
    if (file.change !== 'update') continue;
    const target = resolveSafeChildPath(file.root, file.path);
    const current = await readFile(target).catch(() => undefined);
    if (!current || !file.expected || !current.equals(file.expected)) {
      throw new ConflictError(
        `${file.path} changed in the workspace since it was read; nothing was written`,
      );
    }
  }
  for (const file of files) {
    const target = resolveSafeChildPath(file.root, file.path);
    await mkdir(path.dirname(target), { recursive: true });
    // Re-check after mkdir: a symlinked folder on the way must not lead outside the tree.
    resolveSafeChildPath(file.root, file.path);
    try {
      await writeFile(target, file.content, {
        flag: file.change === 'create' ? 'wx' : 'w',
      });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new ConflictError(
          `${file.path} already exists; an existing file is never overwritten`,
        );
      }
      throw error;
    }
  }
}
