/** Where a command writes, so tests can capture it; `process` by default. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Folder relative paths are shown from. */
  cwd: string;
}

export const processIo: CliIo = {
  stdout: text => {
    process.stdout.write(text);
  },
  stderr: text => {
    process.stderr.write(text);
  },
  cwd: process.cwd(),
};

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
/** Problems found (error-severity diagnostics, aims not met). */
export const EXIT_PROBLEMS = 1;
/** Bad usage: unknown command or option, missing folder. */
export const EXIT_USAGE = 2;
