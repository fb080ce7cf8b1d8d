import { decodeEscape, escapeWord, escapeWords } from './escapes';
import { splitExecArgs } from './splitWords';

describe('decodeEscape', () => {
  it.each([
    ['n', '\n', 1],
    ['t', '\t', 1],
    ['\\', '\\', 1],
    ['"', '"', 1],
    ['s', ' ', 1],
    ['x41', 'A', 3],
    ['u00e9', 'é', 5],
    ['U0001F600', '😀', 9],
    ['101', 'A', 3],
  ])('decodes \\%s', (text, value, length) => {
    expect(decodeEscape(text, 0)).toEqual({ value, length });
  });

  it.each(['.', '?', 'x4', 'xZZ', 'u12', '8', '01', '000', '400', 'U00110000'])(
    'refuses \\%s',
    text => {
      expect(decodeEscape(text, 0)).toBeUndefined();
    },
  );

  it('maps surrogate code points to U+FFFD as Go does', () => {
    expect(decodeEscape('ud800', 0)).toEqual({ value: '\uFFFD', length: 5 });
  });
});

describe('escapeWords', () => {
  it('quotes only words that need it', () => {
    expect(escapeWords(['podman', 'run', 'a b', 'say "hi"', 'tab\there'])).toBe(
      'podman run "a b" "say \\"hi\\"" "tab\\there"',
    );
    expect(escapeWord('plain')).toBe('plain');
  });

  it('round-trips through exec-style splitting', () => {
    const words = ['a b', "it's", 'back\\slash', 'nl\nx', 'é'];
    expect(splitExecArgs(escapeWords(words)).words).toEqual(words);
  });
});
