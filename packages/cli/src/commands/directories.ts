import { statSync } from 'node:fs';
import path from 'node:path';

/** The given folders that do not exist or are not folders (relative ones resolved from `cwd`). */
export function missingDirectories(
  dirs: readonly string[],
  cwd: string,
): string[] {
  return dirs.filter(dir => {
    try {
      return !statSync(path.resolve(cwd, dir)).isDirectory();
    } catch {
      return true;
    }
  });
}
