import path from 'node:path';
import { realpath } from 'node:fs/promises';
import type { Config } from '@backstage/config';
import { isChildPath } from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import { inputRules } from '@quadlet-portal/core';

/**
 * Where local boxes may live: `quadletPortal.scaffolder.localRoot`. Every repository path a
 * template gives is resolved under it, symlinks followed, and refused when it leaves it.
 */
export class LocalRepositories {
  /** `root` absolute, or undefined when local boxes are off. */
  constructor(readonly root: string | undefined) {}

  static fromConfig(config: Config, cwd = process.cwd()): LocalRepositories {
    const root = config.getOptionalString('quadletPortal.scaffolder.localRoot');
    return new LocalRepositories(
      root === undefined ? undefined : path.resolve(cwd, root),
    );
  }

  /** The absolute folder for `value` (a path relative to the root), checked. */
  async resolve(field: string, value: unknown): Promise<string> {
    if (this.root === undefined) {
      throw new NotAllowedError(
        'local repositories are off: set quadletPortal.scaffolder.localRoot to the folder that holds them',
      );
    }
    const relative = inputRules.relativePath(field, value, { allowRoot: true });
    if (!relative.ok) {
      throw new InputError(
        `${relative.problem.field}: ${relative.problem.rule}`,
      );
    }
    const absolute = path.resolve(this.root, relative.value);
    let real: string;
    try {
      real = await realpath(absolute);
    } catch {
      throw new InputError(
        `${field}: ${relative.value} does not exist under the local root`,
      );
    }
    // isChildPath follows symlinks on both sides, so a link out of the root is refused too.
    if (!isChildPath(this.root, real)) {
      throw new InputError(
        `${field}: must stay inside the local root (quadletPortal.scaffolder.localRoot)`,
      );
    }
    return real;
  }

  /** True when `dir` (already resolved) is the root or inside it. */
  contains(dir: string): boolean {
    return this.root !== undefined && isChildPath(this.root, dir);
  }
}
