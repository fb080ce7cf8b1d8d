import { quadletRootOf } from './loadQuadletUnits';

describe('quadletRootOf', () => {
  it('is the closest containers/systemd folder above the unit', () => {
    expect(quadletRootOf('.config/containers/systemd/app/web.container')).toBe(
      '.config/containers/systemd',
    );
    expect(
      quadletRootOf('a/containers/systemd/b/containers/systemd/c/x.volume'),
    ).toBe('a/containers/systemd/b/containers/systemd');
    expect(quadletRootOf('containers/systemd/x.pod')).toBe(
      'containers/systemd',
    );
  });

  it('needs whole folder names, and a folder (not the file itself)', () => {
    expect(quadletRootOf('mycontainers/systemd/x.container')).toBe('');
    expect(quadletRootOf('containers/systemdx/x.container')).toBe('');
    expect(quadletRootOf('a/containers/systemd')).toBe('');
    expect(quadletRootOf('quadlets/web/web.container')).toBe('');
  });
});
