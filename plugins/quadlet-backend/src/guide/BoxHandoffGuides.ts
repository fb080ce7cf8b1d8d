import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import {
  NotFoundError,
  ServiceUnavailableError,
  toError,
} from '@backstage/errors';
import { handoffGuidePage, type HandoffGuide } from '@quadlet-portal/core';
import {
  readTreeState,
  type BoxConfig,
  type TreeState,
} from '@quadlet-portal/plugin-catalog-backend-module-quadlet';
import { buildHandoffGuide, dayOf } from './buildHandoffGuide';

/** How long a guide is served before its sources are looked at again. */
export const DEFAULT_FRESH_FOR_MS = 60_000;

export interface BoxHandoffGuidesOptions {
  boxes: readonly BoxConfig[];
  urlReader: UrlReaderService;
  logger: LoggerService;
  /** The clock; injected by tests. */
  now?: () => Date;
  freshForMs?: number;
}

interface CachedGuide {
  /** The trees' versions (ETags, or content hashes of local trees) and the day the checks were judged on. */
  key: string;
  states: TreeState[];
  guide: HandoffGuide;
  page?: string;
  checkedAt: number;
}

/**
 * The handoff guide of each configured box, generated on demand and kept per box. A request
 * within `freshForMs` of the last look gets the kept guide; after that the trees are read again
 * with their ETags (for GitHub: one API call, no download when the commit has not moved), and
 * the guide is generated again only when a tree or the day changed. Concurrent requests for a
 * box share one read.
 */
export class BoxHandoffGuides {
  private readonly cache = new Map<string, CachedGuide>();
  private readonly pending = new Map<string, Promise<CachedGuide>>();
  private readonly now: () => Date;
  private readonly freshForMs: number;

  constructor(private readonly options: BoxHandoffGuidesOptions) {
    this.now = options.now ?? (() => new Date());
    this.freshForMs = options.freshForMs ?? DEFAULT_FRESH_FOR_MS;
  }

  get boxes(): readonly BoxConfig[] {
    return this.options.boxes;
  }

  /** Throws `NotFoundError` for a box that is not configured. */
  box(name: string): BoxConfig {
    const box = this.options.boxes.find(b => b.name === name);
    if (!box) {
      const known = this.options.boxes.map(b => `"${b.name}"`).join(', ');
      throw new NotFoundError(
        `no box named "${name}" is configured (quadletPortal.boxes: ${
          known || 'none'
        })`,
      );
    }
    return box;
  }

  /**
   * The box's guide. Throws `NotFoundError` for an unknown box and `ServiceUnavailableError`
   * naming the box, the tree and the cause when a source cannot be read.
   */
  async guide(name: string): Promise<HandoffGuide> {
    return (await this.entry(name)).guide;
  }

  /** The whole guide as one Markdown page (`handoffGuidePage`). */
  async page(name: string): Promise<string> {
    const entry = await this.entry(name);
    entry.page ??= handoffGuidePage(entry.guide);
    return entry.page;
  }

  private async entry(name: string): Promise<CachedGuide> {
    const box = this.box(name);
    const cached = this.cache.get(box.name);
    if (cached && this.now().getTime() - cached.checkedAt < this.freshForMs)
      return cached;
    let pending = this.pending.get(box.name);
    if (!pending) {
      pending = this.refresh(box, cached).finally(() =>
        this.pending.delete(box.name),
      );
      this.pending.set(box.name, pending);
    }
    return pending;
  }

  private async refresh(
    box: BoxConfig,
    cached: CachedGuide | undefined,
  ): Promise<CachedGuide> {
    const states: TreeState[] = [];
    for (const [index, tree] of box.trees.entries()) {
      const previous = cached?.states[index];
      try {
        states.push(
          await readTreeState(tree, previous, {
            urlReader: this.options.urlReader,
          }),
        );
      } catch (cause) {
        const source =
          tree.source.type === 'url' ? tree.source.url : tree.source.path;
        const error = toError(cause);
        const message = `cannot read box "${box.name}": tree "${tree.name}" from ${source}: ${error.name}: ${error.message}`;
        this.options.logger.warn(`quadlet handoff: ${message}`, {
          box: box.name,
        });
        throw new ServiceUnavailableError(message, error);
      }
    }
    const now = this.now();
    const day = dayOf(now);
    const key = [
      ...states.map(s => s.etag),
      day.toISOString().slice(0, 10),
    ].join('\n');
    if (cached && cached.key === key) {
      cached.checkedAt = now.getTime();
      cached.states = states;
      return cached;
    }
    const started = Date.now();
    const guide = buildHandoffGuide(box.name, states, day);
    this.options.logger.info(
      `quadlet handoff: generated the guide of box "${box.name}" (${
        guide.sections.length
      } sections) in ${Date.now() - started} ms`,
      { box: box.name },
    );
    const entry: CachedGuide = {
      key,
      states,
      guide,
      checkedAt: now.getTime(),
    };
    this.cache.set(box.name, entry);
    return entry;
  }
}
