import type {
  LoggerService,
  UrlReaderService,
} from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import type {
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import {
  policySourcesOf,
  readBox,
  readPolicy,
  registryImageRefs,
  runChecks,
  scoreOf,
  type CheckResult,
  type Inventory,
  type OnlineFacts,
} from '@quadlet-portal/core';
import {
  readTreeState,
  type BoxConfig,
  type TreeState,
} from '@quadlet-portal/plugin-catalog-backend-module-quadlet';
import type {
  ScorecardFinding,
  ScorecardRunSummary,
  ScorecardRunTrigger,
  ScorecardStatusCounts,
  ScorecardTreeVersion,
} from '@quadlet-portal/plugin-scorecard-common';
import type { ScorecardConfig } from '../config/readScorecardConfig';
import type { RunStore } from '../database/RunStore';
import { fetchKnownBrokenIssues, githubReposOf } from '../online/githubIssues';
import {
  gatherImageFacts,
  type ScorecardRegistryService,
} from '../online/registryService';
import { diffFindings } from './diffRuns';
import { notifyNewFailures } from './notifyNewFailures';

/** A manual run that takes longer than this is stopped (the weekly task has its own timeout). */
export const MANUAL_RUN_TIMEOUT_MS = 30 * 60_000;
/** A run still `running` after this long belongs to a backend that stopped. */
export const STALE_RUN_MS = 6 * 60 * 60_000;

export interface ScorecardRunnerOptions {
  boxes: readonly BoxConfig[];
  config: ScorecardConfig;
  store: RunStore;
  urlReader: UrlReaderService;
  logger: LoggerService;
  registry: ScorecardRegistryService;
  github: {
    integrations: ScmIntegrationRegistry;
    credentials: GithubCredentialsProvider;
  };
  notifications?: NotificationService;
  /** The clock; injected by tests. */
  now?: () => Date;
}

export interface StartedRun {
  run: ScorecardRunSummary;
  /** A run of the box was in progress (here or on another backend): nothing new started. */
  alreadyRunning: boolean;
  /** Settles with the finished run (succeeded or failed); never rejects. */
  done: Promise<ScorecardRunSummary>;
}

/**
 * Runs the checks over a box: reads its trees like the catalog module does, gathers the
 * online facts (registry answers, GitHub's known-broken issues), runs the core's checks at the
 * run's start time, stores every result, tells the owner about new failures and applies the
 * retention. A run that cannot read a tree is stored as failed, with no results.
 */
export class ScorecardRunner {
  private readonly inFlight = new Map<string, Promise<ScorecardRunSummary>>();
  private readonly starting = new Map<string, Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly options: ScorecardRunnerOptions) {
    this.now = options.now ?? (() => new Date());
  }

  get boxes(): readonly BoxConfig[] {
    return this.options.boxes;
  }

  box(name: string): BoxConfig | undefined {
    return this.options.boxes.find(b => b.name === name);
  }

  /**
   * Starts a run of the box unless one is already running. Starts of one box are serialised
   * in this backend, so two quick requests give one run.
   */
  start(
    name: string,
    trigger: ScorecardRunTrigger,
    options: { requestedBy?: string; signal?: AbortSignal } = {},
  ): Promise<StartedRun> {
    const before = this.starting.get(name) ?? Promise.resolve();
    const next = before.then(() => this.startNow(name, trigger, options));
    this.starting.set(
      name,
      next.then(
        () => undefined,
        () => undefined,
      ),
    );
    return next;
  }

  private async startNow(
    name: string,
    trigger: ScorecardRunTrigger,
    options: { requestedBy?: string; signal?: AbortSignal },
  ): Promise<StartedRun> {
    const box = this.box(name);
    if (!box) throw new Error(`no box named "${name}" is configured`);
    const { store } = this.options;
    const startedAt = this.now();
    await store.failStaleRuns(
      name,
      new Date(startedAt.getTime() - STALE_RUN_MS).toISOString(),
      startedAt.toISOString(),
    );
    const running = await store.running(name);
    if (running) {
      const local = this.inFlight.get(name);
      return {
        run: running,
        alreadyRunning: true,
        done: local ?? Promise.resolve(running),
      };
    }
    const id = await store.createRun({
      box: name,
      trigger,
      startedAt: startedAt.toISOString(),
      requestedBy: options.requestedBy,
    });
    const run = (await store.getRun(id))!;
    const signal =
      options.signal ??
      (trigger === 'manual'
        ? AbortSignal.timeout(MANUAL_RUN_TIMEOUT_MS)
        : undefined);
    const done = this.execute(box, run, startedAt, signal).finally(() =>
      this.inFlight.delete(name),
    );
    this.inFlight.set(name, done);
    return { run, alreadyRunning: false, done };
  }

  /** The weekly task: every box, one after the other. */
  async runAll(signal?: AbortSignal): Promise<ScorecardRunSummary[]> {
    const finished: ScorecardRunSummary[] = [];
    for (const box of this.options.boxes) {
      if (signal?.aborted) break;
      const started = await this.start(box.name, 'schedule', { signal });
      finished.push(await started.done);
    }
    return finished;
  }

  /** Resolves once every run started by this backend has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0)
      await Promise.allSettled([...this.inFlight.values()]);
  }

  private async execute(
    box: BoxConfig,
    run: ScorecardRunSummary,
    startedAt: Date,
    signal: AbortSignal | undefined,
  ): Promise<ScorecardRunSummary> {
    const { logger, store } = this.options;
    const meta = { box: box.name, runId: run.id };
    const versions: ScorecardTreeVersion[] = [];
    try {
      const states: TreeState[] = [];
      for (const tree of box.trees) {
        const source =
          tree.source.type === 'url' ? tree.source.url : tree.source.path;
        try {
          const state = await readTreeState(tree, undefined, {
            urlReader: this.options.urlReader,
            signal,
          });
          states.push(state);
          versions.push(versionOf(tree.name, source, state));
        } catch (cause) {
          const error = toError(cause);
          const message = `cannot read tree "${tree.name}" from ${source}: ${error.name}: ${error.message}`;
          logger.error(`scorecard box "${box.name}": ${message}`, meta);
          await store.failRun(run.id, {
            finishedAt: this.now().toISOString(),
            error: message,
            trees: versions,
          });
          return (await store.getRun(run.id))!;
        }
      }

      const trees = states.map(s => s.tree);
      const inventory = readBox(trees);
      const readProblems = states.flatMap(s => s.diagnostics);
      if (readProblems.length > 0)
        inventory.diagnostics = [...readProblems, ...inventory.diagnostics];
      const { policy, diagnostics } = readPolicy(policySourcesOf(trees));

      const { facts, summary } = await this.gatherOnline(
        box,
        inventory,
        policy.knownBroken.label,
        signal,
      );
      const results = runChecks({
        box: box.name,
        inventory,
        policy,
        policyDiagnostics: diagnostics,
        now: startedAt,
        online: facts,
      });
      const card = scoreOf(results);
      await store.completeRun(run.id, {
        finishedAt: this.now().toISOString(),
        trees: versions,
        scores: card,
        counts: countsOf(results),
        online: summary,
        results: results.map(r => withUrl(r, states)),
      });
      const finished = (await store.getRun(run.id))!;
      logger.info(
        `scorecard box "${box.name}": run ${run.id} scored ${
          card.box.score === null ? 'n/a' : Math.round(card.box.score * 100)
        }% with ${finished.counts?.fail ?? 0} failing results`,
        meta,
      );
      await this.notify(box, finished);
      const deleted = await store.applyRetention(
        box.name,
        this.options.config.retention,
        this.now(),
      );
      if (deleted.length > 0)
        logger.info(
          `scorecard box "${box.name}": retention removed ${deleted.length} old runs`,
          meta,
        );
      return finished;
    } catch (cause) {
      const error = toError(cause);
      logger.error(
        `scorecard box "${box.name}": run ${run.id} failed: ${error.message}`,
        meta,
      );
      await store
        .failRun(run.id, {
          finishedAt: this.now().toISOString(),
          error: signal?.aborted
            ? `stopped (timeout or shutdown): ${error.message}`
            : `${error.name}: ${error.message}`,
          trees: versions,
        })
        .catch(() => undefined);
      return (await store.getRun(run.id).catch(() => undefined)) ?? run;
    }
  }

  /** Registry answers and open known-broken issues; what was not gathered says why. */
  private async gatherOnline(
    box: BoxConfig,
    inventory: Inventory,
    label: string | null,
    signal: AbortSignal | undefined,
  ): Promise<{ facts: OnlineFacts; summary: ScorecardRunSummary['online'] }> {
    const { config, registry, github, logger } = this.options;
    const facts: OnlineFacts = {};
    const notes: string[] = [];
    if (config.online.images) {
      facts.images = await gatherImageFacts(
        registryImageRefs(inventory),
        registry.forRun(signal),
      );
    } else {
      notes.push(
        'registry lookups are off (quadletPortal.scorecard.online.images)',
      );
    }

    if (label === null) {
      notes.push('the policy turns the known-broken issue lookup off');
    } else if (!config.online.githubIssues) {
      notes.push(
        'GitHub issue lookups are off (quadletPortal.scorecard.online.githubIssues)',
      );
    } else {
      const repos = githubReposOf(box.trees, github.integrations);
      if (repos.length === 0) {
        notes.push(
          'no tree of the box is read from GitHub, so no issue was looked up',
        );
      } else {
        const timeout = AbortSignal.timeout(config.online.githubTimeoutMs);
        try {
          const { issues, unnamed } = await fetchKnownBrokenIssues({
            repos,
            label,
            unitNames: unitNamesOf(inventory),
            credentials: github.credentials,
            signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
          });
          facts.knownBrokenIssues = issues;
          for (const url of unnamed)
            notes.push(`issue ${url} is labelled ${label} but names no unit`);
        } catch (cause) {
          const error = toError(cause);
          const message = `GitHub issues labelled ${label} could not be read: ${error.message}`;
          logger.warn(`scorecard box "${box.name}": ${message}`, {
            box: box.name,
          });
          notes.push(message);
        }
      }
    }
    return {
      facts,
      summary: {
        images: facts.images !== undefined,
        knownBrokenIssues: facts.knownBrokenIssues !== undefined,
        ...(notes.length > 0 ? { notes } : {}),
      },
    };
  }

  /** New failures against the previous successful run go to the box owner. */
  private async notify(box: BoxConfig, run: ScorecardRunSummary) {
    const { notifications, store, config, logger } = this.options;
    if (!notifications) return;
    // The first run of a box has nothing to compare with: everything would be "new".
    const previous = await store.previousSucceeded(run);
    if (!previous) return;
    const [before, after] = await Promise.all([
      store.getResults(previous.id, { statuses: ['fail'] }),
      store.getResults(run.id, { statuses: ['fail'] }),
    ]);
    const fresh = diffFindings(before, after).new;
    if (fresh.length === 0) return;
    try {
      await notifyNewFailures(notifications, {
        box: box.name,
        owner: box.owner,
        runId: run.id,
        link: `${config.pagePath}/${encodeURIComponent(box.name)}`,
        findings: fresh,
      });
    } catch (cause) {
      logger.warn(
        `scorecard box "${box.name}": notifying ${box.owner} failed: ${
          toError(cause).message
        }`,
        { box: box.name },
      );
    }
  }
}

