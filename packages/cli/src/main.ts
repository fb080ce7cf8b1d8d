import { COMMANDS } from './commands';
import { EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './io';

function usage(): string {
  const width = Math.max(...COMMANDS.map(c => c.name.length));
  return [
    'Usage: quadlet-portal <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map(c => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "quadlet-portal <command> --help" for the options of a command.',
    '',
  ].join('\n');
}

/**
 * Entry point of the `quadlet-portal` command. Resolves to the exit code; with the default
 * `io` (the real process) it also sets `process.exitCode`. Never throws.
 */
export async function run(
  argv: string[],
  io: CliIo = processIo,
): Promise<number> {
  const code = await dispatch(argv, io);
  if (io === processIo) process.exitCode = code;
  return code;
}

async function dispatch(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return EXIT_OK;
  }
  const command = COMMANDS.find(c => c.name === name);
  if (!command) {
    io.stderr(`quadlet-portal: unknown command "${name}"\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    io.stderr(
      `quadlet-portal ${name}: ${
        error instanceof Error ? error.stack ?? error.message : String(error)
      }\n`,
    );
    return 1;
  }
}
