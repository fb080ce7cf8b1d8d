import { globToRegExp, hasGlobMeta } from './glob';

// Moved from formats/caddy/glob.test.ts when the two translators became one.
describe('filepath globs (caddy import)', () => {
  const caddyGlobToRegExp = (pattern: string) =>
    globToRegExp(pattern, 'filepath');

  it('matches within one folder only', () => {
    const re = caddyGlobToRegExp('conf/routes/*.caddy');
    expect(re.test('conf/routes/chat.caddy')).toBe(true);
    expect(re.test('conf/routes/sub/chat.caddy')).toBe(false);
    expect(re.test('conf/routes/chat.caddy.bak')).toBe(false);
  });

  it('supports ?, classes, negated classes and escapes', () => {
    expect(caddyGlobToRegExp('a?.caddy').test('ab.caddy')).toBe(true);
    expect(caddyGlobToRegExp('[a-c]x').test('bx')).toBe(true);
    expect(caddyGlobToRegExp('[^a]x').test('ax')).toBe(false);
    expect(caddyGlobToRegExp('\\*x').test('*x')).toBe(true);
    expect(caddyGlobToRegExp('\\*x').test('ax')).toBe(false);
  });

  it('never throws on a malformed pattern', () => {
    expect(caddyGlobToRegExp('[z-a]').test('b')).toBe(false);
    expect(caddyGlobToRegExp('[unclosed').test('[unclosed')).toBe(true);
  });

  it('tells globs from plain paths', () => {
    expect(hasGlobMeta('routes/*.caddy')).toBe(true);
    expect(hasGlobMeta('routes/chat.caddy')).toBe(false);
  });

  it('knows no ** and no braces, unlike doublestar', () => {
    expect(caddyGlobToRegExp('**/*.caddy').test('a/b/c.caddy')).toBe(false);
    expect(caddyGlobToRegExp('a/**/c.caddy').test('a/b/c.caddy')).toBe(true);
    expect(caddyGlobToRegExp('{a,b}.caddy').test('{a,b}.caddy')).toBe(true);
    expect(caddyGlobToRegExp('{a,b}.caddy').test('a.caddy')).toBe(false);
  });
});

// Moved from formats/chezmoi/doublestar.test.ts.
describe('doublestar globs (chezmoi ignore)', () => {
  const matches = (pattern: string, path: string) =>
    globToRegExp(pattern, 'doublestar').test(path);

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
