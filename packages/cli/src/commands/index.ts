import type { Command } from './command';
import { bumpCommand } from './bump';
import { checkCommand } from './check';
import { conformanceCommand } from './conformance';
import { docsCommand } from './docs';
import { entitiesCommand } from './entities';
import { scanCommand } from './scan';

/** Every sub-command by name; a new command is one file plus one line here. */
export const COMMANDS: readonly Command[] = [
  scanCommand,
  conformanceCommand,
  entitiesCommand,
  checkCommand,
  docsCommand,
  bumpCommand,
];

export type { Command } from './command';
