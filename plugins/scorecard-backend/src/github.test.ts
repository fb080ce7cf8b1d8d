import path from 'node:path';
import type {
  ScorecardFinding,
  ScorecardRun,
} from '@quadlet-portal/plugin-scorecard-common';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { scorecardTestDatabases } from './__testUtils__/databases';
import { fakeUrlReader } from './__testUtils__/fakeUrlReader';
import { githubIssue } from './__testUtils__/githubIssues';
import { startScorecardBackend } from './__testUtils__/scorecardBackend';

const EXAMPLES = path.resolve(__dirname, '../../../examples');
const DOTFILES_URL = 'https://github.com/sodimo/dotfiles/tree/main';
const COMMIT = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
const ISSUES = 'https://api.github.com/repos/sodimo/dotfiles/issues';
const TOKEN = 'ghp_scorecardTestToken0000000000000000';

const issue = (
  number: number,
  title: string,
  labels: string[],
  pullRequest = false,
) =>
  githubIssue({
    owner: 'sodimo',
    repo: 'dotfiles',
    number,
    title,
    labels,
    pullRequest,
  });

/** GitHub's API for the test: requests to anything but loopback (the test backend) must be served. */
const server = setupServer();
beforeAll(() =>
  server.listen({
    onUnhandledRequest(request, print) {
      if (new URL(request.url).hostname !== '127.0.0.1') print.error();
    },
  }),
);
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const { databases } = scorecardTestDatabases();

/** The example box with its dotfiles read from GitHub (served from examples/), its OS tree local. */
async function startGithubBox() {
  const reader = fakeUrlReader({
    [DOTFILES_URL]: {
      dir: path.join(EXAMPLES, 'sodimo/dotfiles'),
      commit: COMMIT,
    },
  });
  const sc = await startScorecardBackend({
    knex: await databases.init('SQLITE_3'),
    config: {
      integrations: { github: [{ host: 'github.com', token: TOKEN }] },
      quadletPortal: {
        boxes: [
          {
            name: 'sodimo',
            owner: 'group:default/box-admins',
            dotfiles: DOTFILES_URL,
            os: path.join(EXAMPLES, 'sodimo/harness'),
          },
        ],
      },
    },
    urlReader: reader.factory,
  });
  return { sc, reader };
}

const knownBroken = (run: ScorecardRun) =>
  run.results.filter(r => r.checkId === 'unit-known-broken');
const byStatus = (results: ScorecardFinding[], status: string) =>
  results
    .filter(r => r.status === status)
    .map(r => r.entityName)
    .sort();

describe('open GitHub issues with the known-broken label', () => {
  it('fail the units they name, read page by page with the integration token', async () => {
    const requests: { url: URL; authorization: string | null }[] = [];
    server.use(
      http.get(ISSUES, ({ request }) => {
        const url = new URL(request.url);
        requests.push({
          url,
          authorization: request.headers.get('authorization'),
        });
        if (url.searchParams.get('page') === '2')
          return HttpResponse.json([
            issue(23, 'Storage is flaky since the last update', [
              'known-broken',
            ]),
            issue(24, 'Worker stops after an hour', [
              'known-broken',
              'unit:twenty-worker',
            ]),
          ]);
        return HttpResponse.json(
          [
            issue(21, 'cockpit: login loop after the 2026.4 image', [
              'known-broken',
            ]),
            // A pull request carrying the label is not a broken unit.
            issue(22, 'piler: add the mysql sidecar', ['known-broken'], true),
          ],
          {
            headers: {
              Link: `<${ISSUES}?state=open&labels=known-broken&per_page=100&page=2>; rel="next", <${ISSUES}?state=open&labels=known-broken&per_page=100&page=2>; rel="last"`,
            },
          },
        );
      }),
    );
    const { sc, reader } = await startGithubBox();
    const run: ScorecardRun = await sc.json(
      `/runs/${(await sc.runBox('sodimo')).id}`,
    );
    expect(reader.reads).toEqual([DOTFILES_URL]);
    expect(requests).toHaveLength(2);
    for (const { url, authorization } of requests) {
      expect(authorization).toBe(`token ${TOKEN}`);
      expect(url.searchParams.get('state')).toBe('open');
      expect(url.searchParams.get('labels')).toBe('known-broken');
    }
    expect(run.online).toEqual({
      images: true,
      knownBrokenIssues: true,
      notes: [
        'issue https://github.com/sodimo/dotfiles/issues/23 is labelled known-broken but names no unit',
      ],
    });
    const results = knownBroken(run);
    expect(byStatus(results, 'fail')).toEqual([
      'cockpit.container',
      'paperclip.container',
      'piler.container',
      'twenty-worker.container',
    ]);
    expect(byStatus(results, 'unknown')).toEqual([]);
    expect(
      results.find(r => r.entityName === 'cockpit.container')!.message,
    ).toBe(
      'cockpit.container is known broken: open issue labelled known-broken: "cockpit: login loop after the 2026.4 image" https://github.com/sodimo/dotfiles/issues/21',
    );
    // Findings in the GitHub tree link to the file and line at the branch read.
    expect(results.find(r => r.entityName === 'cockpit.container')!.url).toBe(
      'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/cockpit.container#L1',
    );
    expect(run.trees).toEqual([
      { name: 'dotfiles', source: DOTFILES_URL, etag: COMMIT, commit: COMMIT },
      // A local tree: a hash of its bytes (and the last commit touching it, when git has one).
      expect.objectContaining({
        name: 'harness',
        source: path.join(EXAMPLES, 'sodimo/harness'),
        etag: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      }),
    ]);
    await sc.stop();
  });

  it.each([
    [
      'rate-limits the token',
      () =>
        HttpResponse.json(
          {
            message: 'API rate limit exceeded for installation ID 1.',
            documentation_url:
              'https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting',
          },
          {
            status: 403,
            headers: {
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset': '1893456000',
            },
          },
        ),
      /API rate limit exceeded/,
    ],
    [
      'refuses the token',
      () =>
        HttpResponse.json(
          {
            message: 'Bad credentials',
            documentation_url: 'https://docs.github.com/rest',
          },
          { status: 401 },
        ),
      /Bad credentials/,
    ],
    [
      'answers 502',
      () => new HttpResponse('upstream error', { status: 502 }),
      /502|upstream/,
    ],
  ])(
    'leave undeclared units unknown, never passing, when GitHub %s',
    async (_, answer, reason) => {
      server.use(http.get(ISSUES, answer));
      const { sc } = await startGithubBox();
      const run: ScorecardRun = await sc.json(
        `/runs/${(await sc.runBox('sodimo')).id}`,
      );
      expect(run.status).toBe('succeeded');
      expect(run.online.knownBrokenIssues).toBe(false);
      expect(run.online.notes).toEqual([
        expect.stringMatching(
          /^GitHub issues labelled known-broken could not be read: /,
        ),
      ]);
      expect(run.online.notes![0]).toMatch(reason);
      const results = knownBroken(run);
      expect(byStatus(results, 'pass')).toEqual([]);
      // The units the policy declares broken still fail; every other one is undecided.
      expect(byStatus(results, 'fail')).toEqual([
        'paperclip.container',
        'piler.container',
      ]);
      expect(byStatus(results, 'unknown')).toHaveLength(results.length - 2);
      expect(results.length).toBeGreaterThan(40);
      await sc.stop();
    },
  );
});
