import type { Diagnostic } from '../diagnostic';
import { readKargs } from '../formats/kargs';
import type { ConfigFile } from './configFiles';
import type { KernelArg } from './types';

/** Kernel arguments from bootc `kargs.d/*.toml` files, in file order, with their rationale comments. */
export function readKernelArgs(configs: readonly ConfigFile[]): {
  kernelArgs: KernelArg[];
  diagnostics: (Diagnostic & { tree: string })[];
} {
  const kernelArgs: KernelArg[] = [];
  const diagnostics: (Diagnostic & { tree: string })[] = [];
  for (const { tree, file } of configs.filter(c => c.kind === 'kargs')) {
    const { kargs, diagnostics: found } = readKargs({
      path: file.path,
      content: file.source.content,
    });
    diagnostics.push(...found.map(d => ({ ...d, tree: tree.name })));
    for (const karg of kargs.kargs) {
      const arg: KernelArg = {
        arg: karg.raw,
        key: karg.key,
        architectures: kargs.matchArchitectures?.values ?? [],
        rationale: rationaleOf(kargs.rationale, karg.rationale),
        source: {
          tree: tree.name,
          path: file.path,
          line: Math.max(1, karg.line),
        },
        from: 'kargs.d',
        decisions: [],
      };
      if (karg.value !== undefined) arg.value = karg.value;
      kernelArgs.push(arg);
    }
  }
  return { kernelArgs, diagnostics };
}

/** The entry's own comments, with the file's header in front when the entry's comments are not that header. */
function rationaleOf(file: string, entry: string): string {
  if (entry.trim() === '') return file;
  if (file.trim() === '' || entry.includes(file)) return entry;
  return `${file}\n${entry}`;
}
