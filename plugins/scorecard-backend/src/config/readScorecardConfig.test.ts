import { ConfigReader } from '@backstage/config';
import {
  DEFAULT_SCORECARD_SCHEDULE,
  readScorecardConfig,
} from './readScorecardConfig';

const read = (quadletPortal: object) =>
  readScorecardConfig(new ConfigReader({ quadletPortal }));

describe('readScorecardConfig', () => {
  it('defaults to a weekly global run that keeps 52 runs', () => {
    const config = read({});
    expect(config.schedule).toEqual(DEFAULT_SCORECARD_SCHEDULE);
    expect(config.schedule).toEqual({
      frequency: { cron: '0 6 * * 1' },
      timeout: { hours: 1 },
      scope: 'global',
    });
    expect(config.retention).toEqual({ runs: 52 });
    expect(config.online).toEqual({
      images: true,
      githubIssues: true,
      githubTimeoutMs: 30000,
    });
    expect(config.pagePath).toBe('/scorecard');
  });

  it('reads a cron or a frequency, global unless told otherwise', () => {
    expect(
      read({
        scorecard: {
          schedule: {
            frequency: { cron: '0 3 * * *' },
            timeout: { minutes: 20 },
          },
        },
      }).schedule,
    ).toMatchObject({
      frequency: { cron: '0 3 * * *' },
      timeout: { minutes: 20 },
      scope: 'global',
    });
    expect(
      read({
        scorecard: {
          schedule: {
            frequency: { days: 1 },
            timeout: 'PT30M',
            scope: 'local',
          },
        },
      }).schedule,
    ).toMatchObject({ frequency: { days: 1 }, scope: 'local' });
  });

  it('reads retention by runs, days or both', () => {
    expect(read({ scorecard: { retention: { days: 365 } } }).retention).toEqual(
      { days: 365 },
    );
    expect(
      read({ scorecard: { retention: { runs: 10, days: 90 } } }).retention,
    ).toEqual({
      runs: 10,
      days: 90,
    });
  });

  it('reads the registry options, secrets included', () => {
    expect(
      read({
        registry: {
          requestTimeoutMs: 5000,
          insecure: ['registry.lan:5000'],
          credentials: [{ registry: 'ghcr.io', username: 'u', password: 'p' }],
        },
      }).registry,
    ).toEqual({
      requestTimeoutMs: 5000,
      deadlineMs: undefined,
      maxAttempts: undefined,
      insecure: ['registry.lan:5000'],
      credentials: [{ registry: 'ghcr.io', username: 'u', password: 'p' }],
    });
  });

  it.each([
    [
      { scorecard: { retention: { runs: 0 } } },
      'quadletPortal.scorecard.retention.runs: must be a whole number of at least 1, got 0',
    ],
    [
      { scorecard: { retention: { days: 1.5 } } },
      'quadletPortal.scorecard.retention.days',
    ],
    [
      { scorecard: { schedule: { frequency: { cron: '0 6 * * 1' } } } },
      /quadletPortal\.scorecard\.schedule: .*timeout/,
    ],
  ])('names the key of a bad value: %j', (config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
