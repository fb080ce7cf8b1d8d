import type { ImageRegistryFact } from '@quadlet-portal/core';
import { RegistryClient, type DigestResult } from '@quadlet-portal/registry';

/** Resolves one image reference; the registry client's `resolveDigest`, or a fake in tests. */
export type ResolveDigest = (reference: string) => Promise<DigestResult>;

/** The registry client the CLI uses: timeouts and deadline as in docs/registry.md. */
export function defaultResolveDigest(): ResolveDigest {
  return new RegistryClient({ requestTimeoutMs: 10_000, deadlineMs: 60_000 })
    .resolveDigest;
}

/**
 * Asks the registry about each reference. An answer that never came (a throw included) is
 * `unknown` with the reason, so the check reports it undecided rather than passing it.
 */
export async function imageFacts(
  refs: readonly string[],
  resolveDigest: ResolveDigest,
): Promise<Record<string, ImageRegistryFact>> {
  const entries = await Promise.all(
    refs.map(async ref => {
      let fact: ImageRegistryFact;
      try {
        fact = factOf(await resolveDigest(ref));
      } catch (error) {
        fact = {
          status: 'unknown',
          error: error instanceof Error ? error.message : String(error),
        };
      }
      return [ref, fact] as const;
    }),
  );
  return Object.fromEntries(entries);
}

function factOf(answer: DigestResult): ImageRegistryFact {
  if (answer.status === 'ok') return { status: 'ok', digest: answer.digest };
  if (answer.status === 'not-found') return { status: 'not-found' };
  return { status: 'unknown', error: answer.reason };
}
