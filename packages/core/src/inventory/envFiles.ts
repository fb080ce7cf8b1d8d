import type { Diagnostic } from '../diagnostic';
import { modelEnvFile, parseEnvFile } from '../formats/env-template';
import type { BoxFiles } from './boxFiles';
import { compare } from './compare';
import type { ConfigFile } from './configFiles';
import type { TreeFile, TreeIndex } from './treeIndex';
import type { EnvFile, EnvFileRef } from './types';

export interface EnvFileUse {
  unitId: string;
  ref: EnvFileRef;
}

/**
 * One entry per env file the box uses or holds: where units point (`%h/.config/sodimo/x.env`),
 * whether the repository has the file or a template that renders it, and the names of its
 * variables. Values are never read into the model.
 */
export function readEnvFiles(
  uses: readonly EnvFileUse[],
  configs: readonly ConfigFile[],
  trees: readonly TreeIndex[],
  files: BoxFiles,
): { envFiles: EnvFile[]; diagnostics: (Diagnostic & { tree: string })[] } {
  const diagnostics: (Diagnostic & { tree: string })[] = [];
  const byKey = new Map<string, EnvFile>();
  const treeOf = new Map(trees.map(t => [t.name, t]));

  const describe = (
    key: string,
    file: TreeFile | undefined,
    status: EnvFile['status'],
  ): EnvFile => {
    const entry: EnvFile = {
      key,
      references: [],
      status,
      variables: [],
      usedBy: [],
      decisions: [],
    };
    if (file) {
      entry.file = { tree: file.tree, path: file.path };
      const tree = treeOf.get(file.tree)!;
      const model = modelEnvFile(
        parseEnvFile({ path: file.path, text: tree.text(file) }),
      );
      entry.variables = model.variables.map(v => ({
        name: v.name,
        source: { tree: file.tree, path: file.path, line: Math.max(1, v.line) },
      }));
      diagnostics.push(
        ...model.diagnostics.map(d => ({ ...d, tree: file.tree })),
      );
    }
    return entry;
  };

  for (const use of uses) {
    const key = use.ref.envFile;
    let entry = byKey.get(key);
    if (!entry) {
      const located = locate(key, files);
      entry = describe(key, located.file, located.status);
      byKey.set(key, entry);
    }
    if (!entry.references.includes(use.ref.path))
      entry.references.push(use.ref.path);
    if (!entry.usedBy.includes(use.unitId)) entry.usedBy.push(use.unitId);
  }
  // Env files the repositories hold that no unit names (a template waiting for its unit, say).
  for (const { file } of configs.filter(c => c.kind === 'env')) {
    const key = file.target ?? file.path;
    if (byKey.has(key) || byKey.has(key.replace(/\.tmpl$/, ''))) continue;
    byKey.set(
      key,
      describe(
        key,
        file,
        file.chezmoi?.template || file.path.endsWith('.tmpl')
          ? 'template'
          : 'present',
      ),
    );
  }
  const envFiles = [...byKey.values()].sort((a, b) => compare(a.key, b.key));
  for (const e of envFiles) e.usedBy.sort();
  return { envFiles, diagnostics };
}

function locate(
  key: string,
  files: BoxFiles,
): { file?: TreeFile; status: EnvFile['status'] } {
  const home = !key.startsWith('/');
  const direct = files.file(key, home);
  if (direct)
    return {
      file: direct,
      status: direct.chezmoi?.template ? 'template' : 'present',
    };
  for (const companion of [`${key}.tmpl`, `${key}.template`]) {
    const found = files.file(companion, home);
    if (found) return { file: found, status: 'template' };
  }
  return { status: home ? 'missing' : 'external' };
}
