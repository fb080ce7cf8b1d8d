import { doublestarToRegExp } from './doublestar';

const matches = (pattern: string, path: string) =>
  doublestarToRegExp(pattern).test(path);

describe('doublestarToRegExp', () => {
  it('keeps * and ? inside one segment and matches whole paths', () => {
    expect(matches('*.md', 'README.md')).toBe(true);
    expect(matches('*.md', 'docs/README.md')).toBe(false);
    expect(matches('.config/?.conf', '.config/a.conf')).toBe(true);
  });

  it('lets ** span folders', () => {
    expect(matches('**/*.bak', 'a/b/c.bak')).toBe(true);
    expect(matches('**/*.bak', 'c.bak')).toBe(true);
    expect(matches('.cache/**', '.cache/x/y')).toBe(true);
    expect(matches('a/**/z', 'a/z')).toBe(true);
    expect(matches('a/**/z', 'a/b/c/z')).toBe(true);
  });

  it('supports alternatives, classes and escapes', () => {
    expect(matches('.{bash,zsh}rc', '.zshrc')).toBe(true);
    expect(matches('.{bash,zsh}rc', '.kshrc')).toBe(false);
    expect(matches('[!a]x', 'bx')).toBe(true);
    expect(matches('[!a]x', 'ax')).toBe(false);
    expect(matches('\\*', '*')).toBe(true);
  });

  it('never throws on a malformed pattern', () => {
    expect(matches('[z-a]', 'b')).toBe(false);
    expect(matches('{a,b', 'a')).toBe(true);
  });
});
