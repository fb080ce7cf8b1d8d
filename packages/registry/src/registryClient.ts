import {
  newerVersionTag,
  newestVersionTag,
  parseImageReference,
  type ImageReference,
} from '@quadlet-portal/core';
import { Authenticator } from './authenticator';
import { digestLike, sha256Digest, validDigest } from './digest';
import {
  defaultSleep,
  fetchWithRetry,
  type HttpContext,
  type HttpRequest,
} from './fetchWithRetry';
import { Limiter } from './limiter';
import { nextLink } from './linkHeader';
import { MANIFEST_ACCEPT } from './mediaTypes';
import { readLimited } from './readLimited';
import { registryEndpoint, type RegistryEndpoint } from './registryEndpoint';
import type {
  DigestResult,
  NewestTagResult,
  RegistryClientOptions,
  TagListResult,
} from './types';

/** distribution refuses manifests over 4 MiB; a tag page of 1000 names fits easily in 8. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_TAG_PAGE_BYTES = 8 * 1024 * 1024;

type Failure = { status: 'unknown'; reason: string };
type Exchange =
  | { ok: true; response: Response }
  | { ok: false; failure: Failure };

function unknown(reason: string): Failure {
  return { status: 'unknown', reason };
}

function referenceOf(value: ImageReference | string): ImageReference | Failure {
  if (typeof value !== 'string') return value;
  const parsed = parseImageReference(value);
  return parsed.ok
    ? parsed.reference
    : unknown(`not an image reference: ${parsed.error}`);
}

function isFailure(value: ImageReference | Failure): value is Failure {
  return (value as Failure).status === 'unknown';
}

/** Percent-encodes each path component; references are already restricted to safe characters. */
function repositoryPath(repository: string): string {
  return repository.split('/').map(encodeURIComponent).join('/');
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/**
 * A client for the OCI distribution API (registry API v2), read-only: manifest digests and
 * tag lists, with docker's token flow, retries and deadlines. One client is one run: it
 * answers each distinct reference once (concurrent callers share the answer) and caches
 * tokens per registry and scope.
 *
 * `resolveDigest` and `listTags` are bound, so they can be handed to the core's bump planner
 * as they are.
 */
export class RegistryClient {
  private readonly http: HttpContext;
  private readonly auth: Authenticator;
  private readonly insecure: readonly string[];
  private readonly tagPageSize: number;
  private readonly maxTagPages: number;
  private readonly digests = new Map<string, Promise<DigestResult>>();
  private readonly tagLists = new Map<string, Promise<TagListResult>>();

  constructor(options: RegistryClientOptions = {}) {
    const now = options.now ?? Date.now;
    const deadlineMs = options.deadlineMs ?? 60_000;
    this.http = {
      fetch: options.fetch ?? globalThis.fetch,
      now,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
      limiter: new Limiter(Math.max(1, options.concurrency ?? 4)),
      signal: options.signal,
      onRequest: options.onRequest,
      userAgent: options.userAgent ?? 'quadlet-portal-registry-client',
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      deadlineAt: now() + deadlineMs,
      deadlineMs,
      maxAttempts: Math.max(1, options.maxAttempts ?? 4),
      backoffBaseMs: options.backoffBaseMs ?? 500,
      backoffCapMs: options.backoffCapMs ?? 8_000,
    };
    this.insecure = options.insecure ?? [];
    this.auth = new Authenticator(
      this.http,
      options.credentials ?? [],
      this.insecure,
    );
    this.tagPageSize = Math.max(1, options.tagPageSize ?? 1000);
    this.maxTagPages = Math.max(1, options.maxTagPages ?? 100);
  }

  /**
   * The digest a reference's tag points at now (`:latest` when it has no tag; a reference
   * with only a digest is checked for existence). For a multi-arch image this is the
   * index's digest, which is what `Image=name@sha256:…` should pin.
   */
  readonly resolveDigest = (
    value: ImageReference | string,
  ): Promise<DigestResult> => {
    const reference = referenceOf(value);
    if (isFailure(reference)) return Promise.resolve(reference);
    const target = reference.tag ?? reference.digest ?? 'latest';
    const key = `${reference.name}${target.includes(':') ? '@' : ':'}${target}`;
    let answer = this.digests.get(key);
    if (!answer) {
      answer = this.lookupDigest(reference, target).catch(error =>
        unknown(String(error)),
      );
      this.digests.set(key, answer);
    }
    return answer;
  };

  /** Every tag of the reference's repository, in lexical order, following the registry's pagination. */
  readonly listTags = (
    value: ImageReference | string,
  ): Promise<TagListResult> => {
    const reference = referenceOf(value);
    if (isFailure(reference)) return Promise.resolve(reference);
    let answer = this.tagLists.get(reference.name);
    if (!answer) {
      answer = this.lookupTags(reference).catch(error =>
        unknown(String(error)),
      );
      this.tagLists.set(reference.name, answer);
    }
    return answer;
  };

  /**
   * The newest version tag of the repository matching `pattern` (a regular expression), or,
   * without a pattern, the newest tag shaped like the reference's own (`2-alpine` → `3-alpine`;
   * the reference's tag itself when nothing is newer). Ordering is the core's version ordering.
   */
  readonly newestTag = async (
    value: ImageReference | string,
    pattern?: RegExp | string,
  ): Promise<NewestTagResult> => {
    const reference = referenceOf(value);
    if (isFailure(reference)) return reference;
    let filter: RegExp | undefined;
    try {
      filter = typeof pattern === 'string' ? new RegExp(pattern) : pattern;
    } catch (error) {
      return unknown(`not a regular expression: ${(error as Error).message}`);
    }
    const listing = await this.listTags(reference);
    if (listing.status === 'unknown') return listing;
    if (listing.status === 'not-found') {
      return {
        status: 'not-found',
        reason: `the registry has no repository ${reference.name}`,
      };
    }
    if (filter) {
      const tag = newestVersionTag(listing.tags, filter);
      return tag
        ? { status: 'ok', tag }
        : {
            status: 'not-found',
            reason: `no version tag of ${reference.name} matches /${filter.source}/`,
          };
    }
    if (reference.tag === undefined) {
      return {
        status: 'not-found',
        reason: `${reference.text} has no tag to compare with; give a pattern`,
      };
    }
    const newer = newerVersionTag(reference.tag, listing.tags);
    if (newer) return { status: 'ok', tag: newer };
    return listing.tags.includes(reference.tag)
      ? { status: 'ok', tag: reference.tag }
      : {
          status: 'not-found',
          reason: `${reference.name} has no tag ${reference.tag} nor a newer one of its shape`,
        };
  };

  /** A GET or HEAD under the registry's `/v2/`, authorised for `repository`, retried as needed. */
  private async exchange(
    endpoint: RegistryEndpoint,
    repository: string,
    request: HttpRequest,
  ): Promise<Exchange> {
    const scope = `repository:${repository}:pull`;
    let auth = await this.auth.authorization(endpoint, scope);
    let challenged = false;
    for (;;) {
      if (!auth.ok) return { ok: false, failure: unknown(auth.reason) };
      const headers = {
        ...request.headers,
        ...(auth.header ? { Authorization: auth.header } : {}),
      };
      const result = await fetchWithRetry(this.http, { ...request, headers });
      if (!result.ok) {
        return {
          ok: false,
          failure: unknown(`${endpoint.registry}: ${result.reason}`),
        };
      }
      const { response } = result;
      if (response.status !== 401) return { ok: true, response };
      await discard(response);
      if (challenged) {
        return {
          ok: false,
          failure: unknown(
            `${endpoint.registry} refused access to ${repository} (401 after authenticating)`,
          ),
        };
      }
      challenged = true;
      auth = await this.auth.challenged(
        endpoint,
        response.headers.get('www-authenticate'),
        scope,
        auth.header,
      );
    }
  }

  private failureForStatus(response: Response, what: string): Failure {
    if (response.status === 403)
      return unknown(`access to ${what} is denied (403)`);
    return unknown(`the registry answered HTTP ${response.status} for ${what}`);
  }

  private async lookupDigest(
    reference: ImageReference,
    target: string,
  ): Promise<DigestResult> {
    const endpoint = registryEndpoint(reference.registry, this.insecure);
    const url = `${endpoint.baseUrl}/v2/${repositoryPath(
      reference.repository,
    )}/manifests/${encodeURIComponent(target)}`;
    const what = `${reference.name}${
      target.includes(':') ? '@' : ':'
    }${target}`;
    const headers = { Accept: MANIFEST_ACCEPT };

    const head = await this.exchange(endpoint, reference.repository, {
      method: 'HEAD',
      url,
      headers,
    });
    if (!head.ok) return head.failure;
    const headResponse = head.response;
    await discard(headResponse);
    if (headResponse.status === 404) return { status: 'not-found' };
    if (headResponse.ok) {
      const digest = validDigest(
        headResponse.headers.get('docker-content-digest'),
      );
      if (digest) return withMediaType({ status: 'ok', digest }, headResponse);
    } else if (headResponse.status !== 405) {
      // 405: the registry does not allow HEAD on manifests; GET below says what it has.
      return this.failureForStatus(headResponse, what);
    }

    // No usable Docker-Content-Digest: fetch the manifest and hash its exact bytes.
    const get = await this.exchange(endpoint, reference.repository, {
      method: 'GET',
      url,
      headers,
    });
    if (!get.ok) return get.failure;
    const response = get.response;
    if (response.status === 404) {
      await discard(response);
      return { status: 'not-found' };
    }
    if (!response.ok) {
      await discard(response);
      return this.failureForStatus(response, what);
    }
    const body = await readLimited(response, MAX_MANIFEST_BYTES).catch(
      (error: Error) => ({ ok: false as const, reason: error.message }),
    );
    if (!body.ok)
      return unknown(`reading the manifest of ${what} failed: ${body.reason}`);
    const stated = validDigest(response.headers.get('docker-content-digest'));
    if (stated && digestLike(stated, body.bytes) !== stated) {
      return unknown(
        `the manifest of ${what} does not match the digest the registry states`,
      );
    }
    if (target.includes(':') && digestLike(target, body.bytes) !== target) {
      return unknown(
        `the registry served a manifest for ${what} whose bytes have another digest`,
      );
    }
    return withMediaType(
      { status: 'ok', digest: stated ?? sha256Digest(body.bytes) },
      response,
    );
  }

  private async lookupTags(reference: ImageReference): Promise<TagListResult> {
    const endpoint = registryEndpoint(reference.registry, this.insecure);
    const first = `${endpoint.baseUrl}/v2/${repositoryPath(
      reference.repository,
    )}/tags/list`;
    const origin = new URL(first).origin;
    const tags: string[] = [];
    const seen = new Set<string>();
    let url: string | undefined = `${first}?n=${this.tagPageSize}`;
    for (let page = 0; url; page++) {
      if (page >= this.maxTagPages) {
        return unknown(
          `${reference.name} has more than ${this.maxTagPages} pages of tags`,
        );
      }
      const result = await this.exchange(endpoint, reference.repository, {
        method: 'GET',
        url,
        headers: { Accept: 'application/json' },
      });
      if (!result.ok) return result.failure;
      const response = result.response;
      if (response.status === 404) {
        await discard(response);
        return page === 0
          ? { status: 'not-found' }
          : unknown(
              `page ${page + 1} of the tags of ${reference.name} vanished`,
            );
      }
      if (!response.ok) {
        await discard(response);
        return this.failureForStatus(response, `the tags of ${reference.name}`);
      }
      const body = await readLimited(response, MAX_TAG_PAGE_BYTES).catch(
        (error: Error) => ({ ok: false as const, reason: error.message }),
      );
      if (!body.ok)
        return unknown(
          `reading the tags of ${reference.name} failed: ${body.reason}`,
        );
      let pageTags: unknown;
      try {
        pageTags = JSON.parse(Buffer.from(body.bytes).toString('utf8'))?.tags;
      } catch {
        return unknown(`the tag list of ${reference.name} is not JSON`);
      }
      if (
        pageTags !== null &&
        pageTags !== undefined &&
        !Array.isArray(pageTags)
      ) {
        return unknown(`the tag list of ${reference.name} has no tags array`);
      }
      let added = 0;
      for (const tag of (pageTags ?? []) as unknown[]) {
        if (typeof tag === 'string' && !seen.has(tag)) {
          seen.add(tag);
          tags.push(tag);
          added++;
        }
      }
      const next = nextLink(response.headers.get('link'), url);
      if (next) {
        // A token is only ever sent to the registry it was issued for.
        if (new URL(next).origin !== origin) {
          return unknown(
            `the registry's next page of tags points at another host (${
              new URL(next).host
            })`,
          );
        }
        url = next;
      } else if (added > 0 && added >= this.tagPageSize) {
        // No Link header but a full page: ask for what follows the last tag (`last`).
        url = `${first}?n=${this.tagPageSize}&last=${encodeURIComponent(
          tags[tags.length - 1],
        )}`;
      } else {
        url = undefined;
      }
    }
    // The spec says lexical order; some registries (distribution 2.8) answer in storage order.
    return { status: 'ok', tags: tags.sort() };
  }
}

function withMediaType(
  result: { status: 'ok'; digest: string },
  response: Response,
): DigestResult {
  const mediaType = response.headers.get('content-type')?.split(';')[0].trim();
  return mediaType ? { ...result, mediaType } : result;
}

export function createRegistryClient(
  options?: RegistryClientOptions,
): RegistryClient {
  return new RegistryClient(options);
}
