import { useApi } from '@backstage/core-plugin-api';
import type {
  ScorecardBoxSummary,
  ScorecardCheckInfo,
  ScorecardHistoryPoint,
  ScorecardRun,
} from '@quadlet-portal/plugin-scorecard-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { scorecardApiRef } from '../api';

/** One box on the overview: its summary, latest successful run and trend. */
export interface BoxOverview {
  summary: ScorecardBoxSummary;
  latest?: ScorecardRun;
  history: ScorecardHistoryPoint[];
}

export interface OverviewData {
  /** Every configured box (for the box picker), even when one is shown. */
  boxes: ScorecardBoxSummary[];
  checks: ScorecardCheckInfo[];
  /** The boxes shown: all, or the one of the URL. */
  shown: BoxOverview[];
}

/** How many runs the trend shows: a year of weekly runs. */
export const TREND_RUNS = 52;

/**
 * Loads what the overview shows. `retry` reloads it; the previous data stays on screen meanwhile
 * (react-use keeps `value` while loading), so a reload after "Run now" does not blank the page.
 */
export function useOverviewData(box: string | undefined) {
  const api = useApi(scorecardApiRef);
  return useAsyncRetry(async (): Promise<OverviewData> => {
    const [boxes, checks] = await Promise.all([
      api.listBoxes(),
      api.listChecks(),
    ]);
    const summaries = box ? boxes.filter(b => b.box === box) : boxes;
    const shown = await Promise.all(
      summaries.map(async summary => {
        const [latest, history] = await Promise.all([
          summary.latest ? api.getLatestRun(summary.box) : undefined,
          summary.latest
            ? api.getHistory(summary.box, { limit: TREND_RUNS })
            : Promise.resolve([]),
        ]);
        return { summary, latest, history };
      }),
    );
    return { boxes, checks, shown };
  }, [api, box]);
}
