import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { LocalRepositories } from '../config/localRepositories';
import { gitIn, snapshot } from '../__testUtils__/testWorkspace';
import { fetchLocalAction } from './fetchLocal';
import { publishLocalBranchAction } from './publishLocalBranch';

/**
 * A real git repository under a local root, shaped like this monorepo: boxes in sub-folders
 * (`examples/demo/dotfiles`, `examples/demo/os`) beside other files, with uncommitted work
 * (a staged change, an unstaged change, an untracked file) that the actions must not touch.
 */
describe('quadlet:fetch:local and quadlet:publish:local-branch', () => {
  const mockDir = createMockDirectory();
  let root: string;
  let repo: string;
  let workspace: string;
  let local: LocalRepositories;
  let base: string;
  const DOTFILES = 'examples/demo/dotfiles';
  const OS = 'examples/demo/os';

  beforeEach(async () => {
    mockDir.clear();
    root = mockDir.resolve('root');
    repo = path.join(root, 'repo');
    workspace = mockDir.resolve('workspace');
    await mkdir(workspace, { recursive: true });
    mockDir.addContent({
      'root/repo/README.md': 'top\n',
      'root/repo/examples/demo/dotfiles/.chezmoiroot': 'home\n',
      'root/repo/examples/demo/dotfiles/home/dot_config/containers/systemd/app.container':
        '[Container]\nImage=docker.io/library/redis:7\n',
      'root/repo/examples/demo/dotfiles/home/dot_local/bin/executable_tool':
        '#!/bin/sh\n',
      'root/repo/examples/demo/dotfiles/notes.md': 'notes\n',
      'root/repo/examples/demo/os/etc/cloudflared/config.yml':
        'ingress:\n  - service: http_status:404\n',
      'root/outside/secret.txt': 'not yours\n',
    });
    gitIn(repo, 'init', '-q', '-b', 'main');
    gitIn(repo, 'add', '.');
    gitIn(
      repo,
      'update-index',
      '--chmod=+x',
      `${DOTFILES}/home/dot_local/bin/executable_tool`,
    );
    gitIn(repo, 'commit', '-q', '-m', 'base');
    base = gitIn(repo, 'rev-parse', 'HEAD');
    // Work in progress in the checkout, which must survive untouched.
    await writeFile(
      path.join(repo, 'README.md'),
      'top, edited but not committed\n',
    );
    await writeFile(path.join(repo, DOTFILES, 'notes.md'), 'staged edit\n');
    gitIn(repo, 'add', `${DOTFILES}/notes.md`);
    await writeFile(path.join(repo, 'untracked.txt'), 'scratch\n');
    local = new LocalRepositories(root);
  });

  function context(
    input: Record<string, unknown>,
    extra: Record<string, unknown> = {},
  ) {
    return {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace,
      }),
      ...extra,
    } as any;
  }

  async function fetch(repoPath: string, targetPath: string) {
    const ctx = context({ repoPath: `repo/${repoPath}`, targetPath });
    await fetchLocalAction({ local }).handler(ctx);
    return ctx;
  }

  function checkoutState() {
    return {
      head: gitIn(repo, 'rev-parse', 'HEAD'),
      symbolic: gitIn(repo, 'symbolic-ref', 'HEAD'),
      status: gitIn(repo, 'status', '--porcelain=v1', '--untracked-files=all'),
      staged: gitIn(repo, 'diff', '--cached'),
      unstaged: gitIn(repo, 'diff'),
    };
  }

  it("fetches the committed folder (not the checkout's uncommitted edits) and outputs the commit", async () => {
    const ctx = await fetch(DOTFILES, 'dotfiles');
    expect(ctx.output).toHaveBeenCalledWith('commit', base);
    const files = await snapshot(path.join(workspace, 'dotfiles'));
    expect([...files.keys()].sort()).toEqual([
      '.chezmoiroot',
      'home/dot_config/containers/systemd/app.container',
      'home/dot_local/bin/executable_tool',
      'notes.md',
    ]);
    expect(files.get('notes.md')!.toString()).toBe('notes\n');
  });

  it('commits the workspace to a new branch; the checkout, its branch and index stay as they were', async () => {
    const state = checkoutState();
    const fetched = await fetch(DOTFILES, 'dotfiles');
    await fetch(OS, 'os');
    const unit = path.join(
      workspace,
      'dotfiles/home/dot_config/containers/systemd',
    );
    await writeFile(
      path.join(unit, 'wiki.container'),
      '[Container]\nImage=ghcr.io/x/wiki:1\n',
    );
    await writeFile(
      path.join(unit, 'app.container'),
      '[Container]\nImage=docker.io/library/redis:7.2\n',
    );
    await rm(path.join(workspace, 'dotfiles/notes.md'));
    await writeFile(
      path.join(workspace, 'os/etc/cloudflared/config.yml'),
      'ingress:\n  - hostname: w.example.org\n    service: http://127.0.0.1:80\n  - service: http_status:404\n',
    );

    const ctx = context({
      branchName: 'quadlet/new-wiki',
      commitMessage: 'Add the wiki quadlet\n\nBody line.',
      targets: [
        {
          repoPath: `repo/${DOTFILES}`,
          sourcePath: 'dotfiles',
          baseCommit: fetched.output.mock.calls[0][1],
        },
        { repoPath: `repo/${OS}`, sourcePath: 'os' },
      ],
    });
    await publishLocalBranchAction({ local }).handler(ctx);

    expect(checkoutState()).toEqual(state);
    const commit = gitIn(repo, 'rev-parse', 'refs/heads/quadlet/new-wiki');
    expect(ctx.output).toHaveBeenCalledWith('commitSha', commit);
    expect(ctx.output).toHaveBeenCalledWith('branchName', 'quadlet/new-wiki');
    expect(gitIn(repo, 'rev-parse', `${commit}^`)).toBe(base);
    expect(gitIn(repo, 'log', '-1', '--format=%an <%ae>%n%B', commit)).toBe(
      'quadlet-portal <quadlet-portal@localhost>\nAdd the wiki quadlet\n\nBody line.',
    );
    expect(
      gitIn(repo, 'diff', '--name-status', base, commit).split('\n'),
    ).toEqual([
      `M\t${DOTFILES}/home/dot_config/containers/systemd/app.container`,
      `A\t${DOTFILES}/home/dot_config/containers/systemd/wiki.container`,
      `D\t${DOTFILES}/notes.md`,
      `M\t${OS}/etc/cloudflared/config.yml`,
    ]);
    expect(
      gitIn(
        repo,
        'show',
        `${commit}:${DOTFILES}/home/dot_config/containers/systemd/wiki.container`,
      ),
    ).toBe('[Container]\nImage=ghcr.io/x/wiki:1');
    // Modes survive the round trip; files outside the box folders are the base's.
    expect(
      gitIn(
        repo,
        'ls-tree',
        commit,
        `${DOTFILES}/home/dot_local/bin/executable_tool`,
      ),
    ).toMatch(/^100755 /);
    expect(gitIn(repo, 'show', `${commit}:README.md`)).toBe('top');
    expect(await readFile(path.join(repo, 'README.md'), 'utf8')).toBe(
      'top, edited but not committed\n',
    );
  });

  it('refuses a branch that exists, and bad branch names', async () => {
    await fetch(DOTFILES, 'dotfiles');
    await writeFile(path.join(workspace, 'dotfiles/new.txt'), 'x\n');
    gitIn(repo, 'branch', 'taken', base);
    const publish = (branchName: string) =>
      publishLocalBranchAction({ local }).handler(
        context({
          branchName,
          commitMessage: 'm',
          targets: [{ repoPath: `repo/${DOTFILES}`, sourcePath: 'dotfiles' }],
        }),
      );
    await expect(publish('taken')).rejects.toThrow(
      `branch taken already exists in ${repo}; an existing branch is never moved (choose another name)`,
    );
    expect(gitIn(repo, 'rev-parse', 'taken')).toBe(base);
    for (const bad of ['-f', 'a..b', 'x.lock', 'a b', 'feature/', 'x\nHEAD']) {
      await expect(publish(bad)).rejects.toThrow(
        /branchName: |may not contain a newline/,
      );
    }
    expect(
      gitIn(repo, 'branch', '--list')
        .split('\n')
        .map(b => b.trim())
        .sort(),
    ).toEqual(['* main', 'taken']);
  });

  it('refuses repository paths outside the local root, also through a symlink', async () => {
    await symlink(path.join(root, '..'), path.join(root, 'escape'));
    const publish = (repoPath: string) =>
      publishLocalBranchAction({ local }).handler(
        context({
          branchName: 'b',
          commitMessage: 'm',
          targets: [{ repoPath }],
        }),
      );
    await expect(publish('../outside')).rejects.toThrow(
      'targets[0].repoPath: must be a relative path that stays inside the repository (no leading "/", no ".." segment)',
    );
    await expect(publish('escape/workspace')).rejects.toThrow(
      'targets[0].repoPath: must stay inside the local root (quadletPortal.scaffolder.localRoot)',
    );
    await expect(
      fetchLocalAction({ local }).handler(context({ repoPath: '/etc' })),
    ).rejects.toThrow('repoPath: must be a relative path');
    await expect(
      fetchLocalAction({ local: new LocalRepositories(undefined) }).handler(
        context({ repoPath: 'repo' }),
      ),
    ).rejects.toThrow('local repositories are off');
  });

  it('in a dry run checks everything and writes no branch (an empty repoPath is skipped)', async () => {
    await fetch(DOTFILES, 'dotfiles');
    await writeFile(path.join(workspace, 'dotfiles/new.txt'), 'x\n');
    const ctx = context(
      {
        branchName: 'quadlet/dry',
        commitMessage: 'm',
        targets: [
          { repoPath: `repo/${DOTFILES}`, sourcePath: 'dotfiles' },
          { repoPath: '', sourcePath: 'os' },
        ],
      },
      { isDryRun: true },
    );
    await publishLocalBranchAction({ local }).handler(ctx);
    expect(ctx.output).toHaveBeenCalledWith('commitSha', 'dry-run');
    expect(gitIn(repo, 'branch', '--list', 'quadlet/dry')).toBe('');
  });

  it('refuses to publish when nothing changed', async () => {
    await fetch(DOTFILES, 'dotfiles');
    await expect(
      publishLocalBranchAction({ local }).handler(
        context({
          branchName: 'same',
          commitMessage: 'm',
          targets: [{ repoPath: `repo/${DOTFILES}`, sourcePath: 'dotfiles' }],
        }),
      ),
    ).rejects.toThrow('nothing to publish');
    expect(gitIn(repo, 'branch', '--list', 'same')).toBe('');
  });
});
