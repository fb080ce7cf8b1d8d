import type { Command } from './command';
import { conformanceCommand } from './conformance';
import { entitiesCommand } from './entities';
import { scanCommand } from './scan';

/** Every sub-command by name; a new command is one file plus one line here. */
export const COMMANDS: readonly Command[] = [
  scanCommand,
  conformanceCommand,
  entitiesCommand,
];

export type { Command } from './command';
