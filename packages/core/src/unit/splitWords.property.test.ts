import fc from 'fast-check';
import { escapeWords } from './escapes';
import { splitExecArgs, splitStrv, splitWords } from './splitWords';

/** Characters that matter to word splitting, and a few that do not. */
const char = fc.constantFrom(
  'a',
  'Z',
  '0',
  ' ',
  '\t',
  '\n',
  '\r',
  '"',
  "'",
  '\\',
  '=',
  ',',
  'x',
  'u',
  'é',
  '😀',
  '\u0001',
);
const word = fc
  .array(char, { minLength: 1, maxLength: 8 })
  .map(c => c.join(''));

describe('splitWords (property)', () => {
  it('gives back the words escapeWords joined', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), words => {
        expect(splitExecArgs(escapeWords(words))).toEqual({ words });
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws and returns either words or an error with none', () => {
    const text = fc.array(char, { maxLength: 16 }).map(c => c.join(''));
    const flags = fc.record({
      relax: fc.boolean(),
      cUnescape: fc.boolean(),
      unescapeRelax: fc.boolean(),
      unescapeSeparators: fc.boolean(),
      keepQuote: fc.boolean(),
      unquote: fc.boolean(),
      dontCoalesceSeparators: fc.boolean(),
      retainEscape: fc.boolean(),
      retainSeparators: fc.boolean(),
    });
    fc.assert(
      fc.property(text, flags, (input, options) => {
        const result = splitWords(input, options);
        expect(result.error === undefined || result.words.length === 0).toBe(
          true,
        );
        for (const w of splitStrv(input).words) expect(typeof w).toBe('string');
      }),
      { numRuns: 1000 },
    );
  });
});
