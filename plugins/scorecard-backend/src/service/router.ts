import type {
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  type BasicPermission,
} from '@backstage/plugin-permission-common';
import { CHECKS } from '@quadlet-portal/core';
import {
  findingsToCsv,
  findingsToMarkdown,
  scorecardReadPermission,
  scorecardRunPermission,
  type ScorecardBoxSummary,
  type ScorecardCheckHistoryPoint,
  type ScorecardCheckInfo,
  type ScorecardDiff,
  type ScorecardEntityResults,
  type ScorecardHistoryPoint,
  type ScorecardRun,
  type ScorecardRunStarted,
  type ScorecardRunSummary,
  type ScorecardStatus,
} from '@quadlet-portal/plugin-scorecard-common';
import express from 'express';
import Router from 'express-promise-router';
import type { RunStore } from '../database/RunStore';
import { diffFindings } from '../run/diffRuns';
import type { ScorecardRunner } from '../run/ScorecardRunner';

const STATUSES: readonly ScorecardStatus[] = [
  'fail',
  'unknown',
  'waived',
  'pass',
];
/** What an export holds unless `?status=` says otherwise: everything but passes. */
const EXPORT_STATUSES: readonly ScorecardStatus[] = [
  'fail',
  'unknown',
  'waived',
];

export interface RouterOptions {
  store: RunStore;
  runner: ScorecardRunner;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}

