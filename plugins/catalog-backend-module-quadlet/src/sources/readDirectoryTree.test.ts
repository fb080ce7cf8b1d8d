import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readBox, readBoxFromDirectories } from '@quadlet-portal/core';
import { readDirectoryTree } from './readDirectoryTree';

const examples = path.resolve(__dirname, '../../../../examples/sodimo');

describe('readDirectoryTree', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qp-tree-'));
    await mkdir(path.join(dir, 'units/.git'), { recursive: true });
    await mkdir(path.join(dir, 'node_modules/x'), { recursive: true });
    await writeFile(
      path.join(dir, 'units/web@.container'),
      '[Container]\nImage=docker.io/library/nginx:1.27\n',
    );
    await writeFile(
      path.join(dir, 'units/.git/HEAD'),
      'ref: refs/heads/main\n',
    );
    await writeFile(path.join(dir, 'node_modules/x/index.js'), '');
    await writeFile(path.join(dir, 'notes.md'), 'D-097\n');
    await symlink('web@.container', path.join(dir, 'units/web@blue.container'));
    await symlink('../notes.md', path.join(dir, 'units/notes-link.md'));
    await symlink('/etc/hostname', path.join(dir, 'outside'));
    await symlink('missing.conf', path.join(dir, 'units/dangling.conf'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads files in path order, skips .git and node_modules, keeps in-tree links only', async () => {
    const { tree, diagnostics } = await readDirectoryTree({
      name: 'box',
      role: 'dotfiles',
      source: { type: 'directory', path: dir },
    });
    expect(tree.name).toBe('box');
    expect(tree.role).toBe('dotfiles');
    expect(tree.location).toBe(dir);
    // The quadlet link is an instance the core resolves through `links`; other links are read as their target.
    expect(tree.files.map(f => f.path)).toEqual([
      'notes.md',
      'units/notes-link.md',
      'units/web@.container',
    ]);
    expect(tree.files[1].content.toString()).toBe('D-097\n');
    expect(tree.links).toEqual([
      { path: 'units/notes-link.md', target: 'notes.md' },
      { path: 'units/web@blue.container', target: 'units/web@.container' },
    ]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        tree: 'box',
        file: 'units/dangling.conf',
        severity: 'warning',
        code: 'inventory/broken-link',
      }),
    ]);
  });

  it('throws when the root is not a directory, so the run fails instead of emptying the box', async () => {
    await expect(
      readDirectoryTree({
        name: 'x',
        source: { type: 'directory', path: path.join(dir, 'nope') },
      }),
    ).rejects.toThrow(/ENOENT/);
    await expect(
      readDirectoryTree({
        name: 'x',
        source: { type: 'directory', path: path.join(dir, 'notes.md') },
      }),
    ).rejects.toThrow(/is not a directory/);
  });

  it('yields the same inventory as the core reading the same folders (the CLI path)', async () => {
    const dotfiles = path.join(examples, 'dotfiles');
    const harness = path.join(examples, 'harness');
    const trees = await Promise.all([
      readDirectoryTree({
        name: 'dotfiles',
        role: 'dotfiles',
        source: { type: 'directory', path: dotfiles },
      }),
      readDirectoryTree({
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
