import {
  coreServices,
  createBackendModule,
  createServiceFactory,
  type LoggerService,
  type SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/config';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import quadletModule from '../index';

export interface LogRecord {
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
  meta: Record<string, unknown>;
}

/** A logger that keeps what it is told, so tests can assert on what an operator would read. */
class RecordingLogger implements LoggerService {
  constructor(
    private readonly records: LogRecord[],
    private readonly fields: Record<string, unknown>,
  ) {}
  error(message: string, meta?: Error | JsonObject) {
    this.add('error', message, meta);
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.add('warn', message, meta);
  }
  info(message: string, meta?: Error | JsonObject) {
    this.add('info', message, meta);
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.add('debug', message, meta);
  }
  child(meta: JsonObject): LoggerService {
    return new RecordingLogger(this.records, { ...this.fields, ...meta });
  }
  private add(
    level: LogRecord['level'],
    message: string,
    meta?: Error | JsonObject,
  ) {
    const extra = meta instanceof Error ? { error: meta.message } : meta ?? {};
    this.records.push({ level, message, meta: { ...this.fields, ...extra } });
  }
}

export interface CatalogTestBackend {
  catalog: CatalogService;
  scheduler: SchedulerService;
  logs: LogRecord[];
  /** Every entity of a namespace (a box), sorted by ref. */
  entitiesOf(namespace: string): Promise<Entity[]>;
  stop(): Promise<void>;
}

/**
 * Starts the real catalog backend (in-memory SQLite) with the quadlet module and the given
 * config. Scheduled tasks do not run by themselves: tests trigger them, so each round is explicit.
 */
export async function startCatalogTestBackend(
  config: JsonObject,
): Promise<CatalogTestBackend> {
  const logs: LogRecord[] = [];
  let catalog: CatalogService | undefined;
  let scheduler: SchedulerService | undefined;
  // Hands the test the catalog's own service instances.
  const probe = createBackendModule({
    pluginId: 'catalog',
    moduleId: 'test-probe',
    register(reg) {
      reg.registerInit({
        deps: {
          catalogService: catalogServiceRef,
          schedulerService: coreServices.scheduler,
        },
        async init({ catalogService, schedulerService }) {
          catalog = catalogService;
          scheduler = schedulerService;
        },
      });
    },
  });
  const backend = await startTestBackend({
    features: [
      catalogPlugin,
      quadletModule,
      probe,
      mockServices.rootConfig.factory({ data: config }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      createServiceFactory({
        service: coreServices.logger,
        deps: { plugin: coreServices.pluginMetadata },
        factory: ({ plugin }) =>
          new RecordingLogger(logs, { plugin: plugin.getId() }),
      }),
    ],
  });
  if (!catalog || !scheduler) throw new Error('the probe module did not start');
  const catalogService = catalog;
  return {
    catalog: catalogService,
    scheduler,
    logs,
    async entitiesOf(namespace) {
      const { items } = await catalogService.getEntities(
        { filter: { 'metadata.namespace': namespace } },
        { credentials: mockCredentials.service() },
      );
      return items.sort((a, b) => (refOf(a) < refOf(b) ? -1 : 1));
    },
    stop: () => backend.stop(),
  };
}

export function refOf(entity: Entity): string {
  return `${entity.kind}:${entity.metadata.namespace ?? 'default'}/${
    entity.metadata.name
  }`.toLocaleLowerCase('en-US');
}

/** `type → target` of an entity's relations, sorted. */
export function relationsOf(entity: Entity | undefined): string[] {
  return (entity?.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();
}

/**
 * Polls until `check` stops throwing: the catalog processes and stitches entities on its own
 * loop, so a test waits for an outcome rather than for a time. Gives up after `limitMs` with the
 * last failure, so a wrong outcome reads as an assertion error, not as a timeout.
 */
export async function eventually<T>(
  check: () => Promise<T>,
  limitMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }
}

/**
 * Polls `read` until `done` holds, for setup code (hooks) that must not assert: returns the
 * value read last, or fails naming what never happened.
 */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  limitMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`the catalog never showed ${what}`);
    await new Promise(resolve => setTimeout(resolve, 200));
  }
}
