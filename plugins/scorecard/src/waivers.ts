import type { ScorecardFinding } from '@quadlet-portal/plugin-scorecard-common';

type Waiver = NonNullable<ScorecardFinding['waiver']>;

/** How a waiver stands for the reader: applied, or past its expiry day. */
export interface WaiverState {
  expired: boolean;
  /**
   * Expired since the run judged it (the run said "applies", today is past its last day):
   * the next run will fail the finding again.
   */
  lapsedSinceRun: boolean;
  /** Whole days left through the expiry day (UTC); negative once expired. */
  daysLeft: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A waiver applies through its `expires` day (UTC) and stops at the next midnight UTC, as the
 * checks judge it (docs/checks.md#waivers). `now` is injected so tests do not read the clock.
 */
export function waiverState(waiver: Waiver, now: Date): WaiverState {
  const end = Date.parse(`${waiver.expires}T00:00:00Z`) + DAY_MS;
  const valid = Number.isFinite(end);
  const pastEnd = valid && now.getTime() >= end;
  const daysLeft = valid ? Math.ceil((end - now.getTime()) / DAY_MS) - 1 : 0;
  return {
    expired: waiver.expired || pastEnd,
    lapsedSinceRun: !waiver.expired && pastEnd,
    daysLeft,
  };
}
