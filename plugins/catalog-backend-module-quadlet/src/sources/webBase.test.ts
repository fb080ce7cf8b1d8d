import { webBaseOf } from './webBase';

describe('webBaseOf', () => {
  it('turns a tree URL into the blob prefix of the same ref', () => {
    expect(webBaseOf('https://github.com/sodimo/dotfiles/tree/main')).toBe(
      'https://github.com/sodimo/dotfiles/blob/main/',
    );
  });

  it('keeps the folder of a tree URL so paths relative to it land on the right file', () => {
    expect(
      webBaseOf('https://github.com/sodimo/harness/tree/v2/mkosi.extra/'),
    ).toBe('https://github.com/sodimo/harness/blob/v2/mkosi.extra/');
  });

  it('pins a URL without ref to the commit that was read', () => {
    expect(webBaseOf('https://github.com/sodimo/dotfiles', 'a1b2c3')).toBe(
      'https://github.com/sodimo/dotfiles/blob/a1b2c3/',
    );
    expect(webBaseOf('https://github.com/sodimo/dotfiles.git')).toBeUndefined();
  });

  it('works for GitHub Enterprise hosts of the same shape', () => {
    expect(webBaseOf('https://ghe.example.com/ops/box/tree/prod')).toBe(
      'https://ghe.example.com/ops/box/blob/prod/',
    );
  });

  it('gives nothing for shapes it does not know', () => {
    expect(webBaseOf('https://gitlab.com/o/r/-/tree/main')).toBeUndefined();
    expect(webBaseOf('not a url')).toBeUndefined();
    expect(webBaseOf('https://github.com/sodimo')).toBeUndefined();
  });
});
