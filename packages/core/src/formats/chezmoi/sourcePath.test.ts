import { chezmoiSourceEntry, parseChezmoiRoot } from './sourcePath';

describe('chezmoiSourceEntry', () => {
  it('maps a whole path under the source root', () => {
    expect(
      chezmoiSourceEntry(
        'home/dot_config/containers/systemd/private_piler.container.tmpl',
        'home',
      ),
    ).toMatchObject({
      kind: 'file',
      targetPath: '.config/containers/systemd/piler.container',
      template: true,
      attributes: { private: true },
    });
  });

  it('decodes folder prefixes and remembers exact_ folders', () => {
    expect(
      chezmoiSourceEntry('private_dot_ssh/exact_keys/x', ''),
    ).toMatchObject({
      targetPath: '.ssh/keys/x',
      inExactDir: true,
    });
  });

  it('places files outside the source root apart', () => {
    expect(chezmoiSourceEntry('README.md', 'home')).toMatchObject({
      kind: 'outside-root',
      targetPath: null,
    });
    expect(chezmoiSourceEntry('homework/x', 'home').kind).toBe('outside-root');
    expect(chezmoiSourceEntry('.chezmoiroot', 'home')).toMatchObject({
      kind: 'special',
      special: 'root',
    });
  });

  it('recognises special files and folders, and skips other dot-names', () => {
    expect(chezmoiSourceEntry('.chezmoiignore').special).toBe('ignore');
    expect(chezmoiSourceEntry('dot_config/.chezmoiignore').special).toBe(
      'ignore',
    );
    expect(chezmoiSourceEntry('.chezmoidata.yaml').special).toBe('data');
    expect(chezmoiSourceEntry('.chezmoidata/x.json').special).toBe('data');
    expect(chezmoiSourceEntry('.chezmoiexternal.toml.tmpl').special).toBe(
      'external',
    );
    expect(chezmoiSourceEntry('.chezmoitemplates/header.tmpl').special).toBe(
      'templates',
    );
    expect(chezmoiSourceEntry('.chezmoi.toml.tmpl').special).toBe(
      'config-template',
    );
    expect(chezmoiSourceEntry('.chezmoiversion').special).toBe('version');
    expect(chezmoiSourceEntry('.chezmoisomething').special).toBe('other');
    expect(chezmoiSourceEntry('.git/config').kind).toBe('ignored');
    expect(chezmoiSourceEntry('dot_config/.keep').kind).toBe('ignored');
  });

  it('runs scripts from .chezmoiscripts without a folder of their own', () => {
    expect(
      chezmoiSourceEntry('.chezmoiscripts/linux/run_once_setup.sh'),
    ).toMatchObject({
      kind: 'script',
      targetPath: 'linux/setup.sh',
    });
    expect(chezmoiSourceEntry('.chezmoiscripts/notes.txt').kind).toBe(
      'ignored',
    );
  });

  it('takes names literally below an external_ folder', () => {
    expect(
      chezmoiSourceEntry('external_dot_vim/dot_keep/private_x').targetPath,
    ).toBe('.vim/dot_keep/private_x');
  });
});

describe('parseChezmoiRoot', () => {
  it('reads the first line, without slashes or blanks', () => {
    expect(parseChezmoiRoot('home/\n')).toBe('home');
    expect(parseChezmoiRoot('\ufeff  ./src/home  \r\n')).toBe('src/home');
    expect(parseChezmoiRoot('')).toBe('');
  });
});
