import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  formatConformanceDetails,
  formatConformanceSummary,
  runConformance,
} from '@quadlet-portal/core';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from '../io';
import { usageError, type Command } from './command';
import { missingDirectories } from './directories';

const HELP = `Usage: quadlet-portal conformance <dir>

Runs the core's unit parser and quadlet checks over podman's quadlet test files
in <dir> (with its _EXPECTATIONS.tsv), prints one line per file that does not
agree, then the summary line:

  conformance: A/N agree, F/E expected failures flagged, R/N round-trip identical

Options:
  -h, --help   show this help

Exit codes: 0 every file agrees, every expected failure is flagged and every
file round-trips; 1 otherwise; 2 bad usage.
`;

export const conformanceCommand: Command = {
  name: 'conformance',
  summary: "check the core against podman's quadlet test files",
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: { help: { type: 'boolean', short: 'h', default: false } },
      });
    } catch (error) {
      return usageError(io, 'conformance', (error as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    if (parsed.positionals.length !== 1)
      return usageError(
        io,
        'conformance',
        'give exactly one folder of test files',
      );
    const [dir] = parsed.positionals;
    if (missingDirectories([dir], io.cwd).length > 0)
      return usageError(io, 'conformance', `no such folder: ${dir}`);

    let report;
    try {
      report = runConformance(path.resolve(io.cwd, dir));
    } catch (error) {
      io.stderr(`quadlet-portal conformance: ${(error as Error).message}\n`);
      return EXIT_PROBLEMS;
    }
    for (const line of formatConformanceDetails(report)) io.stdout(`${line}\n`);
    io.stdout(`${formatConformanceSummary(report)}\n`);
    const t = report.totals;
    const met =
      t.agree === t.files &&
      t.flagged === t.expectedFailures &&
      t.roundTrip === t.files;
    return met ? EXIT_OK : EXIT_PROBLEMS;
  },
};
