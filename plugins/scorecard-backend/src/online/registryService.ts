import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import type { ImageRegistryFact } from '@quadlet-portal/core';
import { RegistryClient, type DigestResult } from '@quadlet-portal/registry';
import { readScorecardConfig } from '../config/readScorecardConfig';

/** Resolves one image reference to a digest; never throws in the real client. */
export type ResolveDigest = (reference: string) => Promise<DigestResult>;

/** Gives each run a registry client of its own (one answer cache and one deadline per run). */
export interface ScorecardRegistryService {
  forRun(signal?: AbortSignal): ResolveDigest;
}

/**
 * The registry lookups of the scorecard: `@quadlet-portal/registry` configured from
 * `quadletPortal.registry`. A service so tests (and other deployments) can replace it.
 */
export const scorecardRegistryServiceRef =
  createServiceRef<ScorecardRegistryService>({
    id: 'quadlet-portal.scorecard.registry',
    scope: 'plugin',
    defaultFactory: async service =>
      createServiceFactory({
        service,
        deps: { config: coreServices.rootConfig },
        factory({ config }) {
          const options = readScorecardConfig(config).registry;
          return {
            forRun: signal =>
              new RegistryClient({ ...options, signal }).resolveDigest,
          };
        },
      }),
  });

/**
 * Asks about each reference. An answer that never came (a throw included) is `unknown` with
 * its reason, so image-tag-missing reports it undecided rather than passing it.
 */
export async function gatherImageFacts(
  refs: readonly string[],
  resolveDigest: ResolveDigest,
): Promise<Record<string, ImageRegistryFact>> {
  const entries = await Promise.all(
    refs.map(async ref => {
      try {
        return [ref, factOf(await resolveDigest(ref))] as const;
      } catch (error) {
        const fact: ImageRegistryFact = {
          status: 'unknown',
          error: error instanceof Error ? error.message : String(error),
        };
        return [ref, fact] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}

function factOf(answer: DigestResult): ImageRegistryFact {
  if (answer.status === 'ok') return { status: 'ok', digest: answer.digest };
  if (answer.status === 'not-found') return { status: 'not-found' };
  return { status: 'unknown', error: answer.reason };
}
