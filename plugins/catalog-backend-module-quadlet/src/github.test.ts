import path from 'node:path';
import type { Entity } from '@backstage/catalog-model';
import { setupServer } from 'msw/node';
import {
  eventually,
  refOf,
  relationsOf,
  startCatalogTestBackend,
  type CatalogTestBackend,
} from './__testUtils__/catalogTestBackend';
import {
  FakeGithub,
  replaceIn,
  tarballOf,
  type Outage,
} from './__testUtils__/fakeGithub';

jest.setTimeout(120_000);

const examples = path.resolve(__dirname, '../../../examples/sodimo');
const harness = path.join(examples, 'harness');
const owner = 'group:default/sodimo-ops';
const schedule = { frequency: { minutes: 30 }, timeout: { minutes: 3 } };
const token = 'ghp_quadletportaltest0000000000000000000';
const SHA1 = '1f0c6a3d5e7b9a1c3e5f7a9b1d3f5a7c9e1b3d5f';
const SHA2 = '2a4c6e8f0b2d4f6a8c0e2a4c6e8f0b2d4f6a8c0e';
const PILER = 'home/dot_config/containers/systemd/piler.container';

const github = new FakeGithub();
const server = setupServer(...github.handlers());
const isLocal = (url: string) =>
  ['localhost', '127.0.0.1', '[::1]', '::1'].includes(new URL(url).hostname);

beforeAll(() =>
  // The test talks to its own backend over HTTP; anything else unhandled is a mistake.
  server.listen({
    onUnhandledRequest: (request, print) => {
      if (!isLocal(request.url)) print.error();
    },
  }),
);
afterAll(() => server.close());

const find = (entities: Entity[], ref: string) =>
  entities.find(e => refOf(e) === ref);
const identities = (entities: Entity[]) =>
  entities.map(e => `${refOf(e)} ${e.metadata.uid}`);

