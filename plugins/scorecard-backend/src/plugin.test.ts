import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  ScorecardBoxSummary,
  ScorecardDiff,
  ScorecardEntityResults,
  ScorecardFinding,
  ScorecardRun,
} from '@quadlet-portal/plugin-scorecard-common';
import {
  SODIMO_ONLINE_EXTRA_FAILURE,
  SODIMO_SEEDED_FAILURES,
} from './__fixtures__/sodimoSeededFailures';
import { scorecardTestDatabases } from './__testUtils__/databases';
import {
  fakeRegistry,
  startScorecardBackend,
} from './__testUtils__/scorecardBackend';
import { SCORECARD_TASK_ID } from './plugin';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const SMALL_BOX = path.resolve(__dirname, '__fixtures__/small-box');

const sodimoBox = {
  name: 'sodimo',
  title: 'Sodimo harness',
  owner: 'group:default/box-admins',
  dotfiles: path.join(EXAMPLES, 'sodimo/dotfiles'),
  os: path.join(EXAMPLES, 'sodimo/harness'),
};

/** `check subject tree:path:line [detail]`, as the core's example test writes findings. */
const line = (r: ScorecardFinding) =>
  `${r.checkId} ${r.entityRef ?? r.entity} ${r.tree}:${r.file}:${r.line}${
    r.detail !== undefined ? ` [${r.detail}]` : ''
  }`;

/** Failing results on the example box, online: the seeded ones and the missing placeholder tag. */
const SODIMO_FAILURES = SODIMO_SEEDED_FAILURES.length + 1;

const { databases, ids } = scorecardTestDatabases();

