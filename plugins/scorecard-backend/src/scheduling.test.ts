import path from 'node:path';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import type { Knex } from 'knex';
import { scorecardTestDatabases } from './__testUtils__/databases';
import { startScorecardBackend } from './__testUtils__/scorecardBackend';
import { SCORECARD_TASK_ID } from './plugin';

const SMALL_BOX = path.resolve(__dirname, '__fixtures__/small-box');
/** The real scheduler's table of global tasks. */
const TASKS = 'backstage_backend_tasks__tasks';

const { databases, ids } = scorecardTestDatabases();

/** Polls until `ready` says yes; the test's own timeout bounds the wait. */
async function until<T>(ready: () => Promise<T | undefined>): Promise<T> {
  for (;;) {
    const value = await ready();
    if (value !== undefined) return value;
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

describe.each(ids)(
  'the weekly task with two backends on one %s',
  databaseId => {
    it('runs once, on one of them', async () => {
      const knex: Knex = await databases.init(databaseId);
      const config = {
        quadletPortal: {
          boxes: [
            { name: 'small', owner: 'group:default/ops', dotfiles: SMALL_BOX },
            { name: 'other', owner: 'group:default/ops', dotfiles: SMALL_BOX },
          ],
        },
      };
      // Two backends as two replicas would be: same config, same database, the real
      // database-backed scheduler (the default weekly cron, scope global).
      const backends = [
        await startScorecardBackend({
          knex,
          config,
          scheduler: schedulerServiceFactory,
        }),
        await startScorecardBackend({
          knex,
          config,
          scheduler: schedulerServiceFactory,
        }),
      ];
      try {
        // Both registered the task and have a worker for it.
        for (const sc of backends) {
          const { tasks } = await sc.json('/.backstage/scheduler/v1/tasks');
          expect(tasks).toEqual([
            expect.objectContaining({
              taskId: SCORECARD_TASK_ID,
              pluginId: 'scorecard',
              scope: 'global',
              settings: expect.objectContaining({ cadence: '0 6 * * 1' }),
              workerState: { status: 'idle' },
            }),
          ]);
        }
        const [row] = await knex(TASKS).where({ id: SCORECARD_TASK_ID });
        expect(row.current_run_ticket).toBeNull();

        // "It is Monday 06:00": the task is due now, for both workers.
        const trigger = await backends[0].request(
          `/.backstage/scheduler/v1/tasks/${SCORECARD_TASK_ID}/trigger`,
          { method: 'POST' },
        );
        expect(trigger.status).toBe(200);

        // Wait until the task has run and been released, then count what ran.
        await until(async () => {
          const [task] = await knex(TASKS).where({ id: SCORECARD_TASK_ID });
          return task.current_run_ticket === null && task.last_run_ended_at
            ? task
            : undefined;
        });
        const runs = await knex('scorecard_runs')
          .orderBy('id')
          .select('box', 'trigger', 'status');
        expect(runs).toEqual([
          { box: 'small', trigger: 'schedule', status: 'succeeded' },
          { box: 'other', trigger: 'schedule', status: 'succeeded' },
        ]);
        // The next run is next week's, so neither worker starts another.
        const [after] = await knex(TASKS).where({ id: SCORECARD_TASK_ID });
        expect(new Date(after.next_run_start_at).getTime()).toBeGreaterThan(
          Date.now() + 60_000,
        );
      } finally {
        for (const sc of backends) await sc.stop();
      }
    }, 60_000);
  },
);
