import fc from 'fast-check';
import { chezmoiSourceEntry, chezmoiSourceReader } from './sourcePath';

const segment = fc.constantFrom(
  'home',
  'dot_config',
  'private_dot_ssh',
  'exact_apps',
  'external_vendor',
  'literal_dot_x',
  '.chezmoiscripts',
  '.chezmoidata',
  '.git',
  'run_once_setup.sh',
  'create_empty_x',
  'private_web.container.tmpl',
  'a.literal',
  '.chezmoiroot',
  '.chezmoiignore',
  '.',
  '..',
  '',
  'remove_old',
  'symlink_link',
  'modify_m',
  'encrypted_secret.age',
  'readonly_r',
);

describe('chezmoiSourceReader', () => {
  it('answers as chezmoiSourceEntry does, for any path and root (property)', () => {
    const pathOf = fc
      .array(segment, { minLength: 1, maxLength: 6 })
      .map(s => s.join('/'));
    fc.assert(
      fc.property(
        fc.constantFrom('', 'home', 'home/', './home', 'a/b'),
        fc.array(pathOf, { minLength: 1, maxLength: 20 }),
        (root, paths) => {
          // One reader for many paths: what it remembers about folders must not leak.
          const read = chezmoiSourceReader(root);
          for (const p of paths)
            expect(read(p)).toEqual(chezmoiSourceEntry(p, root));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads a file under its target name', () => {
    const read = chezmoiSourceReader('home');
    expect(
      read('home/dot_config/containers/systemd/private_web.container.tmpl'),
    ).toMatchObject({
      kind: 'file',
      targetPath: '.config/containers/systemd/web.container',
      template: true,
    });
  });
});
