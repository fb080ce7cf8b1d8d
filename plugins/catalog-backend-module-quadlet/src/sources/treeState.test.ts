import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { readBox, readBoxFromDirectories } from '@quadlet-portal/core';
import type { BoxTreeConfig } from '../config/types';
import { readTreeState } from './treeState';

const examples = path.resolve(__dirname, '../../../../examples/sodimo');

/** Reads a local tree the way the provider does (the walker itself is the core's `readDirectoryTree`). */
const readLocal = (config: BoxTreeConfig) =>
  readTreeState(config, undefined, {
    urlReader: mockServices.urlReader.mock(),
  });

describe('readTreeState for a local folder', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qp-tree-'));
    await writeFile(path.join(dir, 'notes.md'), 'D-097\n');
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('throws when the root is not a directory, so the run fails instead of emptying the box', async () => {
    await expect(
      readLocal({
        name: 'x',
        source: { type: 'directory', path: path.join(dir, 'nope') },
      }),
    ).rejects.toThrow(/ENOENT/);
    await expect(
      readLocal({
        name: 'x',
        source: { type: 'directory', path: path.join(dir, 'notes.md') },
      }),
    ).rejects.toThrow(/is not a directory/);
  });

  it('yields the same inventory as the core reading the same folders (the CLI path)', async () => {
    const dotfiles = path.join(examples, 'dotfiles');
    const harness = path.join(examples, 'harness');
    const trees = await Promise.all([
      readLocal({
        name: 'dotfiles',
        role: 'dotfiles',
        source: { type: 'directory', path: dotfiles },
      }),
      readLocal({
        name: 'harness',
        role: 'os',
        source: { type: 'directory', path: harness },
      }),
    ]);
    expect(trees.flatMap(t => t.diagnostics)).toEqual([]);
    const ours = readBox(trees.map(t => t.tree));
    const core = await readBoxFromDirectories({ dotfiles, os: harness });
    expect(ours).toEqual(core);
    expect(ours.units.length).toBeGreaterThan(20);
  });
});
