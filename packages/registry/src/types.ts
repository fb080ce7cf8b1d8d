/**
 * Answers of the registry client. `unknown` means the registry could not say (unreachable,
 * auth refused, timeout, rate limited past the deadline): callers turn it into an unknown
 * check result, never into a pass.
 */
export type DigestResult =
  | {
      status: 'ok';
      /** `sha256:…` of the manifest or index the reference points at now. */
      digest: string;
      /** Media type the registry served (an index for multi-arch images), when it said. */
      mediaType?: string;
    }
  | { status: 'not-found' }
  | { status: 'unknown'; reason: string };

export type TagListResult =
  | { status: 'ok'; tags: string[] }
  | { status: 'not-found' }
  | { status: 'unknown'; reason: string };

export type NewestTagResult =
  | { status: 'ok'; tag: string }
  /** The repository is missing, or no version tag matches (`reason` says which). */
  | { status: 'not-found'; reason: string }
  | { status: 'unknown'; reason: string };

/** Credentials for one registry. Only ever sent to that registry or the token realm it names. */
export interface RegistryCredential {
  /** As references name it: `ghcr.io`, `docker.io`, `registry.example:5000`. */
  registry: string;
  username: string;
  /** A password or access token; never logged, never part of a result. */
  password: string;
}

/** One HTTP exchange, reported to `onRequest` (for logs and tests; no headers, no secrets). */
export interface RegistryRequestEvent {
  method: string;
  url: string;
  /** Response status, when one arrived. */
  status?: number;
  /** Why no response arrived (timeout, connection refused…). */
  error?: string;
  /** 0 for the first try of a request, 1 for the first retry… */
  attempt: number;
}

export interface RegistryClientOptions {
  credentials?: readonly RegistryCredential[];
  /** Registries (`host:port`, or a host for any port) spoken to over plain HTTP although not on loopback. */
  insecure?: readonly string[];
  /** Limit for one HTTP exchange, body included. Default 10 s. */
  requestTimeoutMs?: number;
  /** Limit for everything the client does, counted from its creation. Default 60 s. */
  deadlineMs?: number;
  /** Tries per request, the first included, for 429, 5xx, timeouts and network errors. Default 4. */
  maxAttempts?: number;
  /** First backoff step; doubled per retry, with full jitter. Default 500 ms. */
  backoffBaseMs?: number;
  /** Longest backoff step. Default 8 s. */
  backoffCapMs?: number;
  /** Tags asked for per page (`n`). Default 1000. */
  tagPageSize?: number;
  /** Pages followed before giving up. Default 100. */
  maxTagPages?: number;
  /** HTTP exchanges in flight at once. Default 4. */
  concurrency?: number;
  userAgent?: string;
  /** Aborts everything (a cancelled task, a shutting-down backend). */
  signal?: AbortSignal;
  onRequest?: (event: RegistryRequestEvent) => void;
  /** Seams for tests: the fetch implementation, the clock, the sleep and the jitter source. */
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
}
