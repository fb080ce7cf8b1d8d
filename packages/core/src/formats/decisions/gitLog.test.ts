import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGitLog } from './gitLog';

const git = (dir: string, ...args: string[]) =>
  execFileSync(
    'git',
    [
      '-C',
      dir,
      '-c',
      'user.name=Test',
      '-c',
      'user.email=test@example.invalid',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_CONFIG_SYSTEM: '/dev/null',
      },
    },
  );

describe('readGitLog', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'decisions-git-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads subjects and bodies of a real repository, newest first', async () => {
    git(dir, 'init', '--quiet');
    writeFileSync(join(dir, 'a.txt'), 'one\n');
    git(dir, 'add', 'a.txt');
    git(dir, 'commit', '--quiet', '-m', 'first: set up (D-97)');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.txt'), 'two\n');
    git(dir, 'add', '.');
    git(
      dir,
      'commit',
      '--quiet',
      '-m',
      'second: pin by digest',
      '-m',
      'Per D-167.\nSecond body line.',
    );
    const commits = await readGitLog(dir);
    expect(commits.map(c => ({ subject: c.subject, body: c.body }))).toEqual([
      {
        subject: 'second: pin by digest',
        body: 'Per D-167.\nSecond body line.',
      },
      { subject: 'first: set up (D-97)', body: '' },
    ]);
    expect(commits[0].sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await readGitLog(dir, { maxCount: 1 })).toHaveLength(1);
    expect((await readGitLog(join(dir, 'sub'))).map(c => c.subject)).toEqual([
      'second: pin by digest',
    ]);
  });

  it('returns [] for a folder that is not a repository, a repository without commits, or no folder', async () => {
    expect(await readGitLog(dir)).toEqual([]);
    git(dir, 'init', '--quiet');
    expect(await readGitLog(dir)).toEqual([]);
    expect(await readGitLog(join(dir, 'missing'))).toEqual([]);
  });
});