describe('catalog module: a box read from GitHub', () => {
  let backend: CatalogTestBackend;
  let firstRound: Entity[];

  beforeAll(async () => {
    github.addRepo('sodimo', 'dotfiles');
    github.acceptedToken = token;
    const dotfiles = path.join(examples, 'dotfiles');
    github.pushCommit(
      'sodimo/dotfiles',
      'main',
      SHA1,
      await tarballOf(dotfiles, {
        owner: 'sodimo',
        name: 'dotfiles',
        sha: SHA1,
      }),
    );
    backend = await startCatalogTestBackend({
      integrations: { github: [{ host: 'github.com', token }] },
      quadletPortal: {
        boxes: [
          {
            name: 'sodimo',
            owner,
            dotfiles: 'https://github.com/sodimo/dotfiles/tree/main',
            os: harness,
            schedule,
          },
          {
            name: 'mirror',
            owner,
            dotfiles: 'https://github.com/sodimo/dotfiles',
            schedule,
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await backend?.stop();
  });

  const run = (box = 'sodimo') =>
    backend.scheduler.triggerTask(`quadlet-portal:${box}:refresh`);

  it('reads the tarball of the commit and emits the box, with links to the files on GitHub', async () => {
    await run();
    expect(github.requests).toEqual([
      'status sodimo/dotfiles@main',
      `tarball sodimo/dotfiles@${SHA1}`,
      `download sodimo/dotfiles@${SHA1}`,
    ]);

    firstRound = await eventually(async () => {
      const items = await backend.entitiesOf('sodimo');
      expect(relationsOf(find(items, 'component:sodimo/piler'))).toEqual(
        expect.arrayContaining([
          'dependsOn resource:sodimo/piler-data.volume',
          'dependencyOf resource:sodimo/archive.sodimo.eu',
          'cites decision:sodimo/d-106',
        ]),
      );
      expect(relationsOf(find(items, 'decision:sodimo/d-106'))).toContain(
        'citedBy component:sodimo/piler',
      );
      return items;
    });
    const piler = find(firstRound, 'component:sodimo/piler');
    expect(piler?.metadata.annotations).toMatchObject({
      'quadlet-portal.io/image': 'docker.io/sutoj/piler:1.4.5',
      'backstage.io/managed-by-location': `url:https://github.com/sodimo/dotfiles/blob/main/${PILER}`,
      'backstage.io/managed-by-origin-location':
        'url:https://github.com/sodimo/dotfiles/tree/main',
      'backstage.io/view-url': expect.stringContaining(
        `https://github.com/sodimo/dotfiles/blob/main/${PILER}`,
      ),
    });
    // The OS tree of the same box still comes from disk.
    expect(
      find(firstRound, 'resource:sodimo/kernel-args')?.metadata.annotations?.[
        'backstage.io/managed-by-location'
      ],
    ).toMatch(new RegExp(`^file:${harness}/`));
  });

  it('asks GitHub for the commit again but downloads and parses nothing when it did not move', async () => {
    const before = github.requests.length;
    await run();
    expect(github.requests.slice(before)).toEqual([
      'status sodimo/dotfiles@main',
    ]);
    expect(backend.logs).toContainEqual(
      expect.objectContaining({
        level: 'debug',
        message: expect.stringContaining('"sodimo": unchanged'),
      }),
    );
    expect(identities(await backend.entitiesOf('sodimo'))).toEqual(
      identities(firstRound),
    );
  });

  it.each<[Outage, RegExp]>([
    ['server-error', /500 Internal Server Error/],
    ['not-found', /NotFoundError: .*404 Not Found/],
    ['bad-credentials', /401 Unauthorized/],
    ['rate-limited', /403 Forbidden \(rate limit exceeded\)/],
  ])(
    'keeps the last entities when GitHub fails (%s) and logs the box and the cause',
    async (outage, cause) => {
      github.outage = outage;
      const before = github.requests.length;
      const logged = backend.logs.length;
      try {
        await run();
      } finally {
        github.outage = undefined;
      }
      expect(github.requests.slice(before)).toEqual([
        'status sodimo/dotfiles@main',
      ]);
      const errors = backend.logs
        .slice(logged)
        .filter(l => l.level === 'error');
      expect(errors).toEqual([
        expect.objectContaining({
          message: expect.stringMatching(
            /box "sodimo": cannot read tree "dotfiles" from https:\/\/github\.com\/sodimo\/dotfiles\/tree\/main/,
          ),
          meta: expect.objectContaining({
            box: 'sodimo',
            tree: 'dotfiles',
            cause: expect.stringMatching(cause),
          }),
        }),
      ]);
      expect(identities(await backend.entitiesOf('sodimo'))).toEqual(
        identities(firstRound),
      );
    },
  );

  it('downloads a new commit and replaces the entities (the failed rounds left no stale ETag)', async () => {
    const dotfiles = path.join(examples, 'dotfiles');
    github.pushCommit(
      'sodimo/dotfiles',
      'main',
      SHA2,
      await tarballOf(
        dotfiles,
        { owner: 'sodimo', name: 'dotfiles', sha: SHA2 },
        replaceIn(PILER, 'piler:1.4.5', 'piler:1.4.6'),
      ),
    );
    const before = github.requests.length;
    await run();
    expect(github.requests.slice(before)).toEqual([
      'status sodimo/dotfiles@main',
      `tarball sodimo/dotfiles@${SHA2}`,
      `download sodimo/dotfiles@${SHA2}`,
    ]);
    await eventually(async () => {
      const piler = find(
        await backend.entitiesOf('sodimo'),
        'component:sodimo/piler',
      );
      expect(piler?.metadata.annotations?.['quadlet-portal.io/image']).toBe(
        'docker.io/sutoj/piler:1.4.6',
      );
      // Same entity, updated in place.
      expect(piler?.metadata.uid).toBe(
        find(firstRound, 'component:sodimo/piler')?.metadata.uid,
      );
    });
  });

  it('resolves the default branch for a URL without ref and links files at the commit read', async () => {
    const before = github.requests.length;
    await run('mirror');
    expect(github.requests.slice(before)).toEqual([
      'repo sodimo/dotfiles',
      'status sodimo/dotfiles@main',
      `tarball sodimo/dotfiles@${SHA2}`,
      `download sodimo/dotfiles@${SHA2}`,
    ]);
    await eventually(async () => {
      const piler = find(
        await backend.entitiesOf('mirror'),
        'component:mirror/piler',
      );
      expect(
        piler?.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toBe(`url:https://github.com/sodimo/dotfiles/blob/${SHA2}/${PILER}`);
    });
  });
});
