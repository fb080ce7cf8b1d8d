import type { Waiver } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A waiver applies through its `expires` day (UTC) and stops at the next midnight UTC. */
export function waiverExpired(
  waiver: Pick<Waiver, 'expires'>,
  now: Date,
): boolean {
  const lastDay = Date.parse(`${waiver.expires}T00:00:00Z`);
  if (Number.isNaN(lastDay)) return true;
  return now.getTime() >= lastDay + DAY_MS;
}