/** The scorecard's HTTP API (docs/scorecard.md#api), mounted at `/api/scorecard`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { store, runner, httpAuth, permissions } = options;
  const router = Router();
  router.use(express.json());

  const authorize = async (
    req: express.Request,
    permission: BasicPermission,
  ): Promise<BackstageCredentials> => {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW)
      throw new NotAllowedError(`not allowed: ${permission.name}`);
    return credentials;
  };
  const boxOf = (name: string) => {
    const box = runner.box(name);
    if (!box) throw new NotFoundError(`no box named "${name}" is configured`);
    return box;
  };
  const runOf = async (id: string) => {
    const run = /^\d+$/.test(id) ? await store.getRun(Number(id)) : undefined;
    if (!run) throw new NotFoundError(`no run ${id}`);
    return run;
  };

  /** A run with its results and what is new since the box's previous successful run. */
  const fullRun = async (run: ScorecardRunSummary): Promise<ScorecardRun> => {
    const [results, scores, previous] = await Promise.all([
      store.getResults(run.id),
      store.getScores(run.id),
      run.status === 'succeeded' ? store.previousSucceeded(run) : undefined,
    ]);
    const before = previous
      ? new Set(await store.failingFingerprints(previous.id))
      : new Set<string>();
    return {
      ...run,
      scoreByCheck: scores?.byCheck ?? {},
      results,
      newFingerprints: results
        .filter(r => r.status === 'fail' && !before.has(r.fingerprint))
        .map(r => r.fingerprint),
      ...(previous ? { previousRunId: previous.id } : {}),
    };
  };

  router.get('/checks', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const checks: ScorecardCheckInfo[] = CHECKS.map(check => ({
      id: check.id,
      title: check.title,
      severity: check.severity,
      rationale: check.rationale,
      remediation: check.remediation,
      fixableByBump: check.fixableByBump,
      docs: check.docs,
      online: check.online,
    }));
    res.json(checks);
  });

  router.get('/boxes', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const boxes: ScorecardBoxSummary[] = await Promise.all(
      runner.boxes.map(async box => {
        const [latest, running] = await Promise.all([
          store.latestSucceeded(box.name),
          store.running(box.name),
        ]);
        return {
          box: box.name,
          ...(box.title ? { title: box.title } : {}),
          owner: box.owner,
          ...(latest ? { latest } : {}),
          ...(running ? { running } : {}),
        };
      }),
    );
    res.json(boxes);
  });

  router.get('/boxes/:box/latest', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const box = boxOf(req.params.box);
    const latest = await store.latestSucceeded(box.name);
    if (!latest)
      throw new NotFoundError(`box "${box.name}" has no successful run yet`);
    res.json(await fullRun(latest));
  });

  router.get('/boxes/:box/runs', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const box = boxOf(req.params.box);
    res.json(await store.listRuns(box.name, limitOf(req, 20)));
  });

  router.get('/boxes/:box/history', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const box = boxOf(req.params.box);
    const points: ScorecardHistoryPoint[] = (
      await store.history(box.name, limitOf(req, 52))
    ).map(({ run, scores }) => ({
      runId: run.id,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt ?? run.startedAt,
      score: scores.box,
      byCheck: scores.byCheck,
      counts: run.counts ?? { fail: 0, unknown: 0, waived: 0, pass: 0 },
    }));
    res.json(points);
  });

  router.get('/boxes/:box/checks/:checkId/history', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const box = boxOf(req.params.box);
    const { checkId } = req.params;
    if (!CHECKS.some(c => c.id === checkId))
      throw new NotFoundError(`no check named "${checkId}"`);
    const history = await store.history(box.name, limitOf(req, 52));
    const points: ScorecardCheckHistoryPoint[] = await Promise.all(
      history.map(async ({ run, scores }) => {
        const score = scores.byCheck[checkId];
        return {
          runId: run.id,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt ?? run.startedAt,
          ...(score ? { score } : {}),
          failing: await store.failingFingerprints(run.id, checkId),
        };
      }),
    );
    res.json(points);
  });

  router.get('/boxes/:box/findings.:format', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const box = boxOf(req.params.box);
    const { format } = req.params;
    if (format !== 'csv' && format !== 'md')
      throw new NotFoundError(`no export format "${format}" (csv or md)`);
    const statuses = statusesOf(req);
    const latest = await store.latestSucceeded(box.name);
    if (!latest)
      throw new NotFoundError(`box "${box.name}" has no successful run yet`);
    const findings = await store.getResults(latest.id, { statuses });
    const stamp = latest.startedAt.slice(0, 10);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="scorecard-${box.name}-${stamp}.${format}"`,
    );
    if (format === 'csv') {
      res.type('text/csv; charset=utf-8').send(findingsToCsv(findings));
    } else {
      res
        .type('text/markdown; charset=utf-8')
        .send(findingsToMarkdown(findings, latest));
    }
  });

  router.get('/runs/:id', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    res.json(await fullRun(await runOf(req.params.id)));
  });

  router.get('/runs/:id/diff', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const to = await runOf(req.params.id);
    let from: ScorecardRunSummary | undefined;
    if (req.query.from !== undefined) {
      from = await runOf(String(req.query.from));
      if (from.box !== to.box)
        throw new InputError(
          `run ${from.id} is of box "${from.box}", run ${to.id} of "${to.box}"`,
        );
    } else {
      from = await store.previousSucceeded(to);
      if (!from)
        throw new NotFoundError(
          `run ${to.id} has no earlier successful run to compare with`,
        );
    }
    const [before, after] = await Promise.all([
      store.getResults(from.id, { statuses: ['fail'] }),
      store.getResults(to.id, { statuses: ['fail'] }),
    ]);
    const diff: ScorecardDiff = {
      box: to.box,
      from,
      to,
      ...diffFindings(before, after),
    };
    res.json(diff);
  });

  router.get('/entity', async (req, res) => {
    await authorize(req, scorecardReadPermission);
    const written = typeof req.query.ref === 'string' ? req.query.ref : '';
    let entityRef: string;
    try {
      entityRef = stringifyEntityRef(parseEntityRef(written)).toLocaleLowerCase(
        'en-US',
      );
    } catch {
      throw new InputError(
        `ref "${written}" is not an entity ref (kind:namespace/name)`,
      );
    }
    // Every entity of a box lives in the box's namespace.
    const box = runner.box(parseEntityRef(entityRef).namespace);
    const latest = box ? await store.latestSucceeded(box.name) : undefined;
    if (!box || !latest)
      throw new NotFoundError(`no scorecard run covers ${entityRef}`);
    const run = await fullRun(latest);
    const results = run.results.filter(
      r => r.entityRef?.toLocaleLowerCase('en-US') === entityRef,
    );
    const fresh = new Set(run.newFingerprints);
    const answer: ScorecardEntityResults = {
      entityRef,
      box: box.name,
      run: latest,
      results,
      newFingerprints: results
        .filter(r => fresh.has(r.fingerprint))
        .map(r => r.fingerprint),
    };
    res.json(answer);
  });

  router.post('/runs', async (req, res) => {
    const credentials = await authorize(req, scorecardRunPermission);
    const name = req.body?.box;
    if (typeof name !== 'string' || name === '')
      throw new InputError('give the box to run: {"box": "<name>"}');
    boxOf(name);
    const principal = credentials.principal as {
      type: string;
      userEntityRef?: string;
      subject?: string;
    };
    const started = await runner.start(name, 'manual', {
      requestedBy: principal.userEntityRef ?? principal.subject,
    });
    const answer: ScorecardRunStarted = {
      run: started.run,
      alreadyRunning: started.alreadyRunning,
    };
    res.status(202).location(`runs/${started.run.id}`).json(answer);
  });

  return router;
}

function limitOf(req: express.Request, fallback: number): number {
  const written = req.query.limit;
  if (written === undefined) return fallback;
  const limit = Number(written);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new InputError(`limit must be a whole number from 1 to 1000`);
  return limit;
}

function statusesOf(req: express.Request): readonly ScorecardStatus[] {
  const written = req.query.status;
  if (written === undefined) return EXPORT_STATUSES;
  const statuses = String(written)
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  const bad = statuses.filter(s => !STATUSES.includes(s as ScorecardStatus));
  if (bad.length > 0 || statuses.length === 0)
    throw new InputError(
      `status must list some of ${STATUSES.join(', ')}; got "${written}"`,
    );
  return statuses as ScorecardStatus[];
}
