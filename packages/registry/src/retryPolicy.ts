/** 429 and server errors are worth another try; 501/505 say the server never will. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/**
 * `Retry-After` in milliseconds: delta-seconds or an HTTP date. Undefined when absent or
 * unreadable, so the caller falls back to its own backoff.
 */
export function retryAfterMs(
  header: string | null | undefined,
  now: number,
): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Exponential backoff with full jitter (a random delay between 0 and base·2^attempt, capped):
 * many clients retrying a busy registry spread out instead of arriving together.
 */
export function backoffMs(
  attempt: number,
  random: () => number,
  baseMs: number,
  capMs: number,
): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt);
  return Math.floor(random() * ceiling);
}
