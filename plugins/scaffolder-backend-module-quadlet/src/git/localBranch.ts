import path from 'node:path';
import { ConflictError, InputError } from '@backstage/errors';
import { git, gitLine, nulRecords } from './git';
import { listTree, resolveCommit, type RepositoryFolder } from './repository';

/** One workspace folder to commit over one folder of a local repository. */
export interface BranchTarget {
  /** Field name for messages: `targets[0]`. */
  field: string;
  folder: RepositoryFolder;
  /** Absolute workspace folder whose files become the folder's content. */
  workspaceDir: string;
  /** Commit the workspace was fetched from; the branch starts there. Default: HEAD. */
  baseCommit?: string;
}

export interface CommitAuthor {
  name: string;
  email: string;
}

export interface RepositoryCommit {
  /** Absolute top folder of the repository. */
  repository: string;
  /** Repository folders the commit replaces (`''` for the whole repository). */
  prefixes: string[];
  base: string;
  /** Absent when nothing changed in this repository (no branch is made there). */
  commit?: string;
  /** Paths (relative to the repository) the commit adds, changes or removes. */
  changed: string[];
  /** Workspace files left out because the repository's ignore rules name them. */
  ignored: string[];
}

/** The branch names templates may create: plain, no option, no git ref syntax tricks. */
const BRANCH = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/;

export async function checkBranchName(
  field: string,
  name: unknown,
  cwd: string,
): Promise<string> {
  const rule =
    'must be a branch name of letters, digits, ".", "_", "/" and "-", starting with a letter or digit (no "..", "//", "/." or trailing "." , "/" or ".lock")';
  if (
    typeof name !== 'string' ||
    !BRANCH.test(name) ||
    /\.\.|\/\/|\/\.|\.lock(\/|$)|[./]$/.test(name)
  ) {
    throw new InputError(`${field}: ${rule}`);
  }
  const { exitCode } = await git(['check-ref-format', `refs/heads/${name}`], {
    cwd,
    okExitCodes: [1],
  });
  if (exitCode !== 0) throw new InputError(`${field}: ${rule}`);
  return name;
}

async function branchExists(
  toplevel: string,
  branch: string,
): Promise<boolean> {
  const { exitCode } = await git(
    ['show-ref', '--verify', '--quiet', `refs/heads/${branch}`],
    { cwd: toplevel, okExitCodes: [1] },
  );
  return exitCode === 0;
}

/** The tree of a workspace folder, built in a private index (`add -A` over the base folder). */
async function workspaceTree(
  target: BranchTarget,
  base: string,
  indexFile: string,
): Promise<{ tree: string; ignored: string[] }> {
  const { folder } = target;
  const env = { GIT_INDEX_FILE: indexFile };
  const common = [
    `--git-dir=${folder.gitDir}`,
    `--work-tree=${target.workspaceDir}`,
  ];
  const baseFolder = folder.prefix
    ? (await listTree(folder.toplevel, base, { path: folder.prefix })).find(
        e => e.path === folder.prefix && e.type === 'tree',
      )
    : { oid: `${base}^{tree}` };
  // Starting from the base keeps files that are tracked although ignore rules name them.
  await git(
    baseFolder ? ['read-tree', baseFolder.oid] : ['read-tree', '--empty'],
    { cwd: folder.toplevel, env },
  );
  await git([...common, 'add', '--all', '--', '.'], {
    cwd: target.workspaceDir,
    env,
  });
  const ignored = nulRecords(
    (
      await git(
        [
          ...common,
          'ls-files',
          '-z',
          '--others',
          '--ignored',
          '--exclude-standard',
        ],
        { cwd: target.workspaceDir, env },
      )
    ).stdout,
  );
  const tree = await gitLine(['write-tree'], { cwd: folder.toplevel, env });
  return { tree, ignored };
}

/** Puts `subtree` at `segments` inside `tree` (mktree level by level; no index involved). */
async function replaceAt(
  toplevel: string,
  tree: string | undefined,
  segments: string[],
  subtree: string,
  emptyTree: string,
): Promise<string | undefined> {
  if (segments.length === 0) return subtree === emptyTree ? undefined : subtree;
  const entries = tree ? await listTree(toplevel, tree) : [];
  const [name, ...rest] = segments;
  const existing = entries.find(e => e.path === name);
  if (existing && existing.type !== 'tree') {
    throw new ConflictError(
      `the repository has a file where the folder ${name} should be`,
    );
  }
  const child = await replaceAt(
    toplevel,
    existing?.oid,
    rest,
    subtree,
    emptyTree,
  );
  const kept = entries.filter(e => e.path !== name);
  if (child)
    kept.push({ mode: '040000', type: 'tree', oid: child, path: name });
  if (kept.length === 0) return undefined;
  const input = kept
    .map(e => `${e.mode} ${e.type} ${e.oid}\t${e.path}\0`)
    .join('');
  return gitLine(['mktree', '-z'], { cwd: toplevel, input });
}

