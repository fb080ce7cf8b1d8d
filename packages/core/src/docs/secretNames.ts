import { looksLikeSecretName } from '../formats/common';
import type { EnvFile, EnvFileRef, NamedValueRef, UnitSecretRef } from '../inventory/types';
import { compareText } from '../entities/compareText';
import { code, listText } from './markdown';

/** Basename of an env file key: `.config/sodimo/piler.env` → `piler.env`. */
export function envFileName(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

/**
 * The names of a unit's secrets, never their values: podman secrets (`Secret=`), and the
 * variables of its env files and `Environment=` lines whose name says they hold one
 * (`*_PASSWORD`, `*_KEY`, `*_TOKEN`, connection URLs…).
 */
export function secretsLine(
  secrets: readonly UnitSecretRef[],
  environment: readonly NamedValueRef[],
  envFileRefs: readonly EnvFileRef[],
  envFiles: ReadonlyMap<string, EnvFile>,
): string {
  const parts: string[] = [];
  const podman = [...secrets]
    .sort((a, b) => compareText(a.name, b.name))
    .map(s => {
      if (!s.target) return code(s.name);
      return `${code(s.name)} ${s.type === 'env' ? 'as' : 'at'} ${code(s.target)}`;
    });
  if (podman.length > 0) parts.push(`podman ${podman.length === 1 ? 'secret' : 'secrets'} ${listText(podman)}`);

  const fromUnit = unique(environment.map(v => v.name).filter(looksLikeSecretName));
  if (fromUnit.length > 0) parts.push(`in the unit: ${listText(fromUnit.map(code))}`);
  const seen = new Set<string>();
  for (const ref of envFileRefs) {
    const file = envFiles.get(ref.envFile);
    if (!file || seen.has(file.key)) continue;
    seen.add(file.key);
    const names = unique(file.variables.map(v => v.name).filter(looksLikeSecretName));
    if (names.length > 0) parts.push(`in ${code(envFileName(file.key))}: ${listText(names.map(code))}`);
  }
  if (parts.length === 0) return 'none found (no `Secret=` line, no variable named like a secret)';
  return parts.join('; ');
}

/** Names in first-seen order, each once. */
export function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}
