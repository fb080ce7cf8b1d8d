import { readBox } from './readBox';

const file = (path: string, text: string) => ({
  path,
  content: Buffer.from(text),
});

describe('env files', () => {
  const inventory = readBox([
    {
      name: 'home',
      role: 'dotfiles',
      files: [
        file(
          '.config/containers/systemd/app/app.container',
          '[Container]\nImage=ghcr.io/x/app:1\nEnvironmentFile=app.env\nEnvironmentFile=/etc/app/secrets.env\nEnvironmentFile=%h/.config/app/other.env\n',
        ),
        file('.config/containers/systemd/app/app.env', 'export A=1\nB\n'),
        file('.config/app/other.env.tmpl', 'C={{ .c }}\n'),
        file('.config/app/unused.env', 'D=4\n'),
      ],
    },
  ]);
  const env = (key: string) => inventory.envFiles.find(e => e.key === key);

  it('resolves relative paths from the unit folder, names variables, never values', () => {
    expect(env('.config/containers/systemd/app/app.env')).toMatchObject({
      status: 'present',
      references: ['app.env'],
      file: { tree: 'home', path: '.config/containers/systemd/app/app.env' },
      usedBy: ['home:.config/containers/systemd/app/app.container'],
    });
    expect(
      env('.config/containers/systemd/app/app.env')?.variables.map(v => [
        v.name,
        v.source.line,
      ]),
    ).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('finds a .tmpl companion, marks absolute paths outside the trees as external, lists unused files', () => {
    expect(env('.config/app/other.env')).toMatchObject({
      status: 'template',
      file: { path: '.config/app/other.env.tmpl' },
    });
    expect(env('/etc/app/secrets.env')).toMatchObject({
      status: 'external',
      variables: [],
    });
    expect(env('.config/app/unused.env')).toMatchObject({
      status: 'present',
      usedBy: [],
    });
    expect(inventory.envFiles.map(e => e.key)).toEqual([
      '.config/app/other.env',
      '.config/app/unused.env',
      '.config/containers/systemd/app/app.env',
      '/etc/app/secrets.env',
    ]);
  });
});
