import { locateArrayStrings } from './arrayStrings';

describe('locateArrayStrings', () => {
  it('finds each element line and trailing comment, skipping nested arrays', () => {
    const text =
      'a = 1\nkargs = [ # list\n  "x", # first\n  [ "nested" ],\n  """multi\nline""", \'y\',\n]\n';
    expect(locateArrayStrings(text, 'kargs')).toEqual({
      line: 2,
      endLine: 7,
      strings: [
        { line: 3, trailingComment: 'first' },
        { line: 5 },
        { line: 6 },
      ],
    });
  });

  it('ignores quotes and brackets inside strings and comments', () => {
    const text = 'kargs = ["a]\\"#", # c"]\n "b"]';
    expect(locateArrayStrings(text, 'kargs')?.strings).toEqual([
      { line: 1, trailingComment: 'c"]' },
      { line: 2 },
    ]);
  });

  it('only looks at top-level keys and gives up on unterminated input', () => {
    expect(
      locateArrayStrings('[table]\nkargs = ["a"]\n', 'kargs'),
    ).toBeUndefined();
    expect(locateArrayStrings('kargs = ["a"\n', 'kargs')).toBeUndefined();
    expect(locateArrayStrings('kargs = ["a\n"]', 'kargs')).toBeUndefined();
    expect(locateArrayStrings('"kargs" = ["a"]', 'kargs')?.strings).toEqual([
      { line: 1 },
    ]);
  });
});
