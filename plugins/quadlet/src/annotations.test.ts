import { parseTreeLocation } from './annotations';

describe('parseTreeLocation', () => {
  it('splits tree, path and line', () => {
    expect(
      parseTreeLocation(
        'dotfiles:home/dot_config/containers/systemd/piler.container:1',
      ),
    ).toEqual({
      tree: 'dotfiles',
      path: 'home/dot_config/containers/systemd/piler.container',
      line: 1,
    });
  });

  it('keeps colons inside the path and accepts a missing line', () => {
    expect(parseTreeLocation('os:etc/a:b.conf')).toEqual({
      tree: 'os',
      path: 'etc/a:b.conf',
      line: undefined,
    });
  });

  it('rejects what is not a tree location', () => {
    expect(parseTreeLocation(undefined)).toBeUndefined();
    expect(parseTreeLocation('no-colon')).toBeUndefined();
    expect(parseTreeLocation(':path:1')).toBeUndefined();
    expect(parseTreeLocation('tree::3')).toBeUndefined();
  });
});
