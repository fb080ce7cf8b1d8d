import type { EnvFile, EnvFileRef, NamedValueRef } from '../inventory/types';
import type { Linker } from './links';
import { code, listText } from './markdown';
import { unique } from './secretNames';

const STATUS_TEXT: Record<EnvFile['status'], string> = {
  present: 'in the repository',
  template: 'rendered from',
  missing: '**missing**: neither in the repositories nor rendered from a template',
  external: 'outside the repositories (created on the box)',
};

/** One env file a unit reads: where it comes from, and the names of its variables. */
export function envFileItem(ref: EnvFileRef, file: EnvFile | undefined, l: Linker): string {
  const optional = ref.optional ? ' (optional)' : '';
  const head = `${code(ref.path)}${optional}`;
  if (!file) return `${head} — not resolved`;
  const origin =
    file.file && (file.status === 'template' || file.status === 'present')
      ? `${STATUS_TEXT[file.status]} ${l.place({ tree: file.file.tree, path: file.file.path })}`
      : STATUS_TEXT[file.status];
  const names = unique(file.variables.map(v => v.name));
  let vars = '';
  if (names.length > 0) vars = `; variables ${listText(names.map(code))}`;
  else if (file.file) vars = '; no variables';
  return `${head} — ${origin}${vars}`;
}

/** Env files, and the names `Environment=` sets; values never appear. */
export function envItems(
  refs: readonly EnvFileRef[],
  environment: readonly NamedValueRef[],
  envFiles: ReadonlyMap<string, EnvFile>,
  l: Linker,
): string[] {
  const items: string[] = [];
  const seen = new Set<string>();
  for (const ref of refs) {
    if (seen.has(ref.envFile)) continue;
    seen.add(ref.envFile);
    items.push(envFileItem(ref, envFiles.get(ref.envFile), l));
  }
  const names = unique(environment.map(v => v.name));
  if (names.length > 0) items.push(`set in the unit: ${listText(names.map(code))}`);
  return items;
}
