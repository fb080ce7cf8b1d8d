import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  HandoffBox,
  HandoffGuideResponse,
  HandoffReferenceResponse,
} from './guideTypes';

/** The backend's plugin id: its routes live under `/api/quadlet`. */
export const QUADLET_BACKEND_ID = 'quadlet';

/** What the Handoff page and the Reference tab need from the quadlet backend. */
export interface HandoffApi {
  listBoxes(): Promise<HandoffBox[]>;
  getGuide(box: string): Promise<HandoffGuideResponse>;
  /** Rejects with a `HandoffApiError` of status 404 when the guide has no entry for the entity. */
  getReference(
    box: string,
    entityRef: string,
  ): Promise<HandoffReferenceResponse>;
  /** The whole guide as one Markdown page. */
  getMarkdown(box: string): Promise<string>;
  /** Where `getMarkdown` reads from (for a link that shows the address). */
  markdownUrl(box: string): Promise<string>;
}

export const handoffApiRef = createApiRef<HandoffApi>().with({
  id: 'plugin.quadlet.handoff',
  pluginId: 'quadlet',
});

/** A failed request, with the backend's own message (`no box named "x" is configured…`). */
export class HandoffApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
    this.name = 'HandoffApiError';
  }
}

/** The parts of Backstage's `DiscoveryApi` and `FetchApi` the client uses. */
export interface HandoffClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

const enc = encodeURIComponent;

/** Fetches the guide from `/api/quadlet` with the signed-in user's token (`fetchApi`). */
export class HandoffClient implements HandoffApi {
  constructor(private readonly options: HandoffClientOptions) {}

  listBoxes(): Promise<HandoffBox[]> {
    return this.get('/boxes').then(r => r.json());
  }

  getGuide(box: string): Promise<HandoffGuideResponse> {
    return this.get(`/boxes/${enc(box)}/handoff`).then(r => r.json());
  }

  getReference(
    box: string,
    entityRef: string,
  ): Promise<HandoffReferenceResponse> {
    return this.get(
      `/boxes/${enc(box)}/reference?entityRef=${enc(entityRef)}`,
    ).then(r => r.json());
  }

  getMarkdown(box: string): Promise<string> {
    return this.get(`/boxes/${enc(box)}/handoff.md`).then(r => r.text());
  }

  async markdownUrl(box: string): Promise<string> {
    return `${await this.baseUrl()}/boxes/${enc(box)}/handoff.md`;
  }

  private baseUrl(): Promise<string> {
    return this.options.discoveryApi.getBaseUrl(QUADLET_BACKEND_ID);
  }

  private async get(path: string): Promise<Response> {
    const response = await this.options.fetchApi.fetch(
      `${await this.baseUrl()}${path}`,
    );
    if (!response.ok) throw await errorOf(response);
    return response;
  }
}

/** The message of Backstage's error body (`{ error: { message } }`), else the status line. */
async function errorOf(response: Response): Promise<HandoffApiError> {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body = await response.json();
    if (typeof body?.error?.message === 'string') message = body.error.message;
  } catch {
    // Not JSON (a proxy's error page): keep the status line.
  }
  return new HandoffApiError(message, response.status);
}
