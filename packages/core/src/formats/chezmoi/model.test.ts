import { join } from 'node:path';
import { fixtureTree } from '../../testing/fixtureTree';
import { chezmoiTargetStatus, modelChezmoiTree } from './model';
import { parseChezmoiTree } from './parse';

describe('chezmoi tree model', () => {
  const doc = parseChezmoiTree(
    fixtureTree(join(__dirname, '__fixtures__/repo')),
  );
  const model = modelChezmoiTree(doc);

  it('uses .chezmoiroot as the source root', () => {
    expect(model.sourceRoot).toBe('home');
    expect(model.diagnostics).toEqual([]);
  });

  it('lists targets with attributes, template flag and ignore status', () => {
    expect(
      model.targets.map(t => [t.targetPath, t.kind, t.template, t.ignore]),
    ).toEqual([
      ['.config/caddy/Caddyfile', 'file', false, 'managed'],
      ['.config/caddy/Caddyfile.bak', 'file', false, 'ignored'],
      ['.config/caddy/keep.bak', 'file', false, 'managed'],
      [
        '.config/containers/systemd/legacy-redis.container',
        'file',
        false,
        'managed',
      ],
      [
        '.config/containers/systemd/openwebui.container',
        'file',
        false,
        'managed',
      ],
      [
        '.config/containers/systemd/piler.container',
        'file',
        true,
        'maybe-ignored',
      ],
      ['.config/sodimo/litellm.env', 'file', true, 'managed'],
      ['.local/bin/sodiwin-etl', 'file', false, 'maybe-ignored'],
      ['.themes/dark.theme', 'file', false, 'managed'],
      ['.ssh/id_ed25519', 'file', false, 'managed'],
      ['.vimrc', 'symlink', false, 'managed'],
    ]);
    const piler = model.targets.find(t =>
      t.targetPath.endsWith('piler.container'),
    );
    expect(piler).toMatchObject({
      file: 'home/dot_config/containers/systemd/private_piler.container.tmpl',
      line: 0,
      attributes: { private: true },
    });
    expect(
      model.targets.find(t => t.targetPath === '.ssh/id_ed25519')?.attributes,
    ).toMatchObject({
      encrypted: true,
      private: true,
    });
    expect(
      model.targets.find(t => t.targetPath === '.themes/dark.theme')
        ?.inExactDir,
    ).toBe(true);
  });

  it('lists scripts, special files and skipped files', () => {
    expect(
      model.scripts.map(s => [s.name, s.condition, s.order, s.template]),
    ).toEqual([
      ['reload.sh', 'onchange', 'after', true],
      ['install-packages.sh', 'once', 'before', false],
    ]);
    expect(model.specialFiles.map(s => [s.file, s.kind])).toEqual([
      ['.chezmoiroot', 'root'],
      ['home/.chezmoidata.yaml', 'data'],
      ['home/.chezmoiexternal.toml', 'external'],
      ['home/.chezmoiignore', 'ignore'],
      ['home/.chezmoitemplates/header.tmpl', 'templates'],
    ]);
    expect(model.skippedFiles).toEqual([
      'README.md',
      'docs/notes.md',
      'home/.keep',
    ]);
  });

  it('answers whether a target is managed', () => {
    expect(
      chezmoiTargetStatus(
        model,
        '.config/containers/systemd/openwebui.container',
      ),
    ).toBe('managed');
    expect(chezmoiTargetStatus(model, './.config/caddy/Caddyfile.bak')).toBe(
      'ignored',
    );
    expect(
      chezmoiTargetStatus(model, '.config/containers/systemd/piler.container'),
    ).toBe('maybe-ignored');
    expect(chezmoiTargetStatus(model, '.config/none')).toBe('not-in-source');
  });

  it('reports two sources for one target and a root that holds nothing', () => {
    const clash = parseChezmoiTree([
      { path: 'dot_x', text: '' },
      { path: 'private_dot_x.tmpl', text: '' },
    ]);
    expect(clash.diagnostics.map(d => [d.file, d.code])).toEqual([
      ['private_dot_x.tmpl', 'chezmoi/duplicate-target'],
    ]);
    const empty = parseChezmoiTree([
      { path: '.chezmoiroot', text: 'home\n' },
      { path: 'dot_x', text: '' },
    ]);
    expect(empty.diagnostics.map(d => [d.file, d.line, d.code])).toEqual([
      ['.chezmoiroot', 1, 'chezmoi/missing-root'],
    ]);
  });

  it('reads a .chezmoiignore in a subfolder relative to its target folder', () => {
    const tree = parseChezmoiTree([
      { path: 'dot_config/.chezmoiignore', text: 'secret.txt\n' },
      { path: 'dot_config/secret.txt', text: '' },
      { path: 'secret.txt', text: '' },
    ]);
    expect(
      modelChezmoiTree(tree).targets.map(t => [t.targetPath, t.ignore]),
    ).toEqual([
      ['.config/secret.txt', 'ignored'],
      ['secret.txt', 'managed'],
    ]);
  });
});
