import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import type { SourceFile } from '../sourceFile';

/** Test helper: reads a fixture folder as the files of a tree, under an optional prefix. */
export function fixtureTree(dir: string, prefix = ''): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (abs: string, rel: string) => {
    for (const name of readdirSync(abs).sort()) {
      const childAbs = join(abs, name);
      const childRel = rel === '' ? name : `${rel}/${name}`;
      if (statSync(childAbs).isDirectory()) walk(childAbs, childRel);
      else
        out.push({
          path: posix.join(prefix, childRel),
          content: readFileSync(childAbs),
        });
    }
  };
  walk(dir, '');
  return out;
}
