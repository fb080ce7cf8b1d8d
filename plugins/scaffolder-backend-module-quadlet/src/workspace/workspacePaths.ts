import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { inputRules } from '@quadlet-portal/core';

/**
 * A folder of the task's workspace named by an input: a relative path (rules of the core)
 * that `resolveSafeChildPath` keeps inside the workspace, symlinks followed.
 */
export function workspaceDir(
  workspacePath: string,
  field: string,
  value: unknown,
): string {
  const relative = inputRules.relativePath(field, value ?? '.', {
    allowRoot: true,
  });
  if (!relative.ok) {
    throw new InputError(`${relative.problem.field}: ${relative.problem.rule}`);
  }
  try {
    return resolveSafeChildPath(workspacePath, relative.value);
  } catch {
    throw new InputError(`${field}: must stay inside the task's workspace`);
  }
}
