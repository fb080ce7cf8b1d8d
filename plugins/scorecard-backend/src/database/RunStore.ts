import {
  resolvePackagePath,
  type DatabaseService,
} from '@backstage/backend-plugin-api';
import type {
  ScorecardFinding,
  ScorecardRunStatus,
  ScorecardRunSummary,
  ScorecardRunTrigger,
  ScorecardScore,
  ScorecardStatus,
  ScorecardStatusCounts,
  ScorecardTreeVersion,
} from '@quadlet-portal/plugin-scorecard-common';
import type { Knex } from 'knex';
import type { RetentionConfig } from '../config/readScorecardConfig';

const RUNS = 'scorecard_runs';
const RESULTS = 'scorecard_results';

/** Rows per INSERT: well under SQLite's bound-variable limit with 7 columns. */
const BATCH = 500;

export const MIGRATIONS_DIR = resolvePackagePath(
  '@quadlet-portal/plugin-scorecard-backend',
  'migrations',
);
/** Our own migrations table: plugins may share one database (`pluginDivisionMode: schema`). */
export const MIGRATIONS_TABLE = 'scorecard__knex_migrations';

interface RunRow {
  id: number;
  box: string;
  trigger: string;
  status: string;
  started_at: string;
  finished_at: string | null;
  trees: string;
  score: number | null;
  score_detail: string | null;
  counts: string | null;
  online: string;
  error: string | null;
  requested_by: string | null;
}

/** The box score and each check's, stored with a run. */
export interface ScoreDetail {
  box: ScorecardScore;
  byCheck: Record<string, ScorecardScore>;
}

export interface CompletedRun {
  finishedAt: string;
  trees: ScorecardTreeVersion[];
  scores: ScoreDetail;
  counts: ScorecardStatusCounts;
  online: ScorecardRunSummary['online'];
  results: readonly ScorecardFinding[];
}

/** Applies the package's knex migrations (`migrations/`), on SQLite and PostgreSQL alike. */
export async function migrateScorecardDatabase(knex: Knex): Promise<void> {
  await knex.migrate.latest({
    directory: MIGRATIONS_DIR,
    tableName: MIGRATIONS_TABLE,
  });
}

