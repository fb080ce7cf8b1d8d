import fc from 'fast-check';
import { decisionKey, parseDecisionId } from './decisionId';
import { findDecisionCitations } from './citations';

const ids = (text: string) => findDecisionCitations('f', text).map(c => c.id);

describe('decision id boundaries', () => {
  it.each([
    ['D-097', ['D-097']],
    ['see D-097.', ['D-097']],
    ['(D-097)', ['D-097']],
    ['[D-097]: D-098, D-099;', ['D-097', 'D-098', 'D-099']],
    ['# D-166: title', ['D-166']],
    ['Label=decision=D-165', ['D-165']],
    ['docs/decisions/D-167-digest-pinning.md', ['D-167']],
    ['"D-12"', ['D-12']],
    ['—D-7—', ['D-7']],
    ['#D-97', ['D-97']],
    ['ADR-0012 and ADR-12', ['ADR-0012', 'ADR-12']],
  ])('%s cites %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it.each([
    'ID-0971',
    'UD-Q8_K_XL',
    'gpt-oss-120b-UD-Q8_K_XL',
    'X-D-1',
    'D-1.2',
    'D-12-3',
    'D-1,5',
    'D-12a',
    'D-12_notes',
    'see_D-12',
    'd-097',
    'D-',
    'D-Q8',
    'ADR-12x',
    'KADR-1',
  ])('%s cites nothing', text => {
    expect(ids(text)).toEqual([]);
  });

  it('compares by number: D-97, D-097 and D-0097 share one key', () => {
    expect(
      ['D-97', 'D-097', 'D-0097'].map(t => parseDecisionId(t)?.key),
    ).toEqual(['D-097', 'D-097', 'D-097']);
    expect(parseDecisionId('D-1234')?.key).toBe('D-1234');
    expect(parseDecisionId('ADR-12')).toEqual({
      id: 'ADR-12',
      kind: 'ADR',
      number: 12,
      key: 'ADR-0012',
    });
    expect(parseDecisionId('D-97 x')).toBeNull();
    expect(decisionKey('D', 5)).toBe('D-005');
  });

  it('finds an id wherever it stands between separators', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          ' ',
          '\n',
          '(',
          ')',
          ':',
          ',',
          '/',
          '#',
          '"',
          '`',
          '*',
          '[',
        ),
        fc.constantFrom(
          ' ',
          '\n',
          '(',
          ')',
          ':',
          ',',
          '.',
          '/',
          '"',
          '`',
          '*',
          ']',
          ';',
        ),
        fc.integer({ min: 0, max: 99999 }),
        (before, after, n) => {
          expect(ids(`x${before}D-${n}${after}y`)).toEqual([`D-${n}`]);
        },
      ),
    );
  });
});
