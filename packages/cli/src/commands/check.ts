import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  POLICY_FILE_NAMES,
  readBoxFromDirectories,
  readPolicy,
  registryImageRefs,
  runChecks,
  scoreOf,
  type OnlineFacts,
  type PolicySource,
} from '@quadlet-portal/core';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from '../io';
import { usageError, type Command } from './command';
import {
  failuresAtOrAbove,
  type CheckReport,
  type FailOn,
} from './checkReport';
import { formatCheckMarkdown } from './checkMarkdown';
import {
  defaultResolveDigest,
  imageFacts,
  type ResolveDigest,
} from './checkOnline';
import { DEFAULT_DOCS_URL, formatCheckSarif } from './checkSarif';
import { formatCheckText } from './checkText';
import { missingDirectories } from './directories';

const FORMATS = ['text', 'json', 'sarif', 'markdown'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'never'];

const HELP = `Usage: quadlet-portal check <dir>... [--format text|json|sarif|markdown]
                            [--fail-on error|warning|never] [--online] [--now YYYY-MM-DD]

Runs the pin-hygiene checks (docs/checks.md) over the box in the given folders,
with the policy in each tree's .quadlet-portal/policy.yaml, and prints the
findings. The portal's scorecard runs the same checks over the same files.

Options:
  --format text       findings grouped by check, file:line, waivers with expiry,
                      the score (default)
  --format json       { box, now, online, policyFiles, score, results }
  --format sarif      SARIF 2.1.0 for GitHub code scanning (failures only)
  --format markdown   a table for a pull-request comment
  --fail-on LEVEL     exit 1 when a check fails at or above LEVEL: error
                      (default), warning, or never
  --online            ask the images' registries whether each tag or digest
                      exists (image-tag-missing); offline it stays undecided
  --now YYYY-MM-DD    judge waivers on this day (default: today, UTC)
  --box NAME          box name (default: the name of the first folder)
  --docs-url URL      base of the rules' help links in SARIF
                      (default: ${DEFAULT_DOCS_URL})
  --no-commits        do not read commit messages with git
  -h, --help          show this help

Exit codes: 0 nothing fails at or above --fail-on, 1 something does,
2 bad usage (unknown option or value, missing folder).
`;

export interface CheckCommandDeps {
  /** How --online resolves image references; the real registry client by default. */
  resolveDigest?: () => ResolveDigest;
}

/** `quadlet-portal check`, with its registry lookups injectable for tests. */
export function createCheckCommand(deps: CheckCommandDeps = {}): Command {
  return {
    name: 'check',
    summary:
      'run the pin-hygiene checks over a box (text, JSON, SARIF or Markdown)',
    help: HELP,
    run: (args, io) => runCheck(args, io, deps),
  };
}

export const checkCommand = createCheckCommand();

async function runCheck(
  args: string[],
  io: CliIo,
  deps: CheckCommandDeps,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        'fail-on': { type: 'string', default: 'error' },
        online: { type: 'boolean', default: false },
        now: { type: 'string' },
        box: { type: 'string' },
        'docs-url': { type: 'string' },
        'no-commits': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, 'check', (error as Error).message);
  }
  const { values } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const format = values.format as Format;
  if (!FORMATS.includes(format)) {
    return usageError(
      io,
      'check',
      `unknown format "${values.format}" (use ${FORMATS.join(', ')})`,
    );
  }
  const failOn = values['fail-on'] as FailOn;
  if (!FAIL_ON.includes(failOn)) {
    return usageError(
      io,
      'check',
      `unknown --fail-on level "${values['fail-on']}" (use error, warning or never)`,
    );
  }
  let now = new Date();
  if (values.now !== undefined) {
    const day = parseDay(values.now);
    if (!day)
      return usageError(
        io,
        'check',
        `--now "${values.now}" is not a calendar day (YYYY-MM-DD)`,
      );
    now = day;
  }
  const dirs = parsed.positionals;
  if (dirs.length === 0)
    return usageError(io, 'check', 'give at least one folder to read');
  const missing = missingDirectories(dirs, io.cwd);
  if (missing.length > 0)
    return usageError(io, 'check', `no such folder: ${missing.join(', ')}`);
  const box = values.box ?? path.basename(path.resolve(io.cwd, dirs[0]));
  if (box.trim() === '')
    return usageError(io, 'check', 'give a box name with --box');

  const absolute = dirs.map(dir => path.resolve(io.cwd, dir));
  const inventory = await readBoxFromDirectories(absolute, {
    commits: !values['no-commits'],
  });
  const trees = inventory.trees
    .filter(t => t.location !== undefined)
    .map(t => ({ name: t.name, dir: path.resolve(io.cwd, t.location!) }));
  const sources = policySources(trees);
  const { policy, diagnostics } = readPolicy(sources);

  let online: OnlineFacts | undefined;
  if (values.online) {
    const resolve = (deps.resolveDigest ?? defaultResolveDigest)();
    online = {
      images: await imageFacts(registryImageRefs(inventory), resolve),
    };
  }
  const results = runChecks({
    box,
    inventory,
    policy,
    policyDiagnostics: diagnostics,
    now,
    online,
  });
  const report: CheckReport = {
    box,
    now,
    online: values.online ?? false,
    trees,
    policyFiles: sources.map(s => `${s.tree}:${s.file.path}`),
    results,
    card: scoreOf(results),
    cwd: io.cwd,
  };

  io.stdout(render(report, format, failOn, values['docs-url']));
  return failuresAtOrAbove(results, failOn).length > 0
    ? EXIT_PROBLEMS
    : EXIT_OK;
}

function render(
  report: CheckReport,
  format: Format,
  failOn: FailOn,
  docsUrl: string | undefined,
): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(
        {
          box: report.box,
          now: report.now.toISOString(),
          online: report.online,
          policyFiles: report.policyFiles,
          score: report.card,
          results: report.results,
        },
        null,
        2,
      )}\n`;
    case 'sarif':
      return formatCheckSarif(report, { docsUrl });
    case 'markdown':
      return formatCheckMarkdown(report, failOn);
    default:
      return formatCheckText(report, failOn);
  }
}

/** Each tree's policy file, `.yaml` before `.yml` (docs/checks.md#policy-file). */
function policySources(
  trees: readonly { name: string; dir: string }[],
): PolicySource[] {
  const sources: PolicySource[] = [];
  for (const tree of trees) {
    const name = POLICY_FILE_NAMES.find(n =>
      existsSync(path.join(tree.dir, n)),
    );
    if (name)
      sources.push({
        tree: tree.name,
        file: { path: name, content: readFileSync(path.join(tree.dir, name)) },
      });
  }
  return sources;
}

/** `2026-05-01` → midnight UTC of that day; anything else (or an impossible day) → undefined. */
function parseDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) &&
    date.toISOString().slice(0, 10) === text
    ? date
    : undefined;
}
