import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The problems seeded in examples/sodimo, one line per failing result as
 * `check subject tree:path:line [detail]`, from the one list beside the box
 * (examples/sodimo/expected-findings.txt) that the core and the backend are held to as well.
 */
const lines = readFileSync(
  // A test fixture, never part of a built package: __dirname is the source folder.
  // eslint-disable-next-line no-restricted-syntax
  path.resolve(__dirname, '../../../../../examples/sodimo/expected-findings.txt'),
  'utf8',
)
  .split('\n')
  .filter(l => l.trim() !== '' && !l.startsWith('#'));

export const SODIMO_SEEDED_FAILURES = lines.filter(l => !l.startsWith('online: '));

/** Online, the registry does not have the placeholder tag either. */
export const SODIMO_ONLINE_EXTRA_FAILURE = lines
  .find(l => l.startsWith('online: '))!
  .slice('online: '.length);
