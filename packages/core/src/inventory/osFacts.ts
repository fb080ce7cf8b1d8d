import type { Diagnostic } from '../diagnostic';
import { readMkosi } from '../formats/mkosi';
import { dirName } from '../unit';
import type { TreeIndex } from './treeIndex';
import type { KernelArg, OsFacts } from './types';

/**
 * The OS image of the first OS tree with an mkosi project (the top-most `mkosi.conf`):
 * distribution, release, image id, packages, and `KernelCommandLine=` arguments. An OS tree
 * built from a `Containerfile` instead gives its base image (`FROM`).
 */
export function readOsFacts(trees: readonly TreeIndex[]): {
  os?: OsFacts;
  kernelArgs: KernelArg[];
  diagnostics: (Diagnostic & { tree: string })[];
} {
  const diagnostics: (Diagnostic & { tree: string })[] = [];
  const kernelArgs: KernelArg[] = [];
  let os: OsFacts | undefined;
  for (const tree of trees) {
    const entries = tree.files
      .filter(f => /(^|\/)mkosi\.conf$/.test(f.path))
      .sort((a, b) => a.path.split('/').length - b.path.split('/').length);
    const entry = entries[0];
    if (!entry) {
      // A bootc image built from a Containerfile: its base image is the OS.
      const containerfile = tree.files.find(
        f => f.path === 'Containerfile' || f.path === 'Dockerfile',
      );
      const from = containerfile
        ? /^FROM\s+(?:--\S+\s+)*(\S+)/im.exec(tree.text(containerfile))
        : null;
      if (containerfile && from && !os) {
        const line = tree
          .text(containerfile)
          .slice(0, from.index)
          .split('\n').length;
        os = {
          baseImage: from[1],
          packages: [],
          source: { tree: tree.name, path: containerfile.path, line },
        };
      }
      continue;
    }
    const directory = dirName(entry.path);
    const files = tree.files
      .filter(f => f.path.includes('mkosi'))
      .map(f => f.source);
    const { config, diagnostics: found } = readMkosi(files, directory);
    diagnostics.push(...found.map(d => ({ ...d, tree: tree.name })));
    const source = { tree: tree.name, path: entry.path, line: 1 };
    for (const value of config.kernelCommandLine) {
      for (const word of value.value.split(/\s+/).filter(Boolean)) {
        const eq = word.indexOf('=');
        const arg: KernelArg = {
          arg: word,
          key: eq < 0 ? word : word.slice(0, eq),
          architectures: [],
          rationale: '',
          source: {
            tree: tree.name,
            path: value.file,
            line: Math.max(1, value.line),
          },
          from: 'mkosi',
          decisions: [],
        };
        if (eq >= 0) arg.value = word.slice(eq + 1);
        kernelArgs.push(arg);
      }
    }
    if (os) {
      diagnostics.push({
        tree: tree.name,
        file: entry.path,
        line: 0,
        severity: 'info',
        code: 'inventory/second-os',
        message: `the box's OS is read from ${os.source.tree}/${os.source.path}; this mkosi project is not summarised`,
      });
      continue;
    }
    os = { packages: config.packages.map(p => p.value), source };
    if (config.distribution) os.distribution = config.distribution.value;
    if (config.release) {
      os.release = config.release.value;
      os.source = {
        tree: tree.name,
        path: config.release.file,
        line: Math.max(1, config.release.line),
      };
    }
    if (config.architecture) os.architecture = config.architecture.value;
    if (config.imageId) os.imageId = config.imageId.value;
    if (config.imageVersion) os.imageVersion = config.imageVersion.value;
    if (config.format) os.format = config.format.value;
  }
  return { os, kernelArgs, diagnostics };
}
