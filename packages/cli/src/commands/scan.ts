import path from 'node:path';
import { parseArgs } from 'node:util';
import { readBoxFromDirectories } from '@quadlet-portal/core';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from '../io';
import { usageError, type Command } from './command';
import { missingDirectories } from './directories';
import { formatScanText } from './scanText';

const HELP = `Usage: quadlet-portal scan <dir>... [--format text|json]

Reads the box in the given folders (a dotfiles repo, an OS repo, or a folder
holding several repos) and prints its inventory.

Options:
  --format text   a summary for people: counts, units with image and pin tier,
                  hostnames with their route chain, then diagnostics (default)
  --format json   the full inventory, diagnostics included (docs/cli.md)
  --no-commits    do not read commit messages with git
  -h, --help      show this help

Exit codes: 0 clean, 1 diagnostics at error severity, 2 bad usage.
`;

export const scanCommand: Command = {
  name: 'scan',
  summary: 'read a box and print its inventory (text or JSON)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'text' },
          'no-commits': { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      return usageError(io, 'scan', (error as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const format = parsed.values.format;
    if (format !== 'text' && format !== 'json') {
      return usageError(
        io,
        'scan',
        `unknown format "${format}" (use text or json)`,
      );
    }
    const dirs = parsed.positionals;
    if (dirs.length === 0)
      return usageError(io, 'scan', 'give at least one folder to read');
    const missing = missingDirectories(dirs, io.cwd);
    if (missing.length > 0) {
      return usageError(io, 'scan', `no such folder: ${missing.join(', ')}`);
    }

    const absolute = dirs.map(dir => path.resolve(io.cwd, dir));
    const inventory = await readBoxFromDirectories(absolute, {
      commits: !parsed.values['no-commits'],
    });
    // Show where each tree was read from relative to the caller, so the output is the same on every machine.
    for (const tree of inventory.trees) {
      if (tree.location !== undefined)
        tree.location = path.relative(io.cwd, tree.location) || '.';
    }
    io.stdout(
      format === 'json'
        ? `${JSON.stringify(inventory, null, 2)}\n`
        : formatScanText(inventory),
    );
    return inventory.diagnostics.some(d => d.severity === 'error')
      ? EXIT_PROBLEMS
      : EXIT_OK;
  },
};
