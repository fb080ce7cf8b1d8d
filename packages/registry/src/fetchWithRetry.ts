import type { Limiter } from './limiter';
import { backoffMs, isRetryableStatus, retryAfterMs } from './retryPolicy';
import type { RegistryRequestEvent } from './types';

/** Everything one client's HTTP exchanges share: limits, clock, seams. */
export interface HttpContext {
  fetch: typeof fetch;
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
  limiter: Limiter;
  signal?: AbortSignal;
  onRequest?: (event: RegistryRequestEvent) => void;
  userAgent: string;
  requestTimeoutMs: number;
  /** Epoch ms after which nothing more is sent. */
  deadlineAt: number;
  deadlineMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export type HttpResult =
  | { ok: true; response: Response }
  | { ok: false; reason: string };

export interface HttpRequest {
  method: 'GET' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal?.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** A short, secret-free description of why fetch failed (`connection refused`, `ECONNRESET`). */
function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })
    ?.cause;
  const code = cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return 'host name not found';
  if (code) return code;
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function deadlineReason(ctx: HttpContext): string {
  return `the overall deadline of ${ctx.deadlineMs} ms ran out`;
}

/**
 * One HTTP exchange with timeouts and retries: each try is bounded by the request timeout
 * and by what is left of the overall deadline; 429, 5xx, timeouts and network errors are
 * retried with exponential backoff and jitter, honouring `Retry-After`. The response of the
 * last try is returned whatever its status; `ok: false` means no usable response arrived.
 * Response bodies of retried tries are discarded, so connections go back to the pool.
 */
export async function fetchWithRetry(
  ctx: HttpContext,
  request: HttpRequest,
): Promise<HttpResult> {
  let lastProblem = 'no attempt was made';
  for (let attempt = 0; attempt < ctx.maxAttempts; attempt++) {
    if (ctx.signal?.aborted)
      return { ok: false, reason: 'the lookup was cancelled' };
    if (ctx.now() >= ctx.deadlineAt) {
      return {
        ok: false,
        reason:
          attempt === 0
            ? deadlineReason(ctx)
            : `${lastProblem}; then ${deadlineReason(ctx)}`,
      };
    }
    let limitedByDeadline = false;
    let timeout: AbortSignal | undefined;
    let response: Response | undefined;
    let retryDelay: number | undefined;
    try {
      // The clock starts once a slot is free: waiting behind other lookups is not a timeout.
      response = await ctx.limiter.run(() => {
        const remaining = ctx.deadlineAt - ctx.now();
        limitedByDeadline = remaining < ctx.requestTimeoutMs;
        timeout = AbortSignal.timeout(
          Math.max(0, Math.min(remaining, ctx.requestTimeoutMs)),
        );
        return ctx.fetch(request.url, {
          method: request.method,
          headers: { 'User-Agent': ctx.userAgent, ...request.headers },
          redirect: 'follow',
          signal: ctx.signal ? AbortSignal.any([timeout, ctx.signal]) : timeout,
        });
      });
    } catch (error) {
      if (ctx.signal?.aborted)
        return { ok: false, reason: 'the lookup was cancelled' };
      if (timeout?.aborted) {
        if (limitedByDeadline)
          return { ok: false, reason: deadlineReason(ctx) };
        lastProblem = `no answer within ${ctx.requestTimeoutMs} ms`;
      } else {
        lastProblem = networkReason(error);
      }
      ctx.onRequest?.({
        method: request.method,
        url: request.url,
        error: lastProblem,
        attempt,
      });
    }

    if (response) {
      ctx.onRequest?.({
        method: request.method,
        url: request.url,
        status: response.status,
        attempt,
      });
      if (!isRetryableStatus(response.status)) return { ok: true, response };
      lastProblem = `HTTP ${response.status}`;
      retryDelay = retryAfterMs(response.headers.get('retry-after'), ctx.now());
      if (attempt === ctx.maxAttempts - 1) return { ok: true, response };
      await response.body?.cancel().catch(() => undefined);
    }

    if (attempt === ctx.maxAttempts - 1) break;
    const delay =
      retryDelay ??
      backoffMs(attempt, ctx.random, ctx.backoffBaseMs, ctx.backoffCapMs);
    if (ctx.now() + delay >= ctx.deadlineAt) {
      return {
        ok: false,
        reason: `${lastProblem}; ${
          retryDelay !== undefined
            ? `the registry asked to retry after ${Math.ceil(
                retryDelay / 1000,
              )} s, `
            : ''
        }past the overall deadline of ${ctx.deadlineMs} ms`,
      };
    }
    await ctx.sleep(delay, ctx.signal);
  }
  return { ok: false, reason: `${lastProblem} after ${ctx.maxAttempts} tries` };
}
