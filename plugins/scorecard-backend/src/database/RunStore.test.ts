import type { ScorecardFinding } from '@quadlet-portal/plugin-scorecard-common';
import { scorecardTestDatabases } from '../__testUtils__/databases';
import { RunStore, migrateScorecardDatabase } from './RunStore';

const { databases, ids } = scorecardTestDatabases();

const score = { score: 1, passing: 1, failing: 0, unknown: 0, waived: 0 };

function finding(
  checkId: string,
  status: ScorecardFinding['status'],
): ScorecardFinding {
  return {
    checkId,
    status,
    severity: 'warning',
    entity: 'unit:t:web.container',
    entityKind: 'unit',
    entityName: 'web.container',
    entityRef: 'component:b/web',
    tree: 't',
    file: 'web.container',
    line: 2,
    message: `${checkId} ${status}`,
    fingerprint: `${checkId}|unit:t:web.container|`,
  };
}

describe.each(ids)('RunStore on %s', databaseId => {
  let store: RunStore;
  beforeEach(async () => {
    const knex = await databases.init(databaseId);
    await migrateScorecardDatabase(knex);
    store = new RunStore(knex);
  });

  /** A finished run of box `b` started on `day`. */
  const run = async (
    day: string,
    status: 'succeeded' | 'failed' = 'succeeded',
  ) => {
    const id = await store.createRun({
      box: 'b',
      trigger: 'schedule',
      startedAt: `${day}T06:00:00.000Z`,
    });
    if (status === 'failed')
      await store.failRun(id, {
        finishedAt: `${day}T06:01:00.000Z`,
        error: 'cannot read tree',
      });
    else
      await store.completeRun(id, {
        finishedAt: `${day}T06:01:00.000Z`,
        trees: [{ name: 't', source: '/x', etag: 'sha256:1' }],
        scores: { box: score, byCheck: { 'image-floating-tag': score } },
        counts: { fail: 1, unknown: 0, waived: 0, pass: 1 },
        online: { images: true, knownBrokenIssues: false },
        results: [
          finding('image-floating-tag', 'fail'),
          finding('image-not-digest-pinned', 'pass'),
        ],
      });
    return id;
  };

  it('stores and reads back runs and results in order', async () => {
    const id = await run('2026-05-04');
    expect(await store.getRun(id)).toEqual({
      id,
      box: 'b',
      trigger: 'schedule',
      status: 'succeeded',
      startedAt: '2026-05-04T06:00:00.000Z',
      finishedAt: '2026-05-04T06:01:00.000Z',
      trees: [{ name: 't', source: '/x', etag: 'sha256:1' }],
      score,
      counts: { fail: 1, unknown: 0, waived: 0, pass: 1 },
      online: { images: true, knownBrokenIssues: false },
    });
    expect((await store.getResults(id)).map(r => r.message)).toEqual([
      'image-floating-tag fail',
      'image-not-digest-pinned pass',
    ]);
    expect(
      await store.getResults(id, {
        entityRef: 'Component:B/Web',
        statuses: ['pass'],
      }),
    ).toEqual([finding('image-not-digest-pinned', 'pass')]);
    expect(await store.failingFingerprints(id)).toEqual([
      'image-floating-tag|unit:t:web.container|',
    ]);
  });

  it('finds the previous successful run, skipping failed ones', async () => {
    const a = await run('2026-05-04');
    await run('2026-05-11', 'failed');
    const c = await run('2026-05-18');
    const latest = (await store.latestSucceeded('b'))!;
    expect(latest.id).toBe(c);
    expect((await store.previousSucceeded(latest))?.id).toBe(a);
    expect(
      await store.previousSucceeded((await store.getRun(a))!),
    ).toBeUndefined();
  });

  it('keeps the newest runs by count', async () => {
    const made = [];
    for (const day of ['2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27'])
      made.push(await run(day));
    const deleted = await store.applyRetention(
      'b',
      { runs: 2 },
      new Date('2026-05-01'),
    );
    expect(deleted.sort()).toEqual([made[0], made[1]].sort());
    expect((await store.listRuns('b', 10)).map(r => r.id)).toEqual([
      made[3],
      made[2],
    ]);
    expect(await store.getResults(made[0])).toEqual([]);
  });

  it('drops runs older than the days kept, but never the newest successful one', async () => {
    const old = await run('2026-01-05');
    const older = await run('2025-12-29');
    const failed = await run('2026-04-27', 'failed');
    // On 2026-05-01 with 30 days kept, only the failed run is recent; the January run stays
    // because it is the newest that succeeded.
    const deleted = await store.applyRetention(
      'b',
      { days: 30 },
      new Date('2026-05-01T12:00:00Z'),
    );
    expect(deleted).toEqual([older]);
    expect((await store.listRuns('b', 10)).map(r => r.id)).toEqual([
      failed,
      old,
    ]);
  });

  it('marks runs left running by a stopped backend as failed', async () => {
    const id = await store.createRun({
      box: 'b',
      trigger: 'manual',
      startedAt: '2026-05-04T06:00:00.000Z',
    });
    expect(
      await store.failStaleRuns(
        'b',
        '2026-05-04T05:00:00.000Z',
        '2026-05-04T12:00:00.000Z',
      ),
    ).toBe(0);
    expect((await store.running('b'))?.id).toBe(id);
    expect(
      await store.failStaleRuns(
        'b',
        '2026-05-04T07:00:00.000Z',
        '2026-05-04T12:00:00.000Z',
      ),
    ).toBe(1);
    expect(await store.running('b')).toBeUndefined();
    expect(await store.getRun(id)).toMatchObject({
      status: 'failed',
      error: 'interrupted: the backend running it stopped before it finished',
    });
  });
});
