import { caddyGlobToRegExp, hasGlobMeta } from './glob';

describe('caddy import globs', () => {
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
});
