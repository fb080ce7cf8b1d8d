import { unitScopeOf } from './unitScope';

describe('unitScopeOf', () => {
  it.each([
    [
      '.config/containers/systemd/a.container',
      'home/dot_config/containers/systemd/a.container',
      'dotfiles',
      'user',
    ],
    ['/usr/share/containers/systemd/a.container', 'x', 'os', 'system'],
    ['/etc/containers/systemd/users/a.container', 'x', 'os', 'user'],
    ['/usr/lib/systemd/system/a.service', 'x', 'os', 'system'],
    ['/usr/lib/systemd/user/a.service', 'x', 'os', 'user'],
    [undefined, 'quadlets/web/web.container', 'other', 'unknown'],
    [undefined, 'quadlets/web/web.container', 'os', 'system'],
  ] as const)('%s', (target, path, role, scope) =>
    expect(unitScopeOf(target, path, role)).toBe(scope),
  );
});
