import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  readBoxFromDirectories,
  readDirectoryTree,
  treesOfDirectory,
} from './readDirectory';

let root: string;
const write = (rel: string, text: string) => {
  const abs = path.join(root, rel);
  mkdirSync(path.dirname(abs), { recursive: true });
  writeFileSync(abs, text);
};

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'qp-inventory-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('treesOfDirectory', () => {
  it('splits a folder of repos into one tree per repo', async () => {
    write('box/dotfiles/.chezmoiroot', 'home\n');
    write('box/os/mkosi.conf', '[Distribution]\nDistribution=fedora\n');
    write('box/notes/todo.txt', 'not a repo\n');
    const trees = await treesOfDirectory(path.join(root, 'box'));
    expect(trees.map(t => t.name)).toEqual(['dotfiles', 'os']);
  });

  it('keeps a folder that is a repo itself whole', async () => {
    write('repo/README.md', '# repo\n');
    write('repo/sub/README.md', '# sub\n');
    expect(
      (await treesOfDirectory(path.join(root, 'repo'))).map(t => t.name),
    ).toEqual(['repo']);
  });

  it('reports a folder that cannot be read', async () => {
    const problems: never[] = [];
    expect(
      await treesOfDirectory(path.join(root, 'missing'), problems),
    ).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'inventory/unreadable',
        severity: 'error',
      }),
    ]);
  });
});

describe('readBoxFromDirectories', () => {
  it('skips .git and node_modules, keeps in-tree links, never follows links out', async () => {
    write('box/.git/config', '[core]\n');
    write('box/node_modules/x/index.js', '');
    write('box/README.md', '# box\n');
    write(
      'box/containers/systemd/web@.container',
      '[Container]\nImage=ghcr.io/x/web:1\n',
    );
    write('box/shared/caddy.conf', 'a.example.com {\n}\n');
    write('outside.container', '[Container]\nImage=evil\n');
    symlinkSync(
      'web@.container',
      path.join(root, 'box/containers/systemd/web@blue.container'),
    );
    symlinkSync(
      '../../../outside.container',
      path.join(root, 'box/containers/systemd/escape.container'),
    );
    symlinkSync(
      '../shared/caddy.conf',
      path.join(root, 'box/containers/linked.conf'),
    );
    symlinkSync('nowhere', path.join(root, 'box/broken'));

    const inventory = await readBoxFromDirectories([path.join(root, 'box')], {
      commits: false,
    });
    expect(inventory.trees).toEqual([
      expect.objectContaining({ name: 'box', role: 'other', files: 4 }),
    ]);
    expect(inventory.units.map(u => u.name)).toEqual([
      'web@.container',
      'web@blue.container',
    ]);
    expect(inventory.links).toEqual([
      {
        tree: 'box',
        path: 'containers/linked.conf',
        target: 'shared/caddy.conf',
      },
      {
        tree: 'box',
        path: 'containers/systemd/web@blue.container',
        target: 'containers/systemd/web@.container',
        unit: 'box:containers/systemd/web@blue.container',
      },
    ]);
    expect(inventory.diagnostics).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          file: 'containers/systemd/escape.container',
          code: 'inventory/link-outside-tree',
        }),
        expect.objectContaining({
          file: 'broken',
          code: 'inventory/broken-link',
        }),
      ]),
    );
  });

  it('takes roles from the object form', async () => {
    write('a/x.txt', 'x\n');
    write('b/y.txt', 'y\n');
    const inventory = await readBoxFromDirectories(
      { dotfiles: path.join(root, 'a'), os: path.join(root, 'b') },
      { commits: false },
    );
    expect(inventory.trees.map(t => [t.name, t.role, t.roleFrom])).toEqual([
      ['a', 'dotfiles', 'given'],
      ['b', 'os', 'given'],
    ]);
  });

  it('reports stage timings when asked', async () => {
    write('r/README.md', '# r\n');
    const stages: string[] = [];
    await readBoxFromDirectories([path.join(root, 'r')], {
      commits: false,
      onStage: stage => stages.push(stage),
    });
    expect(stages).toEqual(
      expect.arrayContaining([
        'read r',
        'index trees',
        'quadlets',
        'hostnames',
        'decisions',
      ]),
    );
  });
});

describe('readDirectoryTree', () => {
  // Moved from the catalog module, whose copy of this walker it replaced.
  it('reads files in path order, skips .git and node_modules, keeps in-tree links only', async () => {
    const dir = path.join(root, 'tree');
    write(
      'tree/units/web@.container',
      '[Container]\nImage=docker.io/library/nginx:1.27\n',
    );
    write('tree/units/.git/HEAD', 'ref: refs/heads/main\n');
    write('tree/node_modules/x/index.js', '');
    write('tree/notes.md', 'D-097\n');
    symlinkSync('web@.container', path.join(dir, 'units/web@blue.container'));
    symlinkSync('../notes.md', path.join(dir, 'units/notes-link.md'));
    symlinkSync('/etc/hostname', path.join(dir, 'outside'));
    symlinkSync('missing.conf', path.join(dir, 'units/dangling.conf'));

    const { tree, diagnostics } = await readDirectoryTree(dir, {
      name: 'box',
      role: 'dotfiles',
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
    // The catalog module's copy said nothing about the link out of the tree; the core notes it.
    expect(diagnostics).toEqual([
      expect.objectContaining({
        tree: 'box',
        file: 'outside',
        severity: 'info',
        code: 'inventory/link-outside-tree',
      }),
      expect.objectContaining({
        tree: 'box',
        file: 'units/dangling.conf',
        severity: 'warning',
        code: 'inventory/broken-link',
      }),
    ]);
  });

  it('reports a root that cannot be read instead of throwing', async () => {
    const { tree, diagnostics } = await readDirectoryTree(
      path.join(root, 'nope'),
      { name: 'x', commits: false },
    );
    expect(tree.files).toEqual([]);
    expect(diagnostics).toEqual([
      expect.objectContaining({
        tree: 'x',
        file: '.',
        code: 'inventory/unreadable',
        message: 'cannot read . (ENOENT)',
      }),
    ]);
  });

  it('stops when its signal is aborted', async () => {
    write('r/a.txt', 'a\n');
    await expect(
      readDirectoryTree(path.join(root, 'r'), {
        name: 'r',
        signal: AbortSignal.abort(),
      }),
    ).rejects.toThrow(/abort/i);
  });
});
