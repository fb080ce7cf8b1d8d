import { scorecardTestDatabases } from '../__testUtils__/databases';
import {
  MIGRATIONS_DIR,
  MIGRATIONS_TABLE,
  migrateScorecardDatabase,
} from './RunStore';

const { databases, ids } = scorecardTestDatabases();

describe.each(ids)('scorecard migrations on %s', databaseId => {
  it('go up, down and up again', async () => {
    const knex = await databases.init(databaseId);
    const options = { directory: MIGRATIONS_DIR, tableName: MIGRATIONS_TABLE };

    await migrateScorecardDatabase(knex);
    expect(await knex.schema.hasTable('scorecard_runs')).toBe(true);
    expect(await knex.schema.hasTable('scorecard_results')).toBe(true);
    for (const column of [
      'box',
      'status',
      'started_at',
      'finished_at',
      'trees',
      'score_detail',
      'online',
    ])
      expect(await knex.schema.hasColumn('scorecard_runs', column)).toBe(true);
    for (const column of [
      'run_id',
      'check_id',
      'status',
      'entity_ref',
      'fingerprint',
      'result',
    ])
      expect(await knex.schema.hasColumn('scorecard_results', column)).toBe(
        true,
      );
    const [, pending] = await knex.migrate.list(options);
    expect(pending).toEqual([]);

    // A row survives a second `latest` (nothing to do), and a result needs its run.
    const [{ id }] = await knex('scorecard_runs').insert(
      {
        box: 'b',
        trigger: 'manual',
        status: 'running',
        started_at: '2026-05-04T06:00:00.000Z',
        trees: '[]',
        online: '{}',
      },
      ['id'],
    );
    await knex('scorecard_results').insert({
      run_id: id,
      check_id: 'image-floating-tag',
      status: 'fail',
      severity: 'warning',
      entity: 'unit:t:web.container',
      entity_ref: 'component:b/web',
      fingerprint: 'image-floating-tag|unit:t:web.container|',
      result: '{}',
    });
    await migrateScorecardDatabase(knex);
    expect(
      Number((await knex('scorecard_results').count({ n: '*' }))[0].n),
    ).toBe(1);

    await knex.migrate.rollback(options, true);
    expect(await knex.schema.hasTable('scorecard_results')).toBe(false);
    expect(await knex.schema.hasTable('scorecard_runs')).toBe(false);
    const [done, todo] = await knex.migrate.list(options);
    expect(done).toEqual([]);
    expect(todo.map((m: { file: string }) => m.file)).toEqual([
      '20260501120000_init.js',
    ]);

    await migrateScorecardDatabase(knex);
    expect(await knex.schema.hasTable('scorecard_runs')).toBe(true);
  });
});
