import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  changedPaths,
  copySodimoBox,
  digestOf,
  fakeRegistry,
  snapshot,
} from '../__testUtils__/testWorkspace';
import { createQuadletAction } from './createQuadlet';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const Q = 'dotfiles/home/dot_config/containers/systemd';
const DIGEST = digestOf(0x5eed);
const NOW = () => new Date('2026-05-01T00:00:00Z');

const INPUT = {
  box: 'sodimo',
  name: 'wiki',
  description: 'Team wiki',
  image: 'ghcr.io/example/wiki:2.5.1',
  ports: [{ hostPort: 8095, containerPort: 3000 }],
  volumes: [{ name: 'data', containerPath: '/var/lib/wiki' }],
  environment: ['WIKI_SECRET'],
  hostname: 'wiki.sodimo.eu',
  dotfilesPath: 'dotfiles',
  osPath: 'os',
};

describe('quadlet:create', () => {
  const mockDir = createMockDirectory();
  let workspace: string;
  const registry = fakeRegistry({ 'ghcr.io/example/wiki:2.5.1': DIGEST });
  const action = createQuadletAction({ registry, now: NOW });

  beforeEach(async () => {
    mockDir.clear();
    workspace = mockDir.resolve('workspace');
    await copySodimoBox(EXAMPLES, workspace);
  });

  async function run(
    input: Record<string, unknown>,
    extra: { isDryRun?: boolean } = {},
  ) {
    const ctx = {
      ...createMockActionContext({
        input: input as any,
        workspacePath: workspace,
      }),
      ...extra,
    };
    await action.handler(ctx as any);
    return ctx;
  }

  it('writes the unit set pinned by digest and outputs what it wrote', async () => {
    const before = await snapshot(workspace);
    const ctx = await run(INPUT);
    const after = await snapshot(workspace);
    expect(changedPaths(before, after)).toEqual([
      'dotfiles/home/dot_config/caddy/routes/wiki.caddy',
      `${Q}/wiki-data.volume`,
      `${Q}/wiki.container`,
      'dotfiles/home/dot_config/sodimo/wiki.env.tmpl',
      'os/mkosi.extra/etc/cloudflared/config.yml',
    ]);
    const unit = after.get(`${Q}/wiki.container`)!.toString('utf8');
    expect(unit).toContain(`\nImage=ghcr.io/example/wiki:2.5.1@${DIGEST}\n`);
    expect(unit).toContain('\nPublishPort=127.0.0.1:8095:3000\n');
    expect(unit).toContain('\nEnvironmentFile=%h/.config/sodimo/wiki.env\n');
    expect(ctx.output).toHaveBeenCalledWith(
      'image',
      `ghcr.io/example/wiki:2.5.1@${DIGEST}`,
    );
    expect(ctx.output).toHaveBeenCalledWith('unitFile', `${Q}/wiki.container`);
    expect(ctx.output).toHaveBeenCalledWith(
      'files',
      expect.arrayContaining([
        {
          path: 'os/mkosi.extra/etc/cloudflared/config.yml',
          change: 'update',
          what: expect.stringContaining('cloudflared ingress rule'),
        },
      ]),
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'branchName',
      `quadlet/new-wiki-${DIGEST.slice(7, 15)}`,
    );
    const summary = (ctx.output as jest.Mock).mock.calls.find(
      c => c[0] === 'summary',
    )[1];
    expect(summary).toContain(
      '| `dotfiles/home/dot_config/caddy/routes/wiki.caddy` | create | Caddy route |',
    );
  });

  it('runs the same in a dry run (the dry-run workspace shows the files)', async () => {
    const before = await snapshot(workspace);
    const ctx = await run(INPUT, { isDryRun: true });
    expect(changedPaths(before, await snapshot(workspace))).toHaveLength(5);
    expect(ctx.output).toHaveBeenCalledWith('digest', DIGEST);
  });

  it('with the box at the workspace root and no hostname writes just the units', async () => {
    mockDir.clear();
    await copySodimoBox(EXAMPLES, mockDir.resolve('box'));
    workspace = mockDir.resolve('box/dotfiles');
    const before = await snapshot(workspace);
    await run({
      ...INPUT,
      dotfilesPath: undefined,
      osPath: undefined,
      hostname: '',
      environment: [],
    });
    expect(changedPaths(before, await snapshot(workspace))).toEqual([
      'home/dot_config/containers/systemd/wiki-data.volume',
      'home/dot_config/containers/systemd/wiki.container',
    ]);
  });

  describe('refuses hostile input, naming the field and the rule, and writes nothing', () => {
    async function refused(input: Record<string, unknown>): Promise<string> {
      const before = await snapshot(workspace);
      const error = await run(input).then(
        () => undefined,
        e => e as Error,
      );
      expect(error).toBeDefined();
      expect(changedPaths(before, await snapshot(workspace))).toEqual([]);
      return error!.message;
    }

    it('a newline in a value (it would inject ExecStartPre=)', async () => {
      expect(
        await refused({
          ...INPUT,
          description: 'Wiki\nExecStartPre=/usr/bin/curl evil.sh',
        }),
      ).toBe(
        'quadlet:create refused its input:\n- description: may not contain a newline or control character (found a newline)',
      );
    });

    it('a control character', async () => {
      expect(await refused({ ...INPUT, environment: ['A\u001bB'] })).toBe(
        'quadlet:create refused its input:\n- environment[0]: may not contain a newline or control character (found the control character U+001B)',
      );
    });

    it('a bad name', async () => {
      expect(await refused({ ...INPUT, name: '../wiki' })).toMatch(
        /^quadlet:create refused its input:\n- name: must match \^\[a-z0-9\]\[a-z0-9-\]\{0,62\}\$/,
      );
    });

    it('a bad port or range', async () => {
      expect(
        await refused({
          ...INPUT,
          ports: [{ hostPort: 99999, containerPort: 80 }],
        }),
      ).toBe(
        'quadlet:create refused its input:\n- ports[0].hostPort: port 99999 is outside 1-65535',
      );
      expect(
        await refused({
          ...INPUT,
          ports: [{ hostPort: '8000-8001', containerPort: '80-85' }],
        }),
      ).toBe(
        'quadlet:create refused its input:\n- ports[0].containerPort: must be a range of the same length as hostPort 8000-8001 (2 ports)',
      );
    });

    it('a bad image reference', async () => {
      expect(
        await refused({
          ...INPUT,
          image: 'ghcr.io/example/wiki:2.5.1 --privileged',
        }),
      ).toMatch(
        /^quadlet:create refused its input:\n- image: must be an image reference/,
      );
    });

    it('a path that leaves the repository or the workspace', async () => {
      expect(
        await refused({
          ...INPUT,
          quadletDirectory: '../../etc/containers/systemd',
        }),
      ).toBe(
        'quadlet:create refused its input:\n- quadletDirectory: must be a relative path that stays inside the repository (no leading "/", no ".." segment)',
      );
      expect(await refused({ ...INPUT, dotfilesPath: '../elsewhere' })).toBe(
        'dotfilesPath: must be a relative path that stays inside the repository (no leading "/", no ".." segment)',
      );
    });

    it('an existing unit', async () => {
      expect(await refused({ ...INPUT, name: 'piler', volumes: [] })).toBe(
        'quadlet:create refused its input:\n- name: the box already has piler.container (dotfiles:home/dot_config/containers/systemd/piler.container:1); an existing unit is never overwritten',
      );
    });
  });

  it('fails with the finding when the new files bring an error into the box', async () => {
    // The box's policy declares a unit named wiki known-broken: adding it is an error finding.
    await writeFile(
      path.join(workspace, 'dotfiles/.quadlet-portal/policy.yaml'),
      [
        'version: 1',
        'knownBroken:',
        '  units:',
        '    - unit: wiki',
        '      reason: the wiki image needs a database the box does not run',
        '',
      ].join('\n'),
    );
    const before = await snapshot(workspace);
    await expect(run(INPUT)).rejects.toThrow(
      /^quadlet:create: the new files would bring errors into the box, so nothing was written:\ndotfiles:home\/dot_config\/containers\/systemd\/wiki.container:1: .*the wiki image needs a database.* \[unit-known-broken\]$/,
    );
    expect(changedPaths(before, await snapshot(workspace))).toEqual([]);
  });

  it('refuses an image the registry does not have, and one it cannot answer for', async () => {
    await expect(
      run({ ...INPUT, image: 'ghcr.io/example/nope:1.0' }),
    ).rejects.toThrow(
      'image: the registry has no ghcr.io/example/nope:1.0 (check the name and the tag)',
    );
    const offline = createQuadletAction({
      registry: fakeRegistry({}, {}, ['ghcr.io/example/wiki']),
      now: NOW,
    });
    const ctx = createMockActionContext({
      input: INPUT as any,
      workspacePath: workspace,
    });
    await expect(offline.handler(ctx as any)).rejects.toThrow(
      'image: the registry could not give the digest of ghcr.io/example/wiki:2.5.1 (timeout); the unit is only written pinned by digest, so nothing was written',
    );
    await expect(
      readFile(path.join(workspace, Q, 'wiki.container')),
    ).rejects.toThrow();
  });

  it('keeps an image already pinned by digest once the registry confirms it', async () => {
    const pinned = `ghcr.io/example/wiki:2.5.1@${DIGEST}`;
    const confirming = createQuadletAction({
      registry: fakeRegistry({ [`ghcr.io/example/wiki@${DIGEST}`]: DIGEST }),
      now: NOW,
    });
    const ctx = createMockActionContext({
      input: { ...INPUT, image: pinned } as any,
      workspacePath: workspace,
    });
    await confirming.handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('image', pinned);
  });
});