function versionOf(
  name: string,
  source: string,
  state: TreeState,
): ScorecardTreeVersion {
  const version: ScorecardTreeVersion = { name, source, etag: state.etag };
  // GitHub's ETag is the commit read; a local checkout names the last commit touching it.
  const commit = /^[0-9a-f]{40}$/.test(state.etag)
    ? state.etag
    : state.tree.commits?.[0]?.sha;
  if (commit) version.commit = commit;
  return version;
}

/** Adds the browsable link to the file and line, for trees read from GitHub. */
function withUrl(
  result: CheckResult,
  states: readonly TreeState[],
): ScorecardFinding {
  const webBase = states.find(s => s.tree.name === result.tree)?.webBase;
  if (!webBase || !result.file) return result;
  return {
    ...result,
    url: `${webBase}${result.file
      .split('/')
      .map(encodeURIComponent)
      .join('/')}${result.line ? `#L${result.line}` : ''}`,
  };
}

function countsOf(results: readonly CheckResult[]): ScorecardStatusCounts {
  const counts: ScorecardStatusCounts = {
    fail: 0,
    unknown: 0,
    waived: 0,
    pass: 0,
  };
  for (const r of results) counts[r.status]++;
  return counts;
}

/** The names an issue may use for a unit: as the check compares them (file, base, service, id). */
function unitNamesOf(inventory: Inventory): Set<string> {
  const names = new Set<string>();
  const add = (unit: { id: string; name: string; serviceName?: string }) => {
    names.add(unit.id);
    names.add(unit.name);
    names.add(unit.name.replace(/\.[^.]+$/, ''));
    if (unit.serviceName) names.add(unit.serviceName);
  };
  inventory.units.forEach(add);
  inventory.systemdUnits.forEach(add);
  return names;
}
