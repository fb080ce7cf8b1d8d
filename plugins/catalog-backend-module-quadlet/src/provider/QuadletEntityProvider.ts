import type {
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { toError, type ErrorLike } from '@backstage/errors';
import type {
  DeferredEntity,
  EntityProvider,
  EntityProviderConnection,
} from '@backstage/plugin-catalog-node';
import {
  inventoryToEntities,
  readBox,
  type BoxDescriptor,
} from '@quadlet-portal/core';
import type { BoxConfig } from '../config/types';
import { readTreeState, type TreeState } from '../sources/treeState';

export interface QuadletEntityProviderDeps {
  logger: LoggerService;
  scheduler: SchedulerService;
  urlReader: UrlReaderService;
}

/** What one run did; returned for tests and logged for people. */
export type RefreshOutcome =
  | { status: 'applied'; entities: number }
  /** Every tree was as last read: nothing parsed, the last entities applied again. */
  | { status: 'unchanged'; entities: number }
  /** A source failed (or the mapping did): the catalog was not touched. */
  | { status: 'failed'; tree?: string; error: ErrorLike };

/**
 * Provides the entities of one box (`quadletPortal.boxes[]`): on each scheduled run it reads
 * the box's trees, maps them through the core (`readBox` → `inventoryToEntities`, the code path
 * of `quadlet-portal entities`) and replaces everything it emitted before with one full mutation.
 *
 * A tree that cannot be read stops the run before anything is applied, so the catalog keeps the
 * last good entities until a later run succeeds.
 */
export class QuadletEntityProvider implements EntityProvider {
  private connection?: EntityProviderConnection;
  /** Per tree name, the version last applied to the catalog. */
  private applied = new Map<string, TreeState>();
  private lastEntities?: DeferredEntity[];

  constructor(
    private readonly box: BoxConfig,
    private readonly deps: QuadletEntityProviderDeps,
  ) {}

  getProviderName(): string {
    return `quadlet-portal:${this.box.name}`;
  }

  /** Scheduler task id; stable so a cluster of backends shares one lock per box. */
  get taskId(): string {
    return `quadlet-portal:${this.box.name}:refresh`;
  }

  async connect(connection: EntityProviderConnection): Promise<void> {
    this.connection = connection;
    await this.deps.scheduler.scheduleTask({
      id: this.taskId,
      ...this.box.schedule,
      fn: async signal => {
        await this.refresh(signal);
      },
    });
  }

  async refresh(signal?: AbortSignal): Promise<RefreshOutcome> {
    const connection = this.connection;
    if (!connection)
      throw new Error(
        `${this.getProviderName()} is not connected to the catalog`,
      );
    const { logger } = this.deps;
    const box = this.box.name;

    const states: TreeState[] = [];
    for (const tree of this.box.trees) {
      try {
        states.push(
          await readTreeState(tree, this.applied.get(tree.name), {
            urlReader: this.deps.urlReader,
            signal,
          }),
        );
      } catch (cause) {
        const error = toError(cause);
        if (signal?.aborted) {
          logger.warn(
            `quadlet-portal box "${box}": run stopped (timeout or shutdown); the catalog keeps the last entities`,
            { box },
          );
          return { status: 'failed', tree: tree.name, error };
        }
        const source =
          tree.source.type === 'url' ? tree.source.url : tree.source.path;
        logger.error(
          `quadlet-portal box "${box}": cannot read tree "${tree.name}" from ${source}: ${error.name}: ${error.message}. ` +
            'The catalog keeps the last entities of the box; the next scheduled run tries again.',
          {
            box,
            tree: tree.name,
            source,
            cause: `${error.name}: ${error.message}`,
          },
        );
        return { status: 'failed', tree: tree.name, error };
      }
    }

    const unchanged =
      this.lastEntities !== undefined &&
      states.every(s => this.applied.get(s.tree.name) === s);
    let entities: DeferredEntity[];
    if (unchanged && this.lastEntities) {
      // Same commits, same bytes: no parsing. Applying again restores an entity someone deleted.
      entities = this.lastEntities;
    } else {
      try {
        entities = this.buildEntities(states);
      } catch (cause) {
        const error = toError(cause);
        logger.error(
          `quadlet-portal box "${box}": building entities failed: ${error.message}. The catalog keeps the last entities of the box.`,
          {
            box,
            cause: `${error.name}: ${error.message}`,
          },
        );
        return { status: 'failed', error };
      }
    }

    try {
      await connection.applyMutation({ type: 'full', entities });
    } catch (cause) {
      const error = toError(cause);
      logger.error(
        `quadlet-portal box "${box}": applying ${entities.length} entities failed: ${error.message}`,
        {
          box,
          cause: `${error.name}: ${error.message}`,
        },
      );
      return { status: 'failed', error };
    }
    // Remember versions only once the catalog holds them, so a failed apply is retried in full.
    this.applied = new Map(states.map(s => [s.tree.name, s]));
    this.lastEntities = entities;
    if (unchanged) {
      logger.debug(
        `quadlet-portal box "${box}": unchanged, ${entities.length} entities kept`,
        { box },
      );
      return { status: 'unchanged', entities: entities.length };
    }
    logger.info(
      `quadlet-portal box "${box}": ${entities.length} entities from ${states.length} trees`,
      { box },
    );
    return { status: 'applied', entities: entities.length };
  }

  private buildEntities(states: TreeState[]): DeferredEntity[] {
    const inventory = readBox(states.map(s => s.tree));
    const readProblems = states.flatMap(s => s.diagnostics);
    if (readProblems.length > 0)
      inventory.diagnostics = [...readProblems, ...inventory.diagnostics];

    // Local folders are absolute (the config reader resolves them), so the core can give
    // every entity its `managed-by-location` (`file:` the file on disk, `url:` the file on GitHub).
    const descriptor: BoxDescriptor = {
      name: this.box.name,
      owner: this.box.owner,
      trees: this.box.trees.map(tree => {
        const webBase = states.find(s => s.tree.name === tree.name)?.webBase;
        return {
          name: tree.name,
          location:
            tree.source.type === 'url' ? tree.source.url : tree.source.path,
          ...(webBase ? { webBase } : {}),
        };
      }),
    };
    if (this.box.title) descriptor.title = this.box.title;
    if (this.box.description) descriptor.description = this.box.description;

    const locationKey = this.getProviderName();
    return inventoryToEntities(inventory, descriptor).map(entity => ({
      entity: entity as Entity,
      locationKey,
    }));
  }
}
