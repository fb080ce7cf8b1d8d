import { ResponseError } from '@backstage/errors';
import type {
  ScorecardBoxSummary,
  ScorecardCheckHistoryPoint,
  ScorecardCheckInfo,
  ScorecardDiff,
  ScorecardEntityResults,
  ScorecardExportFormat,
  ScorecardHistoryPoint,
  ScorecardRun,
  ScorecardRunStarted,
  ScorecardRunSummary,
  ScorecardStatus,
} from './types';

/** The backend's plugin id: its routes live under `/api/scorecard`. */
export const SCORECARD_PLUGIN_ID = 'scorecard';

/** The part of Backstage's `DiscoveryApi` the client uses. */
export interface ScorecardDiscovery {
  getBaseUrl(pluginId: string): Promise<string>;
}

/** The part of Backstage's `FetchApi` the client uses (it adds the user's token). */
export interface ScorecardFetch {
  fetch: typeof fetch;
}

/** What the scorecard pages need from the backend (docs/scorecard.md#api). */
export interface ScorecardApi {
  listChecks(): Promise<ScorecardCheckInfo[]>;
  listBoxes(): Promise<ScorecardBoxSummary[]>;
  /** The box's latest successful run with every result; undefined when it has none yet. */
  getLatestRun(box: string): Promise<ScorecardRun | undefined>;
  getRun(id: number): Promise<ScorecardRun>;
  /** Newest first. */
  listRuns(
    box: string,
    options?: { limit?: number },
  ): Promise<ScorecardRunSummary[]>;
  /** Successful runs, oldest first: the box score and each check's score. */
  getHistory(
    box: string,
    options?: { limit?: number },
  ): Promise<ScorecardHistoryPoint[]>;
  getCheckHistory(
    box: string,
    checkId: string,
    options?: { limit?: number },
  ): Promise<ScorecardCheckHistoryPoint[]>;
  /** New / resolved / still failing between `from` (default: the previous successful run) and `to`. */
  getDiff(to: number, from?: number): Promise<ScorecardDiff>;
  /** Results about one entity in its box's latest run; undefined when there are none. */
  getEntityResults(
    entityRef: string,
  ): Promise<ScorecardEntityResults | undefined>;
  /** Starts a run of the box (needs `quadlet-portal.scorecard.run`). */
  startRun(box: string): Promise<ScorecardRunStarted>;
  /** The current findings as CSV or Markdown text (default statuses: fail, unknown, waived). */
  exportFindings(
    box: string,
    format: ScorecardExportFormat,
    options?: { statuses?: ScorecardStatus[] },
  ): Promise<string>;
}

/** Typed fetch client of the scorecard backend, for the frontend (or scripts with a token). */
export class ScorecardClient implements ScorecardApi {
  private readonly discoveryApi: ScorecardDiscovery;
  private readonly fetchApi: ScorecardFetch;

  constructor(options: {
    discoveryApi: ScorecardDiscovery;
    fetchApi: ScorecardFetch;
  }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  listChecks(): Promise<ScorecardCheckInfo[]> {
    return this.json('/checks');
  }

  listBoxes(): Promise<ScorecardBoxSummary[]> {
    return this.json('/boxes');
  }

  getLatestRun(box: string): Promise<ScorecardRun | undefined> {
    return this.json(`/boxes/${enc(box)}/latest`, { notFound: undefined });
  }

  getRun(id: number): Promise<ScorecardRun> {
    return this.json(`/runs/${id}`);
  }

  listRuns(
    box: string,
    options: { limit?: number } = {},
  ): Promise<ScorecardRunSummary[]> {
    return this.json(
      `/boxes/${enc(box)}/runs${query({ limit: options.limit })}`,
    );
  }

  getHistory(
    box: string,
    options: { limit?: number } = {},
  ): Promise<ScorecardHistoryPoint[]> {
    return this.json(
      `/boxes/${enc(box)}/history${query({ limit: options.limit })}`,
    );
  }

  getCheckHistory(
    box: string,
    checkId: string,
    options: { limit?: number } = {},
  ): Promise<ScorecardCheckHistoryPoint[]> {
    return this.json(
      `/boxes/${enc(box)}/checks/${enc(checkId)}/history${query({
        limit: options.limit,
      })}`,
    );
  }

  getDiff(to: number, from?: number): Promise<ScorecardDiff> {
    return this.json(`/runs/${to}/diff${query({ from })}`);
  }

  getEntityResults(
    entityRef: string,
  ): Promise<ScorecardEntityResults | undefined> {
    return this.json(`/entity${query({ ref: entityRef })}`, {
      notFound: undefined,
    });
  }

  startRun(box: string): Promise<ScorecardRunStarted> {
    return this.json('/runs', {
      init: {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ box }),
      },
    });
  }

  async exportFindings(
    box: string,
    format: ScorecardExportFormat,
    options: { statuses?: ScorecardStatus[] } = {},
  ): Promise<string> {
    const response = await this.request(
      `/boxes/${enc(box)}/findings.${format}${query({
        status: options.statuses?.join(','),
      })}`,
    );
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return response.text();
  }

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const base = await this.discoveryApi.getBaseUrl(SCORECARD_PLUGIN_ID);
    return this.fetchApi.fetch(`${base}${path}`, init);
  }

  private async json<T, N = never>(
    path: string,
    options: { init?: RequestInit; notFound?: N } = {},
  ): Promise<T | N> {
    const response = await this.request(path, options.init);
    if (response.status === 404 && 'notFound' in options)
      return options.notFound as N;
    if (!response.ok) throw await ResponseError.fromResponse(response);
    return (await response.json()) as T;
  }
}

function enc(part: string): string {
  return encodeURIComponent(part);
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
