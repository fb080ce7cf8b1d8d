import { splitExecArgs, splitStrv, splitWords } from './splitWords';

describe('splitExecArgs', () => {
  it('splits the podman escapes fixture like podman', () => {
    const value = `/some/path "an arg" "a;b\\nc\\td'e" a;b\\nc\\td 'a"b' '\\110ello \\127orld'`;
    expect(splitExecArgs(value)).toEqual({
      words: [
        '/some/path',
        'an arg',
        "a;b\nc\td'e",
        'a;b\nc\td',
        'a"b',
        'Hello World',
      ],
    });
  });

  it('fails the whole value on an unsupported escape', () => {
    expect(splitExecArgs("run 'test\\.com'")).toEqual({
      words: [],
      error: 'unsupported escape char',
    });
    expect(splitExecArgs('regex=^foo(\\?.*)?$')).toEqual({
      words: [],
      error: 'unsupported escape char',
    });
  });

  it('accepts unbalanced quotes and a trailing backslash (relaxed mode)', () => {
    expect(splitExecArgs('a "b c')).toEqual({ words: ['a', 'b c'] });
    expect(splitExecArgs('a b\\')).toEqual({ words: ['a', 'b'] });
  });

  it('decodes hex, unicode and \\s escapes, refusing NUL', () => {
    expect(splitExecArgs('\\x41\\u00e9\\U0001F600\\s!').words).toEqual([
      'Aé😀 !',
    ]);
    expect(splitExecArgs('\\x00').error).toBe('unsupported escape char');
  });

  it('joins quoted and unquoted parts of one word', () => {
    expect(splitExecArgs(`--env="A B"C 'x'"y"`).words).toEqual([
      '--env=A BC',
      'xy',
    ]);
  });

  it('stops at an empty word, a quirk podman inherits', () => {
    expect(splitExecArgs('a "" b').words).toEqual(['a']);
  });

  it('treats tabs, CR and LF as separators', () => {
    expect(splitExecArgs(' a\tb\r\nc  ').words).toEqual(['a', 'b', 'c']);
  });
});

describe('splitStrv', () => {
  it('unquotes but keeps backslashes', () => {
    expect(splitStrv('a.service "b c.service" d\\x2d.service').words).toEqual([
      'a.service',
      'b c.service',
      'd\\x2d.service',
    ]);
  });

  it('drops the value on an unbalanced quote', () => {
    expect(splitStrv('a "b')).toEqual({
      words: [],
      error: 'unbalanced quotes',
    });
  });
});

describe('splitWords options', () => {
  it('can keep quotes', () => {
    expect(splitWords(`a "b c" d`, { keepQuote: true }).words).toEqual([
      'a',
      '"b c"',
      'd',
    ]);
  });

  it('can report empty words between separators', () => {
    expect(
      splitWords('a,,b', { separators: ',', dontCoalesceSeparators: true })
        .words,
    ).toEqual(['a', '', 'b']);
  });

  it('can keep unknown escapes verbatim', () => {
    expect(
      splitWords('a\\.b', { cUnescape: true, unescapeRelax: true }).words,
    ).toEqual(['a\\.b']);
  });

  it('fails on a trailing backslash unless relaxed', () => {
    expect(splitWords('a\\', {}).error).toBe('unbalanced escape');
  });
});
