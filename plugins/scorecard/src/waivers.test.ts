import { waiverState } from './waivers';

const waiver = {
  reason: 'slow upstream cadence',
  decision: 'D-167',
  expires: '2026-03-31',
  expired: false,
};

describe('waiverState', () => {
  it('applies through the expiry day (UTC) and counts the days left', () => {
    expect(waiverState(waiver, new Date('2026-03-29T12:00:00Z'))).toEqual({
      expired: false,
      lapsedSinceRun: false,
      daysLeft: 2,
    });
    expect(waiverState(waiver, new Date('2026-03-31T23:59:59Z'))).toMatchObject(
      {
        expired: false,
        daysLeft: 0,
      },
    );
  });

  it('is lapsed from the next midnight UTC when the run still applied it', () => {
    expect(waiverState(waiver, new Date('2026-04-01T00:00:00Z'))).toMatchObject(
      {
        expired: true,
        lapsedSinceRun: true,
      },
    );
  });

  it('is expired when the run said so, whatever the clock', () => {
    expect(
      waiverState(
        { ...waiver, expired: true },
        new Date('2026-01-01T00:00:00Z'),
      ),
    ).toMatchObject({ expired: true, lapsedSinceRun: false });
  });
});
