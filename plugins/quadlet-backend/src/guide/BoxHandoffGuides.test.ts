import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { UrlReaderService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { NotModifiedError } from '@backstage/errors';
import {
  generateHandoffGuide,
  POLICY_FILE_NAMES,
  readBoxFromDirectories,
  readPolicy,
  runChecks,
  type Inventory,
  type PolicySource,
} from '@quadlet-portal/core';
import type { BoxConfig } from '@quadlet-portal/plugin-catalog-backend-module-quadlet';
import { BoxHandoffGuides } from './BoxHandoffGuides';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const SCHEDULE = { frequency: { minutes: 30 }, timeout: { minutes: 3 } };

const WEB_UNIT = (tag: string) =>
  `[Unit]\nDescription=Web front\n\n[Container]\nImage=docker.io/library/nginx:${tag}\nPublishPort=127.0.0.1:8080:80\n`;

function localBox(name: string, dirs: Record<string, string>): BoxConfig {
  return {
    name,
    owner: 'group:default/box-admins',
    schedule: SCHEDULE,
    trees: Object.entries(dirs).map(([tree, dir]) => ({
      name: tree,
      role: tree === 'harness' ? 'os' : 'dotfiles',
      source: { type: 'directory', path: dir },
    })),
  };
}

/** The policy files as the CLI finds them: on disk, under each tree's folder. */
function policySourcesFromDisk(inventory: Inventory): PolicySource[] {
  const sources: PolicySource[] = [];
  for (const tree of inventory.trees) {
    const name = POLICY_FILE_NAMES.find(n => {
      try {
        readFileSync(path.join(tree.location!, n));
        return true;
      } catch {
        return false;
      }
    });
    if (name)
      sources.push({
        tree: tree.name,
        file: {
          path: name,
          content: readFileSync(path.join(tree.location!, name)),
        },
      });
  }
  return sources;
}

/** A clock the test moves by hand. */
function clock(start = '2026-05-04T10:00:00Z') {
  let time = new Date(start).getTime();
  return {
    now: () => new Date(time),
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('BoxHandoffGuides', () => {
  const temp: string[] = [];
  afterAll(() => {
    for (const dir of temp) rmSync(dir, { recursive: true, force: true });
  });
  const webBox = () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qp-handoff-'));
    temp.push(dir);
    writeFileSync(path.join(dir, 'web.container'), WEB_UNIT('1.27'));
    return dir;
  };

  it('gives the sections `yarn quadlet-portal docs` gives for the example box', async () => {
    const day = new Date('2026-05-01T00:00:00Z');
    const guides = new BoxHandoffGuides({
      boxes: [
        localBox('sodimo', {
          dotfiles: path.join(EXAMPLES, 'sodimo/dotfiles'),
          harness: path.join(EXAMPLES, 'sodimo/harness'),
        }),
      ],
      urlReader: mockServices.urlReader.mock(),
      logger: mockServices.logger.mock(),
      now: () => new Date('2026-05-01T15:30:00Z'),
    });
    const portal = await guides.guide('sodimo');

    // What packages/cli/src/commands/docs.ts does for `docs examples/sodimo --now 2026-05-01`.
    const inventory = await readBoxFromDirectories(
      [path.join(EXAMPLES, 'sodimo')],
      { commits: false },
    );
    const policy = readPolicy(policySourcesFromDisk(inventory));
    const findings = runChecks({
      box: 'sodimo',
      inventory,
      policy: policy.policy,
      policyDiagnostics: policy.diagnostics,
      now: day,
    });
    const cli = generateHandoffGuide(inventory, {
      box: 'sodimo',
      trees: inventory.trees.map(t => ({ name: t.name })),
      findings,
    });
    expect(findings.some(f => f.status === 'fail')).toBe(true);
    expect(portal.sections).toEqual(cli.sections);
    expect(portal.locations).toEqual(cli.locations);
  });

  it('keeps the guide while the trees are unchanged, and makes it again when a file or the day changes', async () => {
    const dir = webBox();
    const time = clock();
    const guides = new BoxHandoffGuides({
      boxes: [localBox('web', { dotfiles: dir })],
      urlReader: mockServices.urlReader.mock(),
      logger: mockServices.logger.mock(),
      now: time.now,
      freshForMs: 60_000,
    });
    const first = await guides.guide('web');
    expect(
      first.sections.find(s => s.id === 'service-web')!.markdown,
    ).toContain('nginx:1.27');

    writeFileSync(path.join(dir, 'web.container'), WEB_UNIT('1.28'));
    // Within the fresh window the sources are not looked at.
    expect(await guides.guide('web')).toBe(first);

    time.advance(60_000);
    const second = await guides.guide('web');
    expect(second).not.toBe(first);
    expect(
      second.sections.find(s => s.id === 'service-web')!.markdown,
    ).toContain('nginx:1.28');

    // Same bytes after the window: read again, not generated again.
    time.advance(60_000);
    expect(await guides.guide('web')).toBe(second);

    // Waivers are judged by the day: a new day gives a new guide.
    time.advance(24 * 60 * 60_000);
    const nextDay = await guides.guide('web');
    expect(nextDay).not.toBe(second);
    expect(nextDay.sections).toEqual(second.sections);
  });

  it('shares one read between concurrent requests', async () => {
    const dir = webBox();
    const guides = new BoxHandoffGuides({
      boxes: [localBox('web', { dotfiles: dir })],
      urlReader: mockServices.urlReader.mock(),
      logger: mockServices.logger.mock(),
    });
    const [a, b, page] = await Promise.all([
      guides.guide('web'),
      guides.guide('web'),
      guides.page('web'),
    ]);
    expect(a).toBe(b);
    expect(page).toContain('<a id="service-web"></a>');
  });

  it('reads a URL tree with its last ETag and links its files on the web', async () => {
    const readTree = jest.fn(
      async (_url: string, options?: { etag?: string }) => {
        if (options?.etag === 'abc123')
          throw new NotModifiedError('same commit');
        return {
          etag: 'abc123',
          files: async () => [
            {
              path: 'web.container',
              content: async () => Buffer.from(WEB_UNIT('1.27')),
            },
          ],
          archive: async () => {
            throw new Error('not used');
          },
          dir: async () => {
            throw new Error('not used');
          },
        };
      },
    );
    const time = clock();
    const guides = new BoxHandoffGuides({
      boxes: [
        {
          name: 'web',
          owner: 'group:default/box-admins',
          schedule: SCHEDULE,
          trees: [
            {
              name: 'dotfiles',
              role: 'dotfiles',
              source: {
                type: 'url',
                url: 'https://github.com/acme/dotfiles/tree/main',
              },
            },
          ],
        },
      ],
      urlReader: { readTree } as unknown as UrlReaderService,
      logger: mockServices.logger.mock(),
      now: time.now,
    });
    const first = await guides.guide('web');
    expect(
      first.sections.find(s => s.id === 'service-web')!.markdown,
    ).toContain(
      '(https://github.com/acme/dotfiles/blob/main/web.container#L5)',
    );
    time.advance(120_000);
    expect(await guides.guide('web')).toBe(first);
    expect(readTree.mock.calls.map(([, options]) => options?.etag)).toEqual([
      undefined,
      'abc123',
    ]);
  });

  it('names the box, the tree and the cause when a source fails, and tries again next time', async () => {
    const dir = webBox();
    rmSync(dir, { recursive: true });
    const logger = mockServices.logger.mock();
    const guides = new BoxHandoffGuides({
      boxes: [localBox('web', { dotfiles: dir })],
      urlReader: mockServices.urlReader.mock(),
      logger,
    });
    await expect(guides.guide('web')).rejects.toMatchObject({
      name: 'ServiceUnavailableError',
      message: expect.stringMatching(
        new RegExp(
          `^cannot read box "web": tree "dotfiles" from ${dir}: Error: ENOENT`,
        ),
      ),
    });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    await expect(guides.guide('web')).rejects.toThrow(/ENOENT/);
    expect(logger.warn).toHaveBeenCalledTimes(2);
  });

  it('says which boxes exist when asked for another', () => {
    const guides = new BoxHandoffGuides({
      boxes: [],
      urlReader: mockServices.urlReader.mock(),
      logger: mockServices.logger.mock(),
    });
    expect(() => guides.box('sodimo')).toThrow(
      'no box named "sodimo" is configured (quadletPortal.boxes: none)',
    );
  });
});
