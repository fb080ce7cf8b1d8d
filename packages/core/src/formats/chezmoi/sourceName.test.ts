import { parseDirName, parseFileName } from './sourceName';

describe('parseFileName', () => {
  it.each([
    ['dot_bashrc', '.bashrc', 'file', {}],
    [
      'private_piler.container.tmpl',
      'piler.container',
      'file',
      { private: true, template: true },
    ],
    [
      'private_readonly_dot_netrc',
      '.netrc',
      'file',
      { private: true, readonly: true },
    ],
    [
      'executable_dot_local_bin_x',
      '.local_bin_x',
      'file',
      { executable: true },
    ],
    ['empty_dot_hushlogin', '.hushlogin', 'file', { empty: true }],
    [
      'encrypted_private_id_ed25519.age',
      'id_ed25519',
      'file',
      { encrypted: true, private: true },
    ],
    [
      'encrypted_dot_secret.tmpl.asc',
      '.secret',
      'file',
      { encrypted: true, template: true },
    ],
    ['create_dot_gitconfig.local', '.gitconfig.local', 'create', {}],
    [
      'create_private_executable_x',
      'x',
      'create',
      { private: true, executable: true },
    ],
    ['modify_dot_config.json', '.config.json', 'modify', {}],
    ['remove_dot_old', '.old', 'remove', {}],
    ['symlink_dot_vimrc.tmpl', '.vimrc', 'symlink', { template: true }],
    ['literal_dot_config', 'dot_config', 'file', {}],
    ['dot_foo.tmpl.literal', '.foo.tmpl', 'file', { template: false }],
    ['foo.literal.tmpl', 'foo', 'file', { template: true }],
    // A prefix out of order is part of the name.
    [
      'private_encrypted_x',
      'encrypted_x',
      'file',
      { private: true, encrypted: false },
    ],
    ['dot_private_x', '.private_x', 'file', { private: false }],
  ])('%s → %s', (source, target, type, flags) => {
    const attrs = parseFileName(source);
    expect(attrs.targetName).toBe(target);
    expect(attrs.type).toBe(type);
    expect(attrs).toMatchObject(flags);
  });

  it('reads script conditions and order', () => {
    expect(parseFileName('run_once_before_install.sh')).toMatchObject({
      type: 'script',
      condition: 'once',
      order: 'before',
      targetName: 'install.sh',
    });
    expect(parseFileName('run_onchange_after_reload.sh.tmpl')).toMatchObject({
      condition: 'onchange',
      order: 'after',
      template: true,
      targetName: 'reload.sh',
    });
    expect(parseFileName('run_x.sh')).toMatchObject({
      condition: 'always',
      order: 'during',
    });
  });
});

describe('parseDirName', () => {
  it('peels directory prefixes in chezmoi order', () => {
    expect(parseDirName('exact_private_dot_config')).toMatchObject({
      targetName: '.config',
      exact: true,
      private: true,
    });
    expect(parseDirName('remove_external_dot_x')).toMatchObject({
      targetName: '.x',
      remove: true,
      external: true,
    });
    expect(parseDirName('private_exact_x')).toMatchObject({
      targetName: 'exact_x',
      private: true,
      exact: false,
    });
    expect(parseDirName('literal_dot_x')).toMatchObject({
      targetName: 'dot_x',
    });
  });
});