describe.each(ids)('scorecard backend on %s', databaseId => {
  let temp: string[] = [];
  afterEach(() => {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
    temp = [];
  });

  /** A copy of the small fixture box that a test may change between runs. */
  const smallBoxCopy = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qp-scorecard-'));
    temp.push(dir);
    cpSync(SMALL_BOX, dir, { recursive: true });
    return dir;
  };

  it('reports exactly the seeded problems of the example box, one by one', async () => {
    const registry = fakeRegistry();
    const sc = await startScorecardBackend({
      knex: await databases.init(databaseId),
      config: { quadletPortal: { boxes: [sodimoBox] } },
      resolveDigest: registry.resolveDigest,
    });
    const run = await sc.runBox('sodimo');
    expect(run).toMatchObject({
      box: 'sodimo',
      trigger: 'manual',
      status: 'succeeded',
      requestedBy: 'user:default/mock',
      online: {
        images: true,
        knownBrokenIssues: false,
        notes: [
          'no tree of the box is read from GitHub, so no issue was looked up',
        ],
      },
    });
    expect(
      run.trees.map((t: { name: string; etag: string }) => t.name),
    ).toEqual(['dotfiles', 'harness']);
    expect(run.trees[0].etag).toMatch(/^sha256:[0-9a-f]{64}$/);

    const latest: ScorecardRun = await sc.json('/boxes/sodimo/latest');
    expect(latest.id).toBe(run.id);
    const failures = latest.results.filter(r => r.status === 'fail');
    expect(failures.map(line).sort()).toEqual(
      [...SODIMO_SEEDED_FAILURES, SODIMO_ONLINE_EXTRA_FAILURE].sort(),
    );
    // Online, only GitHub's known-broken issues stay undecided (no GitHub tree to ask).
    expect([
      ...new Set(
        latest.results.filter(r => r.status === 'unknown').map(r => r.checkId),
      ),
    ]).toEqual(['unit-known-broken']);
    expect(registry.asked).toContain(
      'ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y',
    );
    expect(latest.counts).toEqual({
      fail: failures.length,
      unknown: 47,
      waived: 0,
      pass: latest.results.length - failures.length - 47,
    });
    // The first run of a box: every failure is new, and nobody is notified.
    expect(latest.newFingerprints).toEqual(failures.map(f => f.fingerprint));
    expect(latest.previousRunId).toBeUndefined();
    expect(sc.notifications).toEqual([]);
    // Local trees have no browsable link.
    expect(latest.results.some(r => r.url !== undefined)).toBe(false);
    await sc.stop();
  });

  it('answers every read route', async () => {
    const sc = await startScorecardBackend({
      knex: await databases.init(databaseId),
      config: {
        quadletPortal: {
          boxes: [
            sodimoBox,
            { name: 'small', owner: 'group:default/ops', dotfiles: SMALL_BOX },
          ],
        },
      },
    });
    // Before any run.
    expect((await sc.request('/boxes/sodimo/latest')).status).toBe(404);
    const run = await sc.runBox('sodimo');

    const checks = await sc.json('/checks');
    expect(checks).toHaveLength(23);
    expect(
      checks.find((c: { id: string }) => c.id === 'image-floating-tag'),
    ).toEqual({
      id: 'image-floating-tag',
      title: 'Image on a floating tag',
      severity: 'warning',
      rationale: expect.stringContaining('floating tag'),
      remediation: expect.any(String),
      fixableByBump: true,
      docs: 'docs/checks.md#image-floating-tag',
      online: false,
    });

    const boxes: ScorecardBoxSummary[] = await sc.json('/boxes');
    expect(boxes).toEqual([
      {
        box: 'sodimo',
        title: 'Sodimo harness',
        owner: 'group:default/box-admins',
        latest: expect.objectContaining({ id: run.id, status: 'succeeded' }),
      },
      { box: 'small', owner: 'group:default/ops' },
    ]);
    expect(boxes[0].latest!.score).toEqual({
      score: expect.any(Number),
      passing: expect.any(Number),
      failing: 23,
      unknown: 0,
      waived: 0,
    });

    expect(await sc.json('/boxes/sodimo/runs')).toEqual([
      expect.objectContaining({ id: run.id }),
    ]);
    const history = await sc.json('/boxes/sodimo/history');
    expect(history).toEqual([
      {
        runId: run.id,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        score: run.score,
        byCheck: expect.objectContaining({
          'image-floating-tag': expect.objectContaining({ failing: 4 }),
          'kernel-arg-missing': {
            score: 0,
            passing: 0,
            failing: 1,
            unknown: 0,
            waived: 0,
          },
        }),
        counts: run.counts,
      },
    ]);
    const checkHistory = await sc.json(
      '/boxes/sodimo/checks/image-floating-tag/history',
    );
    expect(checkHistory).toEqual([
      {
        runId: run.id,
        startedAt: run.startedAt,
        finishedAt: run.finishedAt,
        score: history[0].byCheck['image-floating-tag'],
        failing: [
          'image-floating-tag|unit:dotfiles:home/dot_config/containers/systemd/cockpit.container|',
          'image-floating-tag|unit:dotfiles:home/dot_config/containers/systemd/litellm.container|',
          'image-floating-tag|unit:dotfiles:home/dot_config/containers/systemd/llama-swap.container|',
          'image-floating-tag|unit:dotfiles:home/dot_config/containers/systemd/openwebui.container|',
        ],
      },
    ]);

    const piler: ScorecardEntityResults = await sc.json(
      `/entity?ref=${encodeURIComponent('component:sodimo/piler')}`,
    );
    expect(piler.box).toBe('sodimo');
    expect(piler.run.id).toBe(run.id);
    expect(
      piler.results
        .filter(r => r.status === 'fail')
        .map(r => r.checkId)
        .sort(),
    ).toEqual(['image-not-digest-pinned', 'unit-known-broken']);
    expect(
      piler.results.every(r => r.entityRef === 'component:sodimo/piler'),
    ).toBe(true);
    expect(
      piler.results.find(r => r.checkId === 'unit-known-broken')!.message,
    ).toContain('sodimo/dotfiles#17, D-106');
    // Refs are case-insensitive, as in the catalog.
    const upper: ScorecardEntityResults = await sc.json(
      `/entity?ref=${encodeURIComponent('Component:Sodimo/Piler')}`,
    );
    expect(upper.results).toEqual(piler.results);

    const csv = await sc.request('/boxes/sodimo/findings.csv');
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toMatch(
      /^attachment; filename="scorecard-sodimo-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const rows = (await csv.text()).split('\r\n').filter(Boolean);
    expect(rows[0]).toBe(
      'status,severity,check,subject,entity_ref,detail,tree,file,line,message,waiver_decision,waiver_expires,waiver_expired,url,fingerprint',
    );
    expect(rows).toHaveLength(1 + SODIMO_FAILURES + 47);
    expect(rows).toContain(
      'fail,error,kernel-arg-forbidden,kernel arguments,resource:sodimo/kernel-args,amd_iommu=off,harness,' +
        'mkosi.extra/usr/lib/bootc/kargs.d/00-strix-halo.toml,9,forbidden kernel argument `amd_iommu=off` is set (bootc kargs.d),,,,,' +
        'kernel-arg-forbidden|kernel-args:kernel-args|amd_iommu=off',
    );
    const onlyFailures = await (
      await sc.request('/boxes/sodimo/findings.csv?status=fail')
    ).text();
    expect(onlyFailures.split('\r\n').filter(Boolean)).toHaveLength(
      1 + SODIMO_FAILURES,
    );

    const md = await sc.request('/boxes/sodimo/findings.md?status=fail');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    const mdText = await md.text();
    expect(mdText).toMatch(
      new RegExp(
        `^### Scorecard sodimo, run ${run.id} \\(\\d{4}-\\d{2}-\\d{2}\\): \\d+%\n\n`,
      ),
    );
    expect(mdText).toContain(
      '| fail | error | `unit-known-broken` | piler.container | `dotfiles:home/dot_config/containers/systemd/piler.container:1` |',
    );
    expect(mdText.split('\n').filter(l => l.startsWith('| fail'))).toHaveLength(
      SODIMO_FAILURES,
    );

    // Errors say what is wrong.
    const status = async (p: string) => (await sc.request(p)).status;
    expect(await status('/boxes/nope/latest')).toBe(404);
    expect(await status('/boxes/small/latest')).toBe(404);
    expect(await status('/boxes/sodimo/findings.xml')).toBe(404);
    expect(await status('/boxes/sodimo/checks/no-such-check/history')).toBe(
      404,
    );
    expect(await status('/runs/999999')).toBe(404);
    expect(await status('/runs/abc')).toBe(404);
    expect(await status(`/runs/${run.id}/diff`)).toBe(404);
    expect(await status('/entity?ref=component:elsewhere/x')).toBe(404);
    expect(await status('/entity?ref=nokind')).toBe(400);
    expect(await status('/boxes/sodimo/runs?limit=0')).toBe(400);
    expect(await status('/boxes/sodimo/findings.csv?status=bad')).toBe(400);
    expect((await sc.request('/boxes', { as: 'none' })).status).toBe(401);
    expect((await sc.request('/boxes', { as: 'invalid' })).status).toBe(401);
    const noBox = await sc.request('/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ box: 'nope' }),
    });
    expect(noBox.status).toBe(404);
    const noBody = await sc.request('/runs', { method: 'POST' });
    expect(noBody.status).toBe(400);
    await sc.stop();
  });

  it('diffs two runs by fingerprint, notifies the owner of new failures, and keeps the newest runs', async () => {
    const dir = smallBoxCopy();
    const sc = await startScorecardBackend({
      knex: await databases.init(databaseId),
      config: {
        quadletPortal: {
          boxes: [{ name: 'small', owner: 'group:default/ops', dotfiles: dir }],
          scorecard: { retention: { runs: 2 } },
        },
      },
    });
    const first = await sc.runBox('small');
    expect(sc.notifications).toEqual([]);

    // web gets pinned; cache moves to a floating tag.
    writeFileSync(
      path.join(dir, 'web.container'),
      `[Container]\nImage=docker.io/library/nginx:1.27@sha256:${'2'.repeat(
        64,
      )}\n\n[Install]\nWantedBy=default.target\n`,
    );
    writeFileSync(
      path.join(dir, 'cache.container'),
      '[Unit]\nDescription=Cache\n\n[Container]\nImage=docker.io/library/redis:latest\n\n[Install]\nWantedBy=default.target\n',
    );
    const second = await sc.runBox('small');
    // The tree is named after its folder: the copy's.
    const tree = path.basename(dir);
    const fpOf = (check: string, unit: string) =>
      `${check}|unit:${tree}:${unit}|`;

    const diff: ScorecardDiff = await sc.json(`/runs/${second.id}/diff`);
    expect(diff.from.id).toBe(first.id);
    expect(diff.to.id).toBe(second.id);
    expect(diff.new.map(f => f.fingerprint)).toEqual([
      fpOf('image-floating-tag', 'cache.container'),
    ]);
    expect(diff.resolved.map(f => f.fingerprint).sort()).toEqual(
      [
        fpOf('image-floating-tag', 'web.container'),
        fpOf('image-not-digest-pinned', 'web.container'),
      ].sort(),
    );
    expect(diff.stillFailing.map(f => f.fingerprint)).toEqual([
      fpOf('image-not-digest-pinned', 'cache.container'),
    ]);
    // The cache finding moved from the version tag to the floating one; its line is the new one.
    expect(diff.stillFailing[0].message).toContain('redis:latest');
    expect(await sc.json(`/runs/${second.id}/diff?from=${first.id}`)).toEqual(
      diff,
    );
    const latest: ScorecardRun = await sc.json('/boxes/small/latest');
    expect(latest.newFingerprints).toEqual([
      fpOf('image-floating-tag', 'cache.container'),
    ]);
    expect(latest.previousRunId).toBe(first.id);

    expect(sc.notifications).toEqual([
      {
        recipients: { type: 'entity', entityRef: 'group:default/ops' },
        payload: {
          title: 'Scorecard small: 1 new failing finding',
          description: `image-floating-tag on cache.container (${tree}:cache.container:5)`,
          link: '/scorecard/small',
          severity: 'normal',
          topic: 'quadlet-portal-scorecard',
          scope: `quadlet-portal-scorecard:small:${second.id}`,
        },
      },
    ]);

    // Nothing new in a third run: no notification; retention keeps the newest two runs.
    const third = await sc.runBox('small');
    expect(sc.notifications).toHaveLength(1);
    const runs = await sc.json('/boxes/small/runs');
    expect(runs.map((r: { id: number }) => r.id)).toEqual([
      third.id,
      second.id,
    ]);
    expect((await sc.request(`/runs/${first.id}`)).status).toBe(404);
    const thirdDiff: ScorecardDiff = await sc.json(`/runs/${third.id}/diff`);
    expect(thirdDiff.new).toEqual([]);
    expect(thirdDiff.resolved).toEqual([]);
    expect(thirdDiff.stillFailing).toHaveLength(2);
    await sc.stop();
  });

  it('stores a run that cannot read a tree as failed, with the reason', async () => {
    const sc = await startScorecardBackend({
      knex: await databases.init(databaseId),
      config: {
        quadletPortal: {
          boxes: [
            {
              name: 'gone',
              owner: 'group:default/ops',
              dotfiles: path.join(os.tmpdir(), 'qp-no-such-folder'),
            },
          ],
        },
      },
    });
    const run = await sc.runBox('gone');
    expect(run).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(
        /^cannot read tree "qp-no-such-folder" from .*qp-no-such-folder: Error: ENOENT/,
      ),
      results: [],
    });
    expect((await sc.request('/boxes/gone/latest')).status).toBe(404);
    await sc.stop();
  });

  it('runs every box from the weekly task', async () => {
    const sc = await startScorecardBackend({
      knex: await databases.init(databaseId),
      config: {
        quadletPortal: {
          boxes: [
            sodimoBox,
            { name: 'small', owner: 'group:default/ops', dotfiles: SMALL_BOX },
          ],
        },
      },
    });
    await sc.scheduler.triggerTask(SCORECARD_TASK_ID);
    const boxes: ScorecardBoxSummary[] = await sc.json('/boxes');
    expect(
      boxes.map(b => `${b.box} ${b.latest?.trigger} ${b.latest?.status}`),
    ).toEqual(['sodimo schedule succeeded', 'small schedule succeeded']);
    await sc.stop();
  });

  it('starts one run per box at a time', async () => {
    let release!: () => void;
    const gate = new Promise<void>(resolve => {
      release = resolve;
    });
    const sc = await startScorecardBackend({
      knex: await databases.init(databaseId),
      config: {
        quadletPortal: {
          boxes: [
            { name: 'small', owner: 'group:default/ops', dotfiles: SMALL_BOX },
          ],
        },
      },
      // The registry answers only once the test lets it, so the first run is still going.
      resolveDigest: async () => {
        await gate;
        return { status: 'ok', digest: `sha256:${'0'.repeat(64)}` };
      },
    });
    const post = () =>
      sc.request('/runs', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ box: 'small' }),
      });
    const [a, b] = await Promise.all([post(), post()]);
    expect([a.status, b.status]).toEqual([202, 202]);
    const answers = [await a.json(), await b.json()];
    expect(answers.map(x => x.alreadyRunning).sort()).toEqual([false, true]);
    expect(answers[0].run.id).toBe(answers[1].run.id);
    expect(answers[0].run.status).toBe('running');
    const boxes: ScorecardBoxSummary[] = await sc.json('/boxes');
    expect(boxes[0].running?.id).toBe(answers[0].run.id);
    release();
    const done = await sc.waitForRun(answers[0].run.id);
    expect(done.status).toBe('succeeded');
    expect(await sc.json('/boxes/small/runs')).toHaveLength(1);
    await sc.stop();
  });

  it('refuses to start or show runs without the permissions', async () => {
    const sc = await startScorecardBackend({
      knex: await databases.init(databaseId),
      config: { quadletPortal: { boxes: [sodimoBox] } },
      permission: AuthorizeResult.DENY,
    });
    const post = await sc.request('/runs', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ box: 'sodimo' }),
    });
    expect(post.status).toBe(403);
    expect((await post.json()).error).toMatchObject({
      name: 'NotAllowedError',
      message: 'not allowed: quadlet-portal.scorecard.run',
    });
    expect((await sc.request('/boxes')).status).toBe(403);
    expect(await sc.json('/boxes').catch(e => String(e))).toContain(
      'quadlet-portal.scorecard.read',
    );
    await sc.stop();
  });
});
