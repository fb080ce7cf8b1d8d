import fc from 'fast-check';
import { keyValueProblems, parseKeyValueWords } from './values';

describe('keyValueProblems', () => {
  it('finds what parseKeyValueWords finds (property)', () => {
    const text = fc
      .array(
        fc.constantFrom(
          'A',
          'b',
          '=',
          ' ',
          '\t',
          '"',
          "'",
          '\\',
          'x',
          '\0',
          '.',
        ),
        { maxLength: 16 },
      )
      .map(c => c.join(''));
    fc.assert(
      fc.property(text, raw => {
        const parsed = parseKeyValueWords(raw);
        const expected =
          parsed.error || parsed.strayWords.length > 0
            ? { error: parsed.error, strayWords: parsed.strayWords }
            : undefined;
        expect(keyValueProblems(raw)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the stray words of an unquoted value', () => {
    expect(keyValueProblems('A=1 two words')).toEqual({
      strayWords: ['two', 'words'],
    });
    expect(keyValueProblems('A=1 B=2')).toBeUndefined();
    expect(keyValueProblems('regex=^a\\.b$')).toEqual({
      error: 'unsupported escape char',
      strayWords: [],
    });
  });
});
