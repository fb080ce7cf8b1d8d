/** Where a command writes, so tests can capture it; `process` by default. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Folder relative paths are shown from. */
  cwd: string;
}

// A reader that stops early (`quadlet-portal scan … | head`) closes the pipe; that is not an
// error of ours, so stop quietly instead of crashing with EPIPE.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
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