/** Runs and their results in the plugin's database. */
export class RunStore {
  static async create(options: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<RunStore> {
    const knex = await options.database.getClient();
    if (!options.database.migrations?.skip && !options.skipMigrations)
      await migrateScorecardDatabase(knex);
    return new RunStore(knex);
  }

  constructor(private readonly db: Knex) {}

  /** Records a run that starts now; returns its id. */
  async createRun(run: {
    box: string;
    trigger: ScorecardRunTrigger;
    startedAt: string;
    requestedBy?: string;
  }): Promise<number> {
    const [row] = await this.db(RUNS).insert(
      {
        box: run.box,
        trigger: run.trigger,
        status: 'running' satisfies ScorecardRunStatus,
        started_at: run.startedAt,
        trees: '[]',
        online: JSON.stringify({ images: false, knownBrokenIssues: false }),
        requested_by: run.requestedBy ?? null,
      },
      ['id'],
    );
    return Number(typeof row === 'object' ? row.id : row);
  }

  /** Stores the results and marks the run succeeded, in one transaction. */
  async completeRun(id: number, run: CompletedRun): Promise<void> {
    await this.db.transaction(async tx => {
      const rows = run.results.map(result => ({
        run_id: id,
        check_id: result.checkId,
        status: result.status,
        severity: result.severity,
        entity: result.entity,
        entity_ref: result.entityRef?.toLocaleLowerCase('en-US') ?? null,
        fingerprint: result.fingerprint,
        result: JSON.stringify(result),
      }));
      for (let i = 0; i < rows.length; i += BATCH)
        await tx(RESULTS).insert(rows.slice(i, i + BATCH));
      await tx(RUNS)
        .where({ id })
        .update({
          status: 'succeeded' satisfies ScorecardRunStatus,
          finished_at: run.finishedAt,
          trees: JSON.stringify(run.trees),
          score: run.scores.box.score,
          score_detail: JSON.stringify(run.scores),
          counts: JSON.stringify(run.counts),
          online: JSON.stringify(run.online),
        });
    });
  }

  async failRun(
    id: number,
    run: { finishedAt: string; error: string; trees?: ScorecardTreeVersion[] },
  ): Promise<void> {
    await this.db(RUNS)
      .where({ id })
      .update({
        status: 'failed' satisfies ScorecardRunStatus,
        finished_at: run.finishedAt,
        error: run.error,
        ...(run.trees ? { trees: JSON.stringify(run.trees) } : {}),
      });
  }

  /** Runs left `running` by a backend that stopped: marked failed so they no longer block. */
  async failStaleRuns(
    box: string,
    startedBefore: string,
    finishedAt: string,
  ): Promise<number> {
    return this.db(RUNS)
      .where({ box, status: 'running' })
      .andWhere('started_at', '<', startedBefore)
      .update({
        status: 'failed',
        finished_at: finishedAt,
        error: 'interrupted: the backend running it stopped before it finished',
      });
  }

  async getRun(id: number): Promise<ScorecardRunSummary | undefined> {
    const row = await this.db<RunRow>(RUNS).where({ id }).first();
    return row ? summaryOf(row) : undefined;
  }

  async getScores(id: number): Promise<ScoreDetail | undefined> {
    const row = await this.db<RunRow>(RUNS).where({ id }).first('score_detail');
    return row?.score_detail ? JSON.parse(row.score_detail) : undefined;
  }

  /** A run's results in the order `runChecks` sorted them. */
  async getResults(
    runId: number,
    filter: {
      statuses?: readonly ScorecardStatus[];
      checkId?: string;
      entityRef?: string;
    } = {},
  ): Promise<ScorecardFinding[]> {
    const query = this.db(RESULTS)
      .where({ run_id: runId })
      .orderBy('id')
      .select('result');
    if (filter.statuses) query.whereIn('status', [...filter.statuses]);
    if (filter.checkId) query.andWhere('check_id', filter.checkId);
    if (filter.entityRef)
      query.andWhere('entity_ref', filter.entityRef.toLocaleLowerCase('en-US'));
    const rows: { result: string }[] = await query;
    return rows.map(row => JSON.parse(row.result));
  }

  /** Fingerprints of a run's failures (of one check, when given). */
  async failingFingerprints(
    runId: number,
    checkId?: string,
  ): Promise<string[]> {
    const query = this.db(RESULTS)
      .where({ run_id: runId, status: 'fail' })
      .orderBy('id')
      .select('fingerprint');
    if (checkId) query.andWhere('check_id', checkId);
    const rows: { fingerprint: string }[] = await query;
    return rows.map(row => row.fingerprint);
  }

  async latestSucceeded(box: string): Promise<ScorecardRunSummary | undefined> {
    const row = await this.db<RunRow>(RUNS)
      .where({ box, status: 'succeeded' })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? summaryOf(row) : undefined;
  }

  /** The box's last successful run before `run`: what "new" failures are new against. */
  async previousSucceeded(
    run: ScorecardRunSummary,
  ): Promise<ScorecardRunSummary | undefined> {
    const row = await this.db<RunRow>(RUNS)
      .where({ box: run.box, status: 'succeeded' })
      .andWhere(q =>
        q
          .where('started_at', '<', run.startedAt)
          .orWhere(q2 =>
            q2.where('started_at', run.startedAt).andWhere('id', '<', run.id),
          ),
      )
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .first();
    return row ? summaryOf(row) : undefined;
  }

  async running(box: string): Promise<ScorecardRunSummary | undefined> {
    const row = await this.db<RunRow>(RUNS)
      .where({ box, status: 'running' })
      .orderBy('id', 'desc')
      .first();
    return row ? summaryOf(row) : undefined;
  }

  /** Newest first. */
  async listRuns(box: string, limit: number): Promise<ScorecardRunSummary[]> {
    const rows = await this.db<RunRow>(RUNS)
      .where({ box })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.map(summaryOf);
  }

  /** The newest `limit` successful runs, oldest first, with their scores. */
  async history(
    box: string,
    limit: number,
  ): Promise<{ run: ScorecardRunSummary; scores: ScoreDetail }[]> {
    const rows = await this.db<RunRow>(RUNS)
      .where({ box, status: 'succeeded' })
      .orderBy([
        { column: 'started_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    return rows.reverse().map(row => ({
      run: summaryOf(row),
      scores: JSON.parse(row.score_detail ?? '{"byCheck":{}}'),
    }));
  }

  /**
   * Deletes the box's runs beyond `retention.runs` (newest kept) and those started before
   * `now - retention.days`; the newest successful run always stays, so the pages never go
   * blank. Returns the ids deleted.
   */
  async applyRetention(
    box: string,
    retention: RetentionConfig,
    now: Date,
  ): Promise<number[]> {
    const rows: { id: number; started_at: string; status: string }[] =
      await this.db(RUNS)
        .where({ box })
        .whereNot({ status: 'running' })
        .orderBy([
          { column: 'started_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .select('id', 'started_at', 'status');
    const keep = rows.find(r => r.status === 'succeeded')?.id;
    const cutoff =
      retention.days !== undefined
        ? new Date(now.getTime() - retention.days * 86_400_000).toISOString()
        : undefined;
    const doomed = rows
      .filter(
        (row, index) =>
          row.id !== keep &&
          ((retention.runs !== undefined && index >= retention.runs) ||
            (cutoff !== undefined && row.started_at < cutoff)),
      )
      .map(row => Number(row.id));
    for (let i = 0; i < doomed.length; i += BATCH) {
      const ids = doomed.slice(i, i + BATCH);
      // Results first: SQLite enforces the cascade only with foreign keys switched on.
      await this.db.transaction(async tx => {
        await tx(RESULTS).whereIn('run_id', ids).delete();
        await tx(RUNS).whereIn('id', ids).delete();
      });
    }
    return doomed;
  }
}

function summaryOf(row: RunRow): ScorecardRunSummary {
  const summary: ScorecardRunSummary = {
    id: Number(row.id),
    box: row.box,
    trigger: row.trigger as ScorecardRunTrigger,
    status: row.status as ScorecardRunStatus,
    startedAt: row.started_at,
    trees: JSON.parse(row.trees),
    online: JSON.parse(row.online),
  };
  if (row.finished_at) summary.finishedAt = row.finished_at;
  if (row.score_detail) summary.score = JSON.parse(row.score_detail).box;
  if (row.counts) summary.counts = JSON.parse(row.counts);
  if (row.error) summary.error = row.error;
  if (row.requested_by) summary.requestedBy = row.requested_by;
  return summary;
}
