import { parseBoolean, parseKeyValueWords, unquoteValue } from './values';

describe('unquoteValue', () => {
  it('trims trailing blanks and one pair of surrounding double quotes only', () => {
    expect(unquoteValue('"localhost/imagename"  ')).toBe('localhost/imagename');
    expect(unquoteValue('"RemoveQuotes"Name"')).toBe('RemoveQuotes"Name');
    expect(unquoteValue("'single'")).toBe("'single'");
    expect(unquoteValue('"')).toBe('"');
    expect(unquoteValue('a\\x20b')).toBe('a\\x20b');
  });
});

describe('parseBoolean', () => {
  it.each([
    ['yes', true],
    ['TRUE', true],
    ['1', true],
    ['on', true],
    ['"yes"', true],
    ['no', false],
    ['y', false],
    ['', false],
  ])('%s → %s', (v, expected) => {
    expect(parseBoolean(v)).toBe(expected);
  });
});

describe('parseKeyValueWords', () => {
  it('splits assignments exec-style and flags stray words', () => {
    expect(parseKeyValueWords(`A=1 "B=two words" 'C=x\\ny' D`)).toEqual({
      pairs: [
        { key: 'A', value: '1' },
        { key: 'B', value: 'two words' },
        { key: 'C', value: 'x\ny' },
        { key: 'D', value: undefined },
      ],
      error: undefined,
      strayWords: ['D'],
    });
  });

  it('reports a split error with no pairs', () => {
    expect(parseKeyValueWords('regex=^foo(\\?.*)?$')).toEqual({
      pairs: [],
      error: 'unsupported escape char',
      strayWords: [],
    });
  });

  it('does not flag a leading bare word', () => {
    expect(parseKeyValueWords('read-only').strayWords).toEqual([]);
  });
});
