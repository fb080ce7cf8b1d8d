import type { CliIo } from '../io';

/** One sub-command: `quadlet-portal <name> …`. */
export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** Full `--help` text. */
  help: string;
  /** Runs with the words after the command name; resolves to the exit code. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** `parseArgs` errors read as `Unknown option '--x'`; this makes the usage message say which command. */
export function usageError(
  io: CliIo,
  command: string,
  message: string,
): number {
  io.stderr(
    `quadlet-portal ${command}: ${message}\nRun "quadlet-portal ${command} --help" for usage.\n`,
  );
  return 2;
}
