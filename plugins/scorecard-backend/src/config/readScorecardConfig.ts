import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { RegistryClientOptions } from '@quadlet-portal/registry';

/** Mondays at 06:00 (server time): the weekly run, after the weekend's pushes. */
export const DEFAULT_SCORECARD_SCHEDULE: SchedulerServiceTaskScheduleDefinition =
  {
    frequency: { cron: '0 6 * * 1' },
    timeout: { hours: 1 },
    scope: 'global',
  };

/** A year of weekly runs. */
export const DEFAULT_RETENTION_RUNS = 52;

export interface RetentionConfig {
  /** Keep at most this many runs per box. */
  runs?: number;
  /** Delete runs that started more than this many days ago. */
  days?: number;
}

export interface ScorecardConfig {
  schedule: SchedulerServiceTaskScheduleDefinition;
  retention: RetentionConfig;
  online: {
    images: boolean;
    githubIssues: boolean;
    githubTimeoutMs: number;
  };
  /** The app path of the scorecard page, for notification links. */
  pagePath: string;
  /** Options for the registry client of each run (no signal: each run adds its own). */
  registry: Pick<
    RegistryClientOptions,
    | 'credentials'
    | 'insecure'
    | 'requestTimeoutMs'
    | 'deadlineMs'
    | 'maxAttempts'
  >;
}

/**
 * Reads `quadletPortal.scorecard` and `quadletPortal.registry`. A bad value throws an
 * `InputError` naming the key, so the backend stops at start instead of never running.
 */
export function readScorecardConfig(config: Config): ScorecardConfig {
  const at = (key: string, read: () => unknown) => {
    try {
      return read();
    } catch (error) {
      throw new InputError(
        `quadletPortal.scorecard.${key}: ${
          error instanceof Error ? error.message : String(error)
        }`,
      );
    }
  };
  const root = config.getOptionalConfig('quadletPortal.scorecard');

  // A global task unless the config says otherwise: several backends share one run.
  const schedule = root?.has('schedule')
    ? (at('schedule', () => {
        const written = readSchedulerServiceTaskScheduleDefinitionFromConfig(
          root.getConfig('schedule'),
        );
        return { ...written, scope: written.scope ?? 'global' };
      }) as SchedulerServiceTaskScheduleDefinition)
    : DEFAULT_SCORECARD_SCHEDULE;

  const positive = (key: string, value: number | undefined) => {
    if (value !== undefined && (!Number.isInteger(value) || value < 1))
      throw new InputError(
        `quadletPortal.scorecard.${key}: must be a whole number of at least 1, got ${value}`,
      );
    return value;
  };
  const runs = positive(
    'retention.runs',
    root?.getOptionalNumber('retention.runs'),
  );
  const days = positive(
    'retention.days',
    root?.getOptionalNumber('retention.days'),
  );
  const retention: RetentionConfig =
    runs === undefined && days === undefined
      ? { runs: DEFAULT_RETENTION_RUNS }
      : { ...(runs ? { runs } : {}), ...(days ? { days } : {}) };

  const registry = config.getOptionalConfig('quadletPortal.registry');
  const pagePath = (
    root?.getOptionalString('pagePath') ?? '/scorecard'
  ).replace(/\/+$/, '');
  return {
    schedule,
    retention,
    online: {
      images: root?.getOptionalBoolean('online.images') ?? true,
      githubIssues: root?.getOptionalBoolean('online.githubIssues') ?? true,
      githubTimeoutMs:
        positive(
          'online.githubTimeoutMs',
          root?.getOptionalNumber('online.githubTimeoutMs'),
        ) ?? 30_000,
    },
    pagePath,
    registry: {
      requestTimeoutMs: registry?.getOptionalNumber('requestTimeoutMs'),
      deadlineMs: registry?.getOptionalNumber('deadlineMs'),
      maxAttempts: registry?.getOptionalNumber('maxAttempts'),
      insecure: registry?.getOptionalStringArray('insecure'),
      credentials: registry?.getOptionalConfigArray('credentials')?.map(c => ({
        registry: c.getString('registry'),
        username: c.getString('username'),
        password: c.getString('password'),
      })),
    },
  };
}
