import { backoffMs, isRetryableStatus, retryAfterMs } from './retryPolicy';

describe('retry policy', () => {
  it('retries rate limits and server errors only', () => {
    expect([429, 500, 502, 503, 504].map(isRetryableStatus)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([200, 401, 403, 404, 501, 505].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(null, now)).toBeUndefined();
  });

  it('doubles the backoff ceiling per attempt up to the cap, jittered below it', () => {
    const top = () => 0.999999;
    expect([0, 1, 2, 3, 4, 5].map(a => backoffMs(a, top, 500, 8000))).toEqual([
      499, 999, 1999, 3999, 7999, 7999,
    ]);
    expect(backoffMs(3, () => 0, 500, 8000)).toBe(0);
  });
});
