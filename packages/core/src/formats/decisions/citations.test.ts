import { findDecisionCitations, looksBinary } from './citations';

describe('findDecisionCitations', () => {
  it('gives every citation its line, CRLF included', () => {
    const found = findDecisionCitations(
      'unit.container',
      'a D-1\r\nb\r\nD-2 and D-3\nD-2',
    );
    expect(found.map(c => [c.id, c.line, c.key])).toEqual([
      ['D-1', 1, 'D-001'],
      ['D-2', 3, 'D-002'],
      ['D-3', 3, 'D-003'],
      ['D-2', 4, 'D-002'],
    ]);
    expect(found[0]).toMatchObject({
      file: 'unit.container',
      commit: null,
      kind: 'D',
      number: 1,
    });
  });

  it('tells binary content', () => {
    expect(looksBinary(Buffer.from([0x89, 0x50, 0x00, 0x01]))).toBe(true);
    expect(looksBinary(Buffer.from('D-097\n'))).toBe(false);
  });
});
