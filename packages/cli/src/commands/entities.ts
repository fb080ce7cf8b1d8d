import path from 'node:path';
import { parseArgs } from 'node:util';
import { inventoryToEntities, readBoxFromDirectories, serializeEntities, type BoxDescriptor } from '@quadlet-portal/core';
import { EXIT_OK, EXIT_PROBLEMS, type CliIo } from '../io';
import { usageError, type Command } from './command';
import { missingDirectories } from './directories';

export const DEFAULT_OWNER = 'group:default/box-admins';

const HELP = `Usage: quadlet-portal entities <dir>... [--format yaml|json] [--box NAME] [--owner REF]
         [--title TEXT] [--description TEXT]

Reads the box in the given folders (like "scan") and prints the Backstage
catalog entities the portal's catalog provider emits for it: the same mapping,
so the two never disagree (docs/entity-model.md).

Options:
  --format yaml   a multi-document YAML stream, one entity per document (default)
  --format json   one JSON array
  --box NAME      box name: System name and namespace (default: the name of
                  the first folder)
  --owner REF     owner of every entity (default: ${DEFAULT_OWNER})
  --title TEXT    title of the System (as quadletPortal.boxes[].title)
  --description TEXT
                  description of the System (as quadletPortal.boxes[].description)
  --no-commits    do not read commit messages with git
  -h, --help      show this help

Exit codes: 0 clean, 1 diagnostics at error severity (the entities are printed
all the same; the System entity lists the problems), 2 bad usage.
`;

export const entitiesCommand: Command = {
  name: 'entities',
  summary: 'read a box and print its catalog entities (YAML or JSON)',
  help: HELP,
  async run(args: string[], io: CliIo): Promise<number> {
    let parsed;
    try {
      parsed = parseArgs({
        args,
        allowPositionals: true,
        options: {
          format: { type: 'string', default: 'yaml' },
          box: { type: 'string' },
          owner: { type: 'string', default: DEFAULT_OWNER },
          title: { type: 'string' },
          description: { type: 'string' },
          'no-commits': { type: 'boolean', default: false },
          help: { type: 'boolean', short: 'h', default: false },
        },
      });
    } catch (error) {
      return usageError(io, 'entities', (error as Error).message);
    }
    if (parsed.values.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const format = parsed.values.format;
    if (format !== 'yaml' && format !== 'json') {
      return usageError(io, 'entities', `unknown format "${format}" (use yaml or json)`);
    }
    const owner = parsed.values.owner ?? DEFAULT_OWNER;
    if (!/^([a-z][a-z0-9]*:)?([a-z0-9-]+\/)?[a-zA-Z0-9._-]+$/i.test(owner)) {
      return usageError(io, 'entities', `"${owner}" is not an entity ref (kind:namespace/name)`);
    }
    const dirs = parsed.positionals;
    if (dirs.length === 0) return usageError(io, 'entities', 'give at least one folder to read');
    const missing = missingDirectories(dirs, io.cwd);
    if (missing.length > 0) {
      return usageError(io, 'entities', `no such folder: ${missing.join(', ')}`);
    }
    const box = parsed.values.box ?? path.basename(path.resolve(io.cwd, dirs[0]));
    if (box.trim() === '') return usageError(io, 'entities', 'give a box name with --box');

    // Absolute folders, as the catalog provider's config gives them: the mapping then places every
    // entity (`dir:` source locations, `file:` managed-by locations) exactly as the provider does.
    const absolute = dirs.map(dir => path.resolve(io.cwd, dir));
    const inventory = await readBoxFromDirectories(absolute, { commits: !parsed.values['no-commits'] });
    const descriptor: BoxDescriptor = {
      name: box,
      owner,
      trees: inventory.trees.filter(t => t.location !== undefined).map(t => ({ name: t.name, location: path.resolve(io.cwd, t.location!) })),
    };
    if (parsed.values.title) descriptor.title = parsed.values.title;
    if (parsed.values.description) descriptor.description = parsed.values.description;
    io.stdout(serializeEntities(inventoryToEntities(inventory, descriptor), format));
    return inventory.diagnostics.some(d => d.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
  },
};
