import { osTargetOf, targetOfWrittenPath } from './targetPath';

describe('osTargetOf', () => {
  it.each([
    [
      'mkosi.extra/usr/lib/bootc/kargs.d/a.toml',
      '/usr/lib/bootc/kargs.d/a.toml',
    ],
    ['mkosi.skeleton/etc/x', '/etc/x'],
    [
      'usr/share/containers/systemd/web.container',
      '/usr/share/containers/systemd/web.container',
    ],
    [
      'system_files/etc/containers/systemd/a.container',
      '/etc/containers/systemd/a.container',
    ],
    ['docs/decisions.md', undefined],
    ['mkosi.conf', undefined],
  ])('%s → %s', (path, target) => expect(osTargetOf(path)).toBe(target));
});

describe('targetOfWrittenPath', () => {
  it.each([
    [
      '%h/.config/sodimo/piler.env',
      { target: '.config/sodimo/piler.env', home: true },
    ],
    ['-%h/.config/x.env', { target: '.config/x.env', home: true }],
    ['~/.local/bin/x', { target: '.local/bin/x', home: true }],
    ['/var/home/sodimo/.config/a', { target: '.config/a', home: true }],
    [
      '/etc/sodimo/../sodimo/x.env',
      { target: '/etc/sodimo/x.env', home: false },
    ],
    ['%t/podman/podman.sock', undefined],
    ['%h/%i.env', undefined],
    ['relative.env', undefined],
    ['%h/../../etc/passwd', undefined],
  ])('%s', (written, expected) =>
    expect(targetOfWrittenPath(written)).toEqual(expected),
  );
});
