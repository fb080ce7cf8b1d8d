import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  POLICY_FILE_NAMES,
  readBoxFromDirectories,
  readPolicy,
  runChecks,
  type CheckResult,
  type Inventory,
  type PolicySource,
} from '@quadlet-portal/core';
// The core's index does not re-export docs/ yet: a deep import until it does.
import {
  generateHandoffGuide,
  type GuideFolder,
  type GuideTree,
} from '@quadlet-portal/core';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from '../io';
import { usageError, type Command } from './command';
import { missingDirectories } from './directories';
import { MANIFEST, planFolder, writeFolder } from './docsFolder';

const HELP = `Usage: quadlet-portal docs <dir>... --out <folder> [--box NAME]

Reads the box in the given folders (like "scan"), runs the scorecard checks with
the box's policy, and writes its handoff guide as Markdown into <folder>:
README.md (overview and service inventory), services/<name>.md (one reference
entry per service), and one file per topic (resources, models, hostnames,
kernel arguments, decisions, known broken, upgrade loop). See docs/cli.md.

The same repositories give the same bytes: a second run reports "unchanged".
Files are written atomically. The folder keeps a manifest (${MANIFEST}) of
what the command wrote; a later run removes the files it no longer writes, and
never touches any other file.

Options:
  --out FOLDER        where to write the guide (required)
  --box NAME          box name (default: the name of the first folder)
  --web-base T=URL    link the files of tree T to URL + path, e.g.
                      dotfiles=https://github.com/o/dotfiles/blob/main/
                      (repeatable; default: links relative to the out folder)
  --no-checks         leave the scorecard findings out
  --now YYYY-MM-DD    judge policy waivers on this day (default: today, UTC)
  --check             write nothing; exit 1 when the folder is not up to date
  --force             overwrite files the command did not write before
  -h, --help          show this help

Exit codes: 0 written (or up to date), 1 the box has error diagnostics (the
guide is written all the same) or --check found the folder out of date,
2 bad usage (also: files in the way without --force).
`;

/** `2026-05-01` → that day, 00:00 UTC; anything else (or an impossible day) → undefined. */
function parseDay(text: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text ? date : undefined;
}

function posixRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('/');
}

/** Reads each tree's policy file from disk, as the checks expect it. */
function policySources(inventory: Inventory): PolicySource[] {
  const sources: PolicySource[] = [];
  for (const tree of inventory.trees) {
    if (!tree.location) continue;
    for (const name of POLICY_FILE_NAMES) {
      try {
        sources.push({ tree: tree.name, file: { path: name, content: readFileSync(path.join(tree.location, name)) } });
        break;
      } catch {
        // No policy file of this name: try the next one.
      }
    }
  }
  return sources;
}

