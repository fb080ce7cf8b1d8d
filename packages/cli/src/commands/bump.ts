import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  applyImageBumps,
  planImageBumps,
  readBoxFromDirectories,
  type BumpMode,
  type BumpScope,
  type ListTags,
  type ResolveDigest,
  type SourceFile,
} from '@quadlet-portal/core';
import { RegistryClient } from '@quadlet-portal/registry';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from '../io';
import { usageError, type Command } from './command';
import { missingDirectories } from './directories';

const HELP = `Usage: quadlet-portal bump <dir>... [--pin-digests | --to TAG | --newest PATTERN]
                           [--unit NAME | --file PATH] [--no-pin] [--dry-run]
                           [--insecure-registry HOST]...

Pins Image= references to the digest their tag points at now, or moves them to
another tag, asking each image's registry (the same planner and registry client
as the portal's quadlet:image:bump action). Only the Image= values change; every
other byte of each file stays as it was.

Scope (default: every image of the box not pinned by digest):
  --unit NAME            one unit: cockpit, cockpit.container or an inventory id
  --file PATH            one unit file or drop-in (a path from here, inside a tree)

What to do (default --pin-digests):
  --pin-digests          pin the current tag to its digest (redis:7 -> redis:7@sha256:...)
  --to TAG               move to TAG, pinned by its digest
  --newest PATTERN       move to the newest version tag matching PATTERN (a regular
                         expression; "" for the newest tag shaped like the current one)
  --no-pin               with --to or --newest: write the tag without a digest

Other options:
  --dry-run              print the changes, write nothing
  --insecure-registry HOST
                         speak plain HTTP to HOST (host:port, or a host for any
                         port); loopback registries always use plain HTTP
  -h, --help             show this help

Prints one line per change, "path:line: old -> new", and one per image left
alone that the registry could not resolve.

Exit codes: 0 every image in scope resolved (changed, or already where asked),
1 something could not be resolved (registry unknown or not found, or a file
changed under the plan), 2 bad usage.
`;

/** The registry lookups the planner takes; the registry client's, or fakes in tests. */
export interface BumpLookups {
  resolveDigest: ResolveDigest;
  listTags: ListTags;
}

export type BumpLookupsFactory = (options: {
  insecure: string[];
}) => BumpLookups;

const defaultLookups: BumpLookupsFactory = ({ insecure }) => {
  const client = new RegistryClient({
    requestTimeoutMs: 10_000,
    deadlineMs: 60_000,
    insecure,
  });
  return { resolveDigest: client.resolveDigest, listTags: client.listTags };
};

