import { waiverExpired } from './waiverExpiry';

describe('waiverExpired', () => {
  it('keeps a waiver through its expiry day in UTC, and ends it at the next midnight', () => {
    expect(
      waiverExpired(
        { expires: '2026-03-31' },
        new Date('2026-03-31T00:00:00Z'),
      ),
    ).toBe(false);
    expect(
      waiverExpired(
        { expires: '2026-03-31' },
        new Date('2026-03-31T23:59:59.999Z'),
      ),
    ).toBe(false);
    expect(
      waiverExpired(
        { expires: '2026-03-31' },
        new Date('2026-04-01T00:00:00Z'),
      ),
    ).toBe(true);
  });

  it('treats an unreadable date as expired (it cannot be shown to still apply)', () => {
    expect(
      waiverExpired({ expires: 'someday' }, new Date('2020-01-01T00:00:00Z')),
    ).toBe(true);
  });
});