export const docsCommand: Command = {
  name: 'docs',
  summary: 'write the handoff guide of a box (Markdown files)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          out: { type: 'string' },
          box: { type: 'string' },
          'web-base': { type: 'string', multiple: true, default: [] },
          'no-checks': { type: 'boolean', default: false },
          now: { type: 'string' },
          check: { type: 'boolean', default: false },
          force: { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      return usageError(io, 'docs', (error as Error).message);
    }
    const values = parsed.values;
    if (values.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const dirs = parsed.positionals;
    if (dirs.length === 0) return usageError(io, 'docs', 'give at least one folder to read');
    if (!values.out) return usageError(io, 'docs', 'give the folder to write with --out');
    const missing = missingDirectories(dirs, io.cwd);
    if (missing.length > 0) return usageError(io, 'docs', `no such folder: ${missing.join(', ')}`);
    const box = values.box ?? path.basename(path.resolve(io.cwd, dirs[0]));
    if (box.trim() === '') return usageError(io, 'docs', 'give a box name with --box');
    let now = new Date();
    if (values.now !== undefined) {
      const day = parseDay(values.now);
      if (!day) return usageError(io, 'docs', `--now "${values.now}" is not a calendar day (YYYY-MM-DD)`);
      now = day;
    }
    const webBases = new Map<string, string>();
    for (const entry of values['web-base'] ?? []) {
      const eq = entry.indexOf('=');
      if (eq <= 0 || !/^https?:\/\/\S+$/i.test(entry.slice(eq + 1))) {
        return usageError(io, 'docs', `--web-base "${entry}" is not TREE=URL (an http or https URL)`);
      }
      webBases.set(entry.slice(0, eq), entry.slice(eq + 1));
    }

    const out = path.resolve(io.cwd, values.out);
    // Commit messages are not read: the guide must not change with the history.
    const inventory = await readBoxFromDirectories(
      dirs.map(dir => path.resolve(io.cwd, dir)),
      { commits: false },
    );
    const unknownTrees = [...webBases.keys()].filter(name => !inventory.trees.some(t => t.name === name));
    if (unknownTrees.length > 0) {
      return usageError(io, 'docs', `--web-base names no tree of the box: ${unknownTrees.join(', ')} (trees: ${inventory.trees.map(t => t.name).join(', ')})`);
    }
    const trees: GuideTree[] = [];
    const generatedIn: GuideFolder[] = [];
    for (const tree of inventory.trees) {
      const guideTree: GuideTree = { name: tree.name };
      if (webBases.has(tree.name)) guideTree.webBase = webBases.get(tree.name);
      if (tree.location) {
        const root = path.resolve(io.cwd, tree.location);
        if (root === out) return usageError(io, 'docs', `--out is the root of tree ${tree.name}: give the guide a folder of its own`);
        if (out.startsWith(`${root}${path.sep}`)) generatedIn.push({ tree: tree.name, path: posixRelative(root, out) });
        guideTree.relativeBase = `${posixRelative(out, root)}/`;
      }
      trees.push(guideTree);
    }

    let findings: CheckResult[] | undefined;
    if (!values['no-checks']) {
      const policy = readPolicy(policySources(inventory));
      findings = runChecks({ box, inventory, policy: policy.policy, policyDiagnostics: policy.diagnostics, now });
    }
    const guide = generateHandoffGuide(inventory, { box, trees, findings, generatedIn });
    const shownOut = path.relative(io.cwd, out) || '.';
    const plan = planFolder(out, box, guide.files);
    for (const warning of plan.warnings) io.stderr(`quadlet-portal docs: ${warning}\n`);
    const changes = plan.written.length + plan.removed.length + (plan.manifestChanged ? 1 : 0);

    if (values.check) {
      if (changes === 0) {
        io.stdout(`docs: ${shownOut} is up to date (${guide.files.length} files)\n`);
        return EXIT_OK;
      }
      const lines = [
        ...plan.written.map(p => `  would write  ${p}`),
        ...plan.removed.map(p => `  would remove ${p}`),
        ...(plan.manifestChanged ? [`  would write  ${MANIFEST}`] : []),
      ];
      io.stdout(`docs: ${shownOut} is out of date:\n${lines.join('\n')}\n`);
      return EXIT_PROBLEMS;
    }
    if (plan.conflicts.length > 0 && !values.force) {
      return usageError(
        io,
        'docs',
        `${shownOut} holds files this command did not write: ${plan.conflicts.join(', ')}. Choose another --out, or pass --force to overwrite them`,
      );
    }
    writeFolder(out, box, guide.files, plan);
    if (changes === 0) {
      io.stdout(`docs: ${shownOut} unchanged (${guide.files.length} files)\n`);
    } else {
      const parts = [`${plan.written.length} written`, `${plan.unchanged.length} unchanged`];
      if (plan.removed.length > 0) parts.push(`${plan.removed.length} removed`);
      const lines = [...plan.written.map(p => `  wrote   ${p}`), ...plan.removed.map(p => `  removed ${p}`)];
      io.stdout(`docs: ${shownOut}: ${parts.join(', ')}\n${lines.join('\n')}${lines.length > 0 ? '\n' : ''}`);
    }
    return inventory.diagnostics.some(d => d.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
