import type { CliIo } from './io';

/** Captures what a command writes, for tests. */
export function captureIo(
  cwd: string,
): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: text => {
      out += text;
    },
    stderr: text => {
      err += text;
    },
    cwd,
    out: () => out,
    err: () => err,
  };
}
