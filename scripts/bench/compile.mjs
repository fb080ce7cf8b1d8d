// Transpiles `packages/core/src` once into `.cache/bench/core/` (CommonJS, the same swc
// settings as Backstage's node transform, without inline source maps), so the bench can
// measure the scan without the on-the-fly TypeScript compiler (its require hook, its loader
// thread and the source maps it keeps) sitting in the same process. Rebuilt when a source
// file changes (content hash), reused otherwise.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Non-test TypeScript sources of a folder, relative paths, in a stable order. */
function sourcesOf(root) {
  const out = [];
  const walk = rel => {
    const entries = readdirSync(path.join(root, rel), { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (entry.name !== '__fixtures__' && entry.name !== 'node_modules')
          walk(child);
      } else if (
        entry.isFile() &&
        entry.name.endsWith('.ts') &&
        !entry.name.endsWith('.d.ts') &&
        !/\.test\.ts$/.test(entry.name)
      ) {
        out.push(child);
      }
    }
  };
  walk('');
  return out;
}

/**
 * Compiles `srcDir` into `outDir` unless `outDir` already holds a build of the same sources.
 * Returns the entry file (`index.js`), whether it was rebuilt, and the files left out.
 */
export function compileCore(srcDir, outDir) {
  const sources = sourcesOf(srcDir);
  const hash = createHash('sha256');
  const texts = new Map();
  for (const rel of sources) {
    const text = readFileSync(path.join(srcDir, rel), 'utf8');
    texts.set(rel, text);
    hash.update(rel).update('\0').update(text).update('\0');
  }
  const digest = hash.digest('hex');
  const stamp = path.join(outDir, '.sources.sha256');
  const entry = path.join(outDir, 'index.js');
  if (
    existsSync(stamp) &&
    existsSync(entry) &&
    readFileSync(stamp, 'utf8') === digest
  )
    return { entry, rebuilt: false, files: sources.length, skipped: [] };

  const { transformSync } = require('@swc/core');
  rmSync(outDir, { recursive: true, force: true });
  // A file that does not compile (someone's work in progress) is left out: the scan only
  // fails if it actually imports it, as it would through the transform.
  const skipped = [];
  for (const rel of sources) {
    let code;
    try {
      ({ code } = transformSync(texts.get(rel), {
        filename: path.join(srcDir, rel),
        sourceMaps: false,
        module: { type: 'commonjs', ignoreDynamic: true },
        jsc: { target: 'es2023', parser: { syntax: 'typescript' } },
      }));
    } catch {
      skipped.push(rel);
      continue;
    }
    const out = path.join(outDir, rel.replace(/\.ts$/, '.js'));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, code);
  }
  if (skipped.length === 0) writeFileSync(stamp, digest);
  return {
    entry,
    rebuilt: true,
    files: sources.length - skipped.length,
    skipped,
  };
}
