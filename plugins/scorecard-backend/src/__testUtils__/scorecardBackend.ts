import type { AddressInfo } from 'node:net';
import {
  createServiceFactory,
  type ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import type { Knex } from 'knex';
import {
  scorecardRegistryServiceRef,
  type ResolveDigest,
} from '../online/registryService';
import { scorecardPlugin } from '../plugin';

/** A registry that has every image at one digest, except what `missing` names. */
export function fakeRegistry(
  missing: (ref: string) => boolean = ref => ref.includes('pi0.x.y'),
): { resolveDigest: ResolveDigest; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resolveDigest: async ref => {
      asked.push(ref);
      return missing(ref)
        ? { status: 'not-found' }
        : { status: 'ok', digest: `sha256:${'0'.repeat(64)}` };
    },
  };
}

export interface ScorecardBackendOptions {
  knex: Knex;
  /** `quadletPortal`, `integrations`… */
  config: NonNullable<
    NonNullable<Parameters<typeof mockServices.rootConfig.factory>[0]>['data']
  >;
  resolveDigest?: ResolveDigest;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** Replaces the mock scheduler (the two-backends test passes the real one). */
  scheduler?: ServiceFactory;
  urlReader?: ServiceFactory;
  /** Run the weekly task when the backend starts (the mock scheduler's default). */
  runTasksOnStartup?: boolean;
}

/** The scorecard plugin alone in a test backend, on the given database, with an HTTP client. */
export async function startScorecardBackend(options: ScorecardBackendOptions) {
  const sent: NotificationSendOptions[] = [];
  const registry = options.resolveDigest ?? fakeRegistry().resolveDigest;
  const scheduler = mockServices.scheduler();
  const features = [
    scorecardPlugin,
    mockServices.rootConfig.factory({ data: options.config }),
    mockServices.database.factory({ knex: options.knex }),
    mockServices.permissions.factory({
      result: options.permission ?? AuthorizeResult.ALLOW,
    }),
    createServiceFactory({
      service: scorecardRegistryServiceRef,
      deps: {},
      factory: () => ({ forRun: () => registry }),
    }),
    createServiceFactory({
      service: notificationService,
      deps: {},
      factory: () => ({
        send: async (notification: NotificationSendOptions) => {
          sent.push(notification);
        },
      }),
    }),
    options.scheduler ??
      (
        scheduler as unknown as {
          factory(o: object): ServiceFactory;
        }
      ).factory({ skipTaskRunOnStartup: !options.runTasksOnStartup }),
    ...(options.urlReader ? [options.urlReader] : []),
  ];
  const backend = await startTestBackend({ features });
  const { port } = backend.server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}/api/scorecard`;

  const request = (
    path: string,
    init: RequestInit & { as?: 'user' | 'none' | 'invalid' } = {},
  ) => {
    const headers = new Headers(init.headers);
    headers.set(
      'Authorization',
      {
        user: mockCredentials.user.header(),
        none: mockCredentials.none.header(),
        invalid: mockCredentials.user.invalidHeader(),
      }[init.as ?? 'user'],
    );
    return fetch(`${base}${path}`, { ...init, headers });
  };
  const json = async <T = any>(
    path: string,
    init?: RequestInit,
  ): Promise<T> => {
    const response = await request(path, init);
    if (!response.ok)
      throw new Error(
        `${init?.method ?? 'GET'} ${path}: ${
          response.status
        } ${await response.text()}`,
      );
    return (await response.json()) as T;
  };
  const waitForRun = async (id: number) => {
    for (;;) {
      const run = await json(`/runs/${id}`);
      if (run.status !== 'running') return run;
      await new Promise(resolve => setTimeout(resolve, 20));
    }
  };
  /** Starts a run through the API and waits for it to finish. */
  const runBox = async (box: string) => {
    const response = await request('/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ box }),
    });
    if (response.status !== 202)
      throw new Error(
        `POST /runs: ${response.status} ${await response.text()}`,
      );
    const { run } = await response.json();
    return waitForRun(run.id);
  };
  return {
    backend,
    base,
    request,
    json,
    runBox,
    waitForRun,
    notifications: sent,
    /** The mock scheduler, to trigger the weekly task (unless a real one was given). */
    scheduler,
    stop: () => backend.stop(),
  };
}