function overlapping(a: string, b: string): boolean {
  return (
    a === '' ||
    b === '' ||
    a === b ||
    a.startsWith(`${b}/`) ||
    b.startsWith(`${a}/`)
  );
}

/**
 * Commits workspace folders to a **new** branch of local repositories, one commit per
 * repository (targets in the same repository share it). Plumbing only — a private index,
 * `write-tree`, `mktree`, `commit-tree`, `update-ref` with an empty old value — so the
 * checked-out branch, the index and the working tree of the repository are never touched,
 * and a branch that exists (even one created meanwhile) is never moved.
 *
 * In `dryRun` everything is checked (repositories, base commits, the branch is free) but no
 * object or ref is written.
 */
export async function commitToNewBranch(
  targets: readonly BranchTarget[],
  options: {
    branch: string;
    message: string;
    author: CommitAuthor;
    tempDir: string;
    dryRun?: boolean;
  },
): Promise<RepositoryCommit[]> {
  const byRepository = new Map<string, BranchTarget[]>();
  for (const target of targets) {
    const list = byRepository.get(target.folder.toplevel) ?? [];
    for (const other of list) {
      if (overlapping(other.folder.prefix, target.folder.prefix)) {
        throw new InputError(
          `${target.field}: overlaps ${other.field} in ${
            target.folder.toplevel
          } (${target.folder.prefix || '(root)'} and ${
            other.folder.prefix || '(root)'
          })`,
        );
      }
    }
    list.push(target);
    byRepository.set(target.folder.toplevel, list);
  }

  // Every check first, so a refusal leaves every repository as it was.
  const plans: { repository: string; targets: BranchTarget[]; base: string }[] =
    [];
  for (const [repository, list] of byRepository) {
    const bases = new Set<string>();
    for (const target of list) {
      bases.add(
        await resolveCommit(
          `${target.field}.baseCommit`,
          repository,
          target.baseCommit ?? 'HEAD',
        ),
      );
    }
    if (bases.size > 1) {
      throw new InputError(
        `${list
          .map(t => t.field)
          .join(
            ', ',
          )}: were fetched from different commits of ${repository}; fetch them again`,
      );
    }
    if (await branchExists(repository, options.branch)) {
      throw new ConflictError(
        `branch ${options.branch} already exists in ${repository}; an existing branch is never moved (choose another name)`,
      );
    }
    plans.push({ repository, targets: list, base: [...bases][0] });
  }

  const results: RepositoryCommit[] = [];
  for (const [i, plan] of plans.entries()) {
    const result: RepositoryCommit = {
      repository: plan.repository,
      prefixes: plan.targets.map(t => t.folder.prefix),
      base: plan.base,
      changed: [],
      ignored: [],
    };
    results.push(result);
    if (options.dryRun) continue;
    const emptyTree = await gitLine(
      ['hash-object', '-t', 'tree', '-w', '--stdin'],
      {
        cwd: plan.repository,
        input: '',
      },
    );
    const baseTree = await gitLine(['rev-parse', `${plan.base}^{tree}`], {
      cwd: plan.repository,
    });
    let tree: string | undefined = baseTree;
    for (const [j, target] of plan.targets.entries()) {
      const indexFile = path.join(options.tempDir, `index-${i}-${j}`);
      const built = await workspaceTree(target, plan.base, indexFile);
      result.ignored.push(
        ...built.ignored.map(p =>
          target.folder.prefix ? `${target.folder.prefix}/${p}` : p,
        ),
      );
      tree = await replaceAt(
        plan.repository,
        tree,
        target.folder.prefix ? target.folder.prefix.split('/') : [],
        built.tree,
        emptyTree,
      );
    }
    const finalTree = tree ?? emptyTree;
    if (finalTree === baseTree) continue;
    result.changed = nulRecords(
      (
        await git(
          [
            'diff-tree',
            '-r',
            '-z',
            '--name-only',
            '--no-renames',
            baseTree,
            finalTree,
          ],
          {
            cwd: plan.repository,
          },
        )
      ).stdout,
    );
    const identity = {
      GIT_AUTHOR_NAME: options.author.name,
      GIT_AUTHOR_EMAIL: options.author.email,
      GIT_COMMITTER_NAME: options.author.name,
      GIT_COMMITTER_EMAIL: options.author.email,
    };
    const commit = await gitLine(
      ['commit-tree', finalTree, '-p', plan.base, '-F', '-'],
      {
        cwd: plan.repository,
        env: identity,
        input: options.message.endsWith('\n')
          ? options.message
          : `${options.message}\n`,
      },
    );
    // The empty old value makes git refuse if the branch appeared since the check above.
    await git(
      [
        'update-ref',
        '-m',
        'quadlet-portal: new branch',
        `refs/heads/${options.branch}`,
        commit,
        '',
      ],
      {
        cwd: plan.repository,
      },
    );
    result.commit = commit;
  }
  return results;
}
