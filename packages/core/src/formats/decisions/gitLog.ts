import { execFile } from 'node:child_process';
import type { CommitRecord } from './commits';

const FIELD = '\x1f';
const RECORD = '\x1e';

export interface GitLogOptions {
  /** Newest commits only; all by default. */
  maxCount?: number;
}

/**
 * Reads the commit messages of the git checkout at `dir`: the one place in the core that
 * runs git. Returns [] when `dir` is not inside a git work tree, has no commits, or git is
 * missing. When `dir` is a subfolder of a repository, only commits touching it are read.
 */
export async function readGitLog(
  dir: string,
  options: GitLogOptions = {},
): Promise<CommitRecord[]> {
  const prefix = await git(dir, ['rev-parse', '--show-prefix']);
  if (prefix === null) return [];
  const args = [
    'log',
    '--no-color',
    `--format=%H${FIELD}%s${FIELD}%b${RECORD}`,
  ];
  if (options.maxCount !== undefined)
    args.push(`--max-count=${Math.max(1, Math.floor(options.maxCount))}`);
  if (prefix.trim() !== '') args.push('--', '.');
  const out = await git(dir, args);
  if (out === null) return [];
  const commits: CommitRecord[] = [];
  for (const record of out.split(RECORD)) {
    const trimmed = record.replace(/^\n/, '');
    if (trimmed.trim() === '') continue;
    const [sha, subject = '', body = ''] = trimmed.split(FIELD);
    commits.push({ sha: sha.trim(), subject, body: body.replace(/\n+$/, '') });
  }
  return commits;
}

/** Runs git in `dir`; null on any failure. */
function git(dir: string, args: string[]): Promise<string | null> {
  return new Promise(resolve => {
    execFile(
      'git',
      ['-C', dir, ...args],
      {
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        env: {
          ...process.env,
          GIT_TERMINAL_PROMPT: '0',
          GIT_PAGER: 'cat',
          LC_ALL: 'C',
        },
      },
      (error, stdout) => resolve(error ? null : stdout),
    );
  });
}
