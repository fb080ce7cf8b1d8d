import { isGoSpace, trimGoSpace } from './whitespace';

describe('Go whitespace', () => {
  it('matches unicode.IsSpace, not JavaScript trim()', () => {
    expect(isGoSpace(0x85)).toBe(true);
    expect(isGoSpace(0xfeff)).toBe(false);
    expect(isGoSpace(0x200b)).toBe(false);
    expect(trimGoSpace('\u0085 a\u3000')).toBe('a');
    expect(trimGoSpace('\ufeffa')).toBe('\ufeffa');
  });
});
