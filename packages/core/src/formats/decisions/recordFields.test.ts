import { readRecordFields } from './recordFields';

describe('readRecordFields', () => {
  it.each([
    [['Status: Accepted'], 'Accepted'],
    [['**Status:** Accepted'], 'Accepted'],
    [['- **Status**: Superseded by D-170.'], 'Superseded by D-170'],
    [['| Status | Proposed |'], 'Proposed'],
    [['## Status', '', 'Accepted', ''], 'Accepted'],
    [['No status here'], null],
  ])('%j gives status %s', (lines, status) => {
    expect(readRecordFields(lines).status).toBe(status);
  });

  it('reads dates, preferring the ISO date inside the value', () => {
    expect(readRecordFields(['Date: 2026-03-02 (after review)']).date).toBe(
      '2026-03-02',
    );
    expect(readRecordFields(['Decided: spring 2026']).date).toBe('spring 2026');
  });
});
