import { execFile } from 'node:child_process';

/** git failed: the command (arguments only, never the environment) and what git said. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(
      `git ${args.join(' ')} failed${
        exitCode === null ? '' : ` (exit ${exitCode})`
      }: ${stderr.trim() || 'no message'}`,
    );
    this.name = 'GitError';
  }
}

export interface GitOptions {
  cwd: string;
  /** Added to the environment (GIT_INDEX_FILE, author…). */
  env?: Record<string, string>;
  /** Written to git's standard input. */
  input?: string | Buffer;
  /** Exit codes that are answers, not failures (`show-ref --verify` answers 1 for "missing"). */
  okExitCodes?: number[];
  signal?: AbortSignal;
}

/** Variables an outer git (a hook, a `git rebase --exec`) may have set, which would redirect ours. */
const INHERITED_GIT_VARIABLES = [
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_INDEX_FILE',
  'GIT_OBJECT_DIRECTORY',
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_COMMON_DIR',
  'GIT_PREFIX',
];

function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of INHERITED_GIT_VARIABLES) delete env[name];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: '0',
    LC_ALL: 'C',
    ...extra,
  };
}

/**
 * Runs the real `git` with `execFile` (no shell: arguments are never parsed by one) and
 * resolves to its standard output as bytes.
 */
export function git(
  args: string[],
  options: GitOptions,
): Promise<{ stdout: Buffer; exitCode: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'git',
      args,
      {
        cwd: options.cwd,
        env: environment(options.env),
        encoding: 'buffer',
        maxBuffer: 512 * 1024 * 1024,
        signal: options.signal,
      },
      (error, stdout, stderr) => {
        // execFile reports a non-zero exit as an error whose `code` is the exit code.
        let code: number | null = 0;
        if (error) {
          const exit = (error as { code?: unknown }).code;
          code = typeof exit === 'number' ? exit : null;
        }
        if (
          code !== null &&
          (code === 0 || options.okExitCodes?.includes(code))
        ) {
          resolve({ stdout, exitCode: code });
          return;
        }
        if ((error as NodeJS.ErrnoException | null)?.code === 'ENOENT') {
          reject(
            new Error(
              'git is not installed (no git on the PATH of the backend)',
            ),
          );
          return;
        }
        reject(
          new GitError(
            args,
            code,
            stderr.toString('utf8') || (error?.message ?? ''),
          ),
        );
      },
    );
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.input ?? '');
  });
}

/** `git …` whose output is one line of text (a sha, a path). */
export async function gitLine(
  args: string[],
  options: GitOptions,
): Promise<string> {
  const { stdout } = await git(args, options);
  return stdout.toString('utf8').replace(/\n$/, '');
}

/** Records of `-z` output. */
export function nulRecords(output: Buffer): string[] {
  return output
    .toString('utf8')
    .split('\0')
    .filter(r => r !== '');
}
