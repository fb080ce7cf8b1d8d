/**
 * llama-swap macros: `${name}` in cmd, cmdStop, proxy and checkEndpoint is replaced by the
 * macro's value. The effective list is `MODEL_ID`, then the top-level macros in file order,
 * with model-level macros replacing same-named ones in place (or appended). Substitution
 * runs from the last macro to the first, which is how a macro may use any macro defined
 * before it. `${PORT}` comes last, `${env.NAME}` is left alone (llama-swap fills it from its
 * own environment before parsing, which a repository does not have).
 */

export interface LlamaSwapMacro {
  name: string;
  /** The value as llama-swap prints it (`%v`): strings as is, numbers and booleans as text. */
  value: string;
  line: number;
}

/** llama-swap's macro name rule. */
export const MACRO_NAME_RE = /^[a-zA-Z0-9_-]+$/;
export const RESERVED_MACROS = new Set(['PORT', 'MODEL_ID']);
const REFERENCE_RE = /\$\{([a-zA-Z0-9_-]+)\}/g;
const ENV_REFERENCE_RE = /\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}/g;

/** MODEL_ID + global macros, with model macros overriding in place. */
export function effectiveMacros(
  modelId: string,
  globals: readonly LlamaSwapMacro[],
  locals: readonly LlamaSwapMacro[],
): LlamaSwapMacro[] {
  const merged: LlamaSwapMacro[] = [
    { name: 'MODEL_ID', value: modelId, line: 0 },
    ...globals,
  ];
  for (const local of locals) {
    const index = merged.findIndex(macro => macro.name === local.name);
    if (index >= 0) merged[index] = local;
    else merged.push(local);
  }
  return merged;
}

export function expandMacros(
  text: string,
  macros: readonly LlamaSwapMacro[],
): string {
  let result = text;
  for (let i = macros.length - 1; i >= 0; i--) {
    if (result.includes('${')) {
      result = result.split(`\${${macros[i].name}}`).join(macros[i].value);
    }
  }
  return result;
}

/** Names of the `${name}` references still in `text` (env references excluded). */
export function macroReferences(text: string): string[] {
  return [...text.matchAll(REFERENCE_RE)].map(match => match[1]);
}

/** Names of the environment variables read through `${env.NAME}`. */
export function envReferences(text: string): string[] {
  return [...text.matchAll(ENV_REFERENCE_RE)].map(match => match[1]);
}
