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
  // One word out per word in, so `map` (an exactly sized list) rather than `push`.
  return words.map((word, i) => {
    const previous = words[i - 1];
    if (previous !== undefined && ENV_FLAGS.has(previous)) return envName(word);
    const env = /^(--env|-e)=(.*)$/.exec(word);
    if (env) return `${env[1]}=${envName(env[2])}`;
    if (
      previous !== undefined &&
      /^--?[A-Za-z][\w.-]*$/.test(previous) &&
      looksLikeSecretName(previous.replace(/^-+/, ''))
    )
      return REDACTED;
    return redactAssignment(word);
  });
}

/** `NAME=value` → `NAME` (environment values are never kept). */
function envName(word: string): string {
  const eq = word.indexOf('=');
  return eq < 0 ? word : word.slice(0, eq);
}

/** `key=value` with a secret-looking key keeps the key only. */
export function redactAssignment(word: string): string {
  // Both rules need an `=` or an `@`: most values have neither.
  if (!word.includes('=') && !word.includes('@')) return word;
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
