import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  quadletPortal?: {
    /**
     * The weekly pin-hygiene scorecard over every box of `quadletPortal.boxes` (the boxes
     * themselves are declared for the catalog module). See docs/scorecard.md.
     */
    scorecard?: {
      /**
       * When every box is checked. Default: Mondays 06:00 (`{ frequency: { cron: '0 6 * * 1' },
       * timeout: { hours: 1 } }`). A cron expression or a frequency (`{ hours: 24 }`). The task
       * is global: several backends on one database run it once.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * Which runs are kept, per box; the newest successful run is always kept. Default:
       * the newest 52 runs (a year of weekly runs).
       */
      retention?: {
        /** Keep at most this many runs per box. */
        runs?: number;
        /** Delete runs that started more than this many days ago. */
        days?: number;
      };
      /** Online facts; a lookup that is off or fails leaves its check `unknown`, never `pass`. */
      online?: {
        /** Ask each image's registry whether its tag or digest exists (image-tag-missing). Default true. */
        images?: boolean;
        /**
         * Read open GitHub issues with the policy's known-broken label, for boxes whose trees
         * come from GitHub, with the `integrations.github` token (unit-known-broken). Default true.
         */
        githubIssues?: boolean;
        /** Limit for the issue lookups of one box, in milliseconds. Default 30000. */
        githubTimeoutMs?: number;
      };
      /**
       * Path of the scorecard page in the app, linked from notifications (`<path>/<box>`).
       * Default `/scorecard`.
       */
      pagePath?: string;
    };
    /**
     * The OCI registry client (docs/registry.md#configuration), shared with the scaffolder
     * module, which declares the same keys.
     */
    registry?: {
      /** Limit for one HTTP exchange with a registry, in milliseconds. Default 10000. */
      requestTimeoutMs?: number;
      /** Limit for all registry lookups of one run, in milliseconds. Default 60000. */
      deadlineMs?: number;
      /** Tries per request (the first included) for 429, 5xx and network errors. Default 4. */
      maxAttempts?: number;
      /** Registries (`host:port`, or a host for any port) spoken to over plain HTTP although not on loopback. */
      insecure?: string[];
      /** Credentials per registry; registries without any are asked anonymously. */
      credentials?: Array<{
        /** As image references name it: `ghcr.io`, `docker.io`, `registry.example:5000`. */
        registry: string;
        username: string;
        /**
         * A password or access token.
         * @visibility secret
         */
        password: string;
      }>;
    };
  };
}