/** Tags follow the distribution grammar; a pattern is one line of at most 256 characters. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** `bump` with the registry lookups injectable (tests); the command uses the real client. */
export async function runBump(
  args: string[],
  io: CliIo,
  lookups: BumpLookupsFactory = defaultLookups,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        'pin-digests': { type: 'boolean', default: false },
        to: { type: 'string' },
        newest: { type: 'string' },
        'no-pin': { type: 'boolean', default: false },
        unit: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'insecure-registry': { type: 'string', multiple: true, default: [] },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usageError(io, 'bump', (error as Error).message);
  }
  const options = parsed.values;
  if (options.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const modes = [
    options['pin-digests'],
    options.to !== undefined,
    options.newest !== undefined,
  ];
  if (modes.filter(Boolean).length > 1) {
    return usageError(
      io,
      'bump',
      'give one of --pin-digests, --to and --newest',
    );
  }
  if (options.unit !== undefined && options.file !== undefined) {
    return usageError(io, 'bump', 'give --unit or --file, not both');
  }
  if (
    options['no-pin'] &&
    options.to === undefined &&
    options.newest === undefined
  ) {
    return usageError(io, 'bump', '--no-pin goes with --to or --newest');
  }
  const pin = !options['no-pin'];
  let mode: BumpMode = { kind: 'pin-digests' };
  if (options.to !== undefined) {
    if (!TAG.test(options.to)) {
      return usageError(
        io,
        'bump',
        `--to "${options.to}" is not an image tag (letters, digits, "_", "." and "-", at most 128)`,
      );
    }
    mode = { kind: 'to', tag: options.to, pin };
  } else if (options.newest !== undefined) {
    if (options.newest.length > 256 || /[\r\n]/.test(options.newest)) {
      return usageError(
        io,
        'bump',
        '--newest takes a one-line pattern of at most 256 characters',
      );
    }
    try {
      RegExp(options.newest);
    } catch (error) {
      return usageError(
        io,
        'bump',
        `--newest "${options.newest}" is not a regular expression: ${
          (error as Error).message
        }`,
      );
    }
    mode =
      options.newest === ''
        ? { kind: 'newest', pin }
        : { kind: 'newest', pattern: options.newest, pin };
  }
  const insecure = options['insecure-registry'] ?? [];
  const badHost = insecure.find(h => !HOST.test(h));
  if (badHost !== undefined) {
    return usageError(
      io,
      'bump',
      `--insecure-registry "${badHost}" is not a host or host:port`,
    );
  }
  const dirs = parsed.positionals;
  if (dirs.length === 0)
    return usageError(io, 'bump', 'give at least one folder to read');
  const missing = missingDirectories(dirs, io.cwd);
  if (missing.length > 0) {
    return usageError(io, 'bump', `no such folder: ${missing.join(', ')}`);
  }

  const inventory = await readBoxFromDirectories(
    dirs.map(dir => path.resolve(io.cwd, dir)),
    { commits: false },
  );
  const roots = new Map(
    inventory.trees
      .filter(t => t.location !== undefined)
      .map(t => [t.name, path.resolve(t.location!)]),
  );

  let scope: BumpScope = { kind: 'box' };
  if (options.unit !== undefined) {
    scope = { kind: 'unit', name: options.unit };
  } else if (options.file !== undefined) {
    const absolute = path.resolve(io.cwd, options.file);
    const owner = [...roots].find(([, root]) => {
      const relative = path.relative(root, absolute);
      return (
        relative !== '' &&
        !relative.startsWith('..') &&
        !path.isAbsolute(relative)
      );
    });
    if (!owner) {
      return usageError(
        io,
        'bump',
        `--file ${options.file} is not inside the folders read`,
      );
    }
    scope = {
      kind: 'file',
      tree: owner[0],
      path: path.relative(owner[1], absolute).split(path.sep).join('/'),
    };
  }

  const registry = lookups({ insecure });
  const planned = await planImageBumps(inventory, {
    scope,
    mode,
    resolveDigest: registry.resolveDigest,
    listTags: registry.listTags,
  });
  if (!planned.ok) {
    let option = '--newest';
    if (planned.field.startsWith('scope')) {
      option = options.unit !== undefined ? '--unit' : '--file';
    }
    return usageError(io, 'bump', `${option}: ${planned.reason}`);
  }
  const shown = (tree: string, file: string) =>
    path.relative(io.cwd, path.join(roots.get(tree) ?? '', file)) || file;
  const readFile = (tree: string, file: string): SourceFile | undefined => {
    const root = roots.get(tree);
    if (!root) return undefined;
    try {
      return { path: file, content: readFileSync(path.join(root, file)) };
    } catch {
      return undefined;
    }
  };
  const applied = applyImageBumps(planned.plan.edits, readFile);
  for (const file of applied.files) {
    for (const edit of file.edits) {
      io.stdout(
        `${shown(edit.tree, edit.path)}:${edit.line}: ${edit.from} -> ${
          edit.to
        }\n`,
      );
    }
    if (!options['dry-run']) {
      writeFileSync(path.join(roots.get(file.tree)!, file.path), file.content);
    }
  }
  let unresolved = applied.failures.length;
  for (const failure of applied.failures) {
    io.stderr(
      `${shown(failure.edit.tree, failure.edit.path)}:${
        failure.edit.line
      }: not changed: ${failure.reason}\n`,
    );
  }
  for (const skip of planned.plan.skipped) {
    if (skip.outcome === 'unknown' || skip.outcome === 'not-found') {
      unresolved++;
      io.stderr(
        `${shown(skip.tree, skip.path)}:${skip.line}: ${skip.image}: ${
          skip.reason
        } (${skip.outcome})\n`,
      );
    }
  }
  const changed = applied.files.reduce((n, f) => n + f.edits.length, 0);
  io.stdout(
    `${
      options['dry-run'] ? 'dry run: would change' : 'changed'
    } ${changed} image${changed === 1 ? '' : 's'} in ${
      applied.files.length
    } file${applied.files.length === 1 ? '' : 's'}${
      unresolved > 0 ? `; ${unresolved} could not be resolved` : ''
    }\n`,
  );
  return unresolved > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

export const bumpCommand: Command = {
  name: 'bump',
  summary:
    'pin images by digest or move them to a tag, editing only Image= values',
  help: HELP,
  run: (args, io) => runBump(args, io),
};
