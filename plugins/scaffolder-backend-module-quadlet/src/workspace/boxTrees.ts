import { stat } from 'node:fs/promises';
import { InputError } from '@backstage/errors';
import type { BoxTree } from '@quadlet-portal/core';
import { readWorkspaceTree } from './readWorkspaceTree';
import { workspaceDir } from './workspacePaths';

/** The trees of a box as a task's workspace holds them, with the folder each was read from. */
export interface WorkspaceBox {
  trees: BoxTree[];
  /** Tree name → absolute folder in the workspace. */
  roots: Map<string, string>;
}

async function isDirectory(dir: string): Promise<boolean> {
  return stat(dir)
    .then(s => s.isDirectory())
    .catch(() => false);
}

/**
 * Reads the dotfiles tree (`dotfilesPath`, default the workspace itself) and, when given, the
 * OS tree (`osPath`) of a box from the workspace. They are named `dotfiles` and `os` in
 * findings and outputs.
 */
export async function readWorkspaceBox(
  workspacePath: string,
  input: { dotfilesPath?: string; osPath?: string },
): Promise<WorkspaceBox> {
  const wanted: {
    name: string;
    role: 'dotfiles' | 'os';
    field: string;
    value?: string;
  }[] = [
    {
      name: 'dotfiles',
      role: 'dotfiles',
      field: 'dotfilesPath',
      value: input.dotfilesPath ?? '.',
    },
  ];
  if (input.osPath) {
    wanted.push({
      name: 'os',
      role: 'os',
      field: 'osPath',
      value: input.osPath,
    });
  }
  const trees: BoxTree[] = [];
  const roots = new Map<string, string>();
  for (const want of wanted) {
    const dir = workspaceDir(workspacePath, want.field, want.value);
    if (!(await isDirectory(dir))) {
      throw new InputError(
        `${want.field}: ${want.value} is not a folder of the workspace (fetch the box's repository there first)`,
      );
    }
    trees.push(await readWorkspaceTree(dir, want.name, want.role));
    roots.set(want.name, dir);
  }
  return { trees, roots };
}
