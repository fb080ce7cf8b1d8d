import { InputError } from '@backstage/errors';
import {
  controlCharacterProblems,
  formatInputProblems,
  type InputProblem,
} from '@quadlet-portal/core';

/** The one error every refused input becomes: each field and the rule it breaks. */
export function inputError(
  action: string,
  problems: readonly InputProblem[],
): InputError {
  const lines = formatInputProblems(problems)
    .split('\n')
    .map(line => `- ${line}`)
    .join('\n');
  return new InputError(`${action} refused its input:\n${lines}`);
}

/**
 * No input string of any action may hold a newline or control character; the few fields
 * that are free text (a commit message) are checked by their action instead.
 */
export function refuseControlCharacters(
  action: string,
  input: Record<string, unknown>,
  multiLineFields: readonly string[] = [],
): void {
  const checked = Object.fromEntries(
    Object.entries(input).filter(([key]) => !multiLineFields.includes(key)),
  );
  const problems = controlCharacterProblems(checked, '');
  if (problems.length > 0) throw inputError(action, problems);
}
