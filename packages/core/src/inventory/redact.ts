import { looksLikeSecretName } from '../formats/common';

/** Stands in for a value the model must not carry. */
export const REDACTED = '(redacted)';

const ENV_FLAGS = new Set(['-e', '--env']);

/**
 * Command words with secret values taken out, so `PodmanArgs=`, `Exec=` and `ExecStart=` can be
 * shown: environment assignments keep only the variable name (`--env=NAME`), and any
 * `name=value` or `--name value` whose name looks secret (`--password`, `TOKEN=`) loses its value.
 */
export function redactArgs(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const previous = words[i - 1];
    if (previous !== undefined && ENV_FLAGS.has(previous)) {
      out.push(envName(word));
      continue;
    }
    const env = /^(--env|-e)=(.*)$/.exec(word);
    if (env) {
      out.push(`${env[1]}=${envName(env[2])}`);
      continue;
    }
    if (
      previous !== undefined &&
      /^--?[A-Za-z][\w.-]*$/.test(previous) &&
      looksLikeSecretName(previous.replace(/^-+/, ''))
    ) {
      out.push(REDACTED);
      continue;
    }
    out.push(redactAssignment(word));
  }
  return out;
}

/** `NAME=value` → `NAME` (environment values are never kept). */
function envName(word: string): string {
  const eq = word.indexOf('=');
  return eq < 0 ? word : word.slice(0, eq);
}

/** `key=value` with a secret-looking key keeps the key only. */
export function redactAssignment(word: string): string {
  const m = /^(-{0,2}[A-Za-z_][\w.-]*)=(.*)$/s.exec(word);
  if (m && m[2] !== '' && looksLikeSecretName(m[1].replace(/^-+/, '')))
    return `${m[1]}=${REDACTED}`;
  // A URL with credentials in it (`postgres://user:pass@host`) keeps scheme and host only.
  return word.replace(
    /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/@\s]*:[^/@\s]*@/g,
    '$1',
  );
}

/** A free-text value of a secret-looking key is dropped; others pass through `redactAssignment`. */
export function redactValue(key: string, value: string): string | undefined {
  if (looksLikeSecretName(key)) return undefined;
  return redactAssignment(value);
}
