import { InputError } from '@backstage/errors';
import { git, gitLine, GitError, nulRecords } from './git';

/** A folder inside a git checkout: the checkout's top and where the folder sits in it. */
export interface RepositoryFolder {
  /** Absolute top folder of the checkout. */
  toplevel: string;
  /** Absolute git directory (`.git`, or the worktree's). */
  gitDir: string;
  /** The folder's path in the repository, `''` for the top, without a trailing `/`. */
  prefix: string;
}

export async function repositoryFolder(
  field: string,
  dir: string,
): Promise<RepositoryFolder> {
  try {
    const [toplevel, gitDir, prefix] = (
      await gitLine(
        ['rev-parse', '--show-toplevel', '--absolute-git-dir', '--show-prefix'],
        { cwd: dir },
      )
    ).split('\n');
    return { toplevel, gitDir, prefix: (prefix ?? '').replace(/\/$/, '') };
  } catch (error) {
    if (error instanceof GitError) {
      throw new InputError(
        `${field}: is not inside a git repository (${error.stderr.trim()})`,
      );
    }
    throw error;
  }
}

/** A revision as a template may name it: a branch, tag or sha, never an option. */
const REVISION = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;

/** Resolves `revision` to a commit sha, refusing anything that is not plainly a revision name. */
export async function resolveCommit(
  field: string,
  toplevel: string,
  revision: string,
): Promise<string> {
  if (
    revision !== 'HEAD' &&
    (!REVISION.test(revision) || revision.includes('..'))
  ) {
    throw new InputError(
      `${field}: must be a branch, tag or commit sha (letters, digits, ".", "_", "/", "-"; not starting with "-")`,
    );
  }
  const { stdout, exitCode } = await git(
    [
      'rev-parse',
      '--verify',
      '--quiet',
      '--end-of-options',
      `${revision}^{commit}`,
    ],
    { cwd: toplevel, okExitCodes: [1] },
  );
  if (exitCode !== 0) {
    throw new InputError(
      `${field}: ${revision} is not a commit of ${toplevel}`,
    );
  }
  return stdout.toString('utf8').trim();
}

export interface TreeEntry {
  mode: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Name (for one level) or path (recursive listing). */
  path: string;
}

/** `git ls-tree -z`, parsed. */
export async function listTree(
  toplevel: string,
  treeish: string,
  options: { recursive?: boolean; path?: string } = {},
): Promise<TreeEntry[]> {
  const args = ['ls-tree', '-z', '--full-tree'];
  if (options.recursive) args.push('-r');
  args.push('--end-of-options', treeish);
  if (options.path) args.push('--', options.path);
  const { stdout } = await git(args, { cwd: toplevel });
  return nulRecords(stdout).map(record => {
    const tab = record.indexOf('\t');
    const [mode, type, oid] = record.slice(0, tab).split(' ');
    return {
      mode,
      type: type as TreeEntry['type'],
      oid,
      path: record.slice(tab + 1),
    };
  });
}
