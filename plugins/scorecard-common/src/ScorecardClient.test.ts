import { ScorecardClient } from './ScorecardClient';

function fakeBackend(answer: (url: string, init?: RequestInit) => Response) {
  const calls: { url: string; init?: RequestInit }[] = [];
  const client = new ScorecardClient({
    discoveryApi: {
      getBaseUrl: async id => `http://backend.test/api/${id}`,
    },
    fetchApi: {
      fetch: (async (url: string, init?: RequestInit) => {
        calls.push({ url, init });
        return answer(url, init);
      }) as typeof fetch,
    },
  });
  return { client, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

describe('ScorecardClient', () => {
  it('builds each route under /api/scorecard, encoding parameters', async () => {
    const { client, calls } = fakeBackend(() => json([]));
    await client.listBoxes();
    await client.listRuns('sodimo', { limit: 5 });
    await client.getHistory('sodimo');
    await client.getCheckHistory('sodimo', 'image-floating-tag', { limit: 3 });
    await client.getDiff(7);
    await client.getDiff(7, 4);
    await client.getEntityResults('component:sodimo/piler');
    await client.listChecks();
    expect(calls.map(c => c.url)).toEqual([
      'http://backend.test/api/scorecard/boxes',
      'http://backend.test/api/scorecard/boxes/sodimo/runs?limit=5',
      'http://backend.test/api/scorecard/boxes/sodimo/history',
      'http://backend.test/api/scorecard/boxes/sodimo/checks/image-floating-tag/history?limit=3',
      'http://backend.test/api/scorecard/runs/7/diff',
      'http://backend.test/api/scorecard/runs/7/diff?from=4',
      'http://backend.test/api/scorecard/entity?ref=component%3Asodimo%2Fpiler',
      'http://backend.test/api/scorecard/checks',
    ]);
  });

  it('posts a run request as JSON', async () => {
    const { client, calls } = fakeBackend(() =>
      json({ run: { id: 3, status: 'running' }, alreadyRunning: false }, 202),
    );
    const started = await client.startRun('sodimo');
    expect(started.run.id).toBe(3);
    expect(calls[0].init?.method).toBe('POST');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ box: 'sodimo' });
  });

  it('answers undefined for a box or entity without results, and throws other errors with the status', async () => {
    const { client } = fakeBackend(url =>
      url.includes('/runs/9')
        ? json({ error: { name: 'NotAllowedError', message: 'denied' } }, 403)
        : json({ error: { name: 'NotFoundError', message: 'none' } }, 404),
    );
    await expect(client.getLatestRun('sodimo')).resolves.toBeUndefined();
    await expect(
      client.getEntityResults('component:sodimo/nope'),
    ).resolves.toBeUndefined();
    await expect(client.getRun(9)).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 403,
    });
  });

  it('returns exports as text', async () => {
    const { client, calls } = fakeBackend(
      () => new Response('check,status\n', { status: 200 }),
    );
    expect(
      await client.exportFindings('sodimo', 'csv', {
        statuses: ['fail', 'waived'],
      }),
    ).toBe('check,status\n');
    expect(calls[0].url).toBe(
      'http://backend.test/api/scorecard/boxes/sodimo/findings.csv?status=fail%2Cwaived',
    );
  });
});
