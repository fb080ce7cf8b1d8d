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
import { bumpImageAction, validateBumpInput } from './bumpImage';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const Q = 'home/dot_config/containers/systemd';
const NOW = () => new Date('2026-05-01T00:00:00Z');
const COCKPIT = digestOf(0xc0c);
const PILER_147 = digestOf(0x147);

describe('quadlet:image:bump', () => {
  const mockDir = createMockDirectory();
  let workspace: string;
  const registry = fakeRegistry(
    {
      'quay.io/cockpit/ws:latest': COCKPIT,
      'docker.io/sutoj/piler:1.4.5': digestOf(0x145),
      'docker.io/sutoj/piler:1.4.7': PILER_147,
    },
    {
      'docker.io/sutoj/piler': [
        '1.4.5',
        '1.4.6',
        '1.4.7',
        '1.5.0-rc1',
        'latest',
      ],
    },
  );
  const action = bumpImageAction({ registry, now: NOW });

  beforeEach(async () => {
    mockDir.clear();
    await copySodimoBox(EXAMPLES, mockDir.resolve('box'));
    workspace = mockDir.resolve('box/dotfiles');
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
  const output = (ctx: { output: unknown }, name: string) =>
    (ctx.output as jest.Mock).mock.calls.find(c => c[0] === name)?.[1];

  it('changes only the Image= value, byte for byte', async () => {
    const file = path.join(workspace, Q, 'cockpit.container');
    const original = await readFile(file);
    const before = await snapshot(workspace);
    const ctx = await run({ box: 'sodimo', unit: 'cockpit' });

    const after = await snapshot(workspace);
    expect(changedPaths(before, after)).toEqual([`${Q}/cockpit.container`]);
    const from = Buffer.from('Image=quay.io/cockpit/ws:latest\n');
    const to = Buffer.from(`Image=quay.io/cockpit/ws:latest@${COCKPIT}\n`);
    const at = original.indexOf(from);
    expect(at).toBeGreaterThan(0);
    const expected = Buffer.concat([
      original.subarray(0, at),
      to,
      original.subarray(at + from.length),
    ]);
    expect((await readFile(file)).equals(expected)).toBe(true);

    expect(output(ctx, 'changes')).toEqual([
      {
        file: `${Q}/cockpit.container`,
        line: 13,
        from: 'quay.io/cockpit/ws:latest',
        to: `quay.io/cockpit/ws:latest@${COCKPIT}`,
        digest: COCKPIT,
        reason: `pin :latest to the digest it points at now`,
      },
    ]);
    expect(output(ctx, 'title')).toBe(
      'Pin the cockpit.container image to its digest',
    );
    const body: string = output(ctx, 'body');
    expect(body).toContain(
      `| \`quay.io/cockpit/ws:latest\` | \`quay.io/cockpit/ws:latest@${COCKPIT}\` | \`${COCKPIT}\` |`,
    );
    expect(body).toMatch(
      /- \*\*image-not-digest-pinned\*\* \(warning\) cockpit\.container: /,
    );
    expect(output(ctx, 'branchName')).toMatch(
      /^quadlet\/bump-cockpit-[0-9a-f]{8}$/,
    );
  });

  it('keeps CRLF endings, a BOM and a missing final newline around the Image= line', async () => {
    const file = path.join(workspace, Q, 'cockpit.container');
    const text = (await readFile(file, 'utf8'))
      .replace(/\n/g, '\r\n')
      .replace(/\r\n$/, '');
    await writeFile(file, `\ufeff${text}`);
    await run({ box: 'sodimo', file: `${Q}/cockpit.container` });
    expect(await readFile(file, 'utf8')).toBe(
      `\ufeff${text}`.replace(
        'Image=quay.io/cockpit/ws:latest\r\n',
        `Image=quay.io/cockpit/ws:latest@${COCKPIT}\r\n`,
      ),
    );
  });

  it('moves to the newest version tag matching a pattern, pinned', async () => {
    const ctx = await run({
      box: 'sodimo',
      unit: 'piler.container',
      mode: 'newest',
      pattern: '^\\d+\\.\\d+\\.\\d+$',
    });
    expect(output(ctx, 'changes')).toEqual([
      expect.objectContaining({
        from: 'docker.io/sutoj/piler:1.4.5',
        to: `docker.io/sutoj/piler:1.4.7@${PILER_147}`,
      }),
    ]);
    expect(output(ctx, 'title')).toBe(
      'Bump the piler.container image to 1.4.7',
    );
  });

  it('in a dry run plans and writes into the dry-run workspace the same way', async () => {
    const before = await snapshot(workspace);
    const ctx = await run(
      { box: 'sodimo', unit: 'cockpit' },
      { isDryRun: true },
    );
    expect(changedPaths(before, await snapshot(workspace))).toEqual([
      `${Q}/cockpit.container`,
    ]);
    expect(output(ctx, 'title')).toBe(
      'Pin the cockpit.container image to its digest',
    );
  });

  it('fails when there is nothing to change, saying why per image', async () => {
    await expect(run({ box: 'sodimo', unit: 'caddy' })).rejects.toThrow(
      `quadlet:image:bump: nothing to change:\n- ${Q}/caddy.container:14 docker.io/library/caddy:2-alpine@sha256:`,
    );
    await expect(run({ box: 'sodimo', unit: 'twenty' })).rejects.toThrow(
      /the registry has no :.* for docker\.io\/twentycrm\/twenty \(not-found\)/,
    );
  });

  describe('refuses hostile input, naming the field and the rule, and writes nothing', () => {
    async function refused(input: Record<string, unknown>): Promise<string> {
      const before = await snapshot(workspace);
      const error = await run(input).then(
        () => undefined,
        e => e as Error,
      );
      expect(changedPaths(before, await snapshot(workspace))).toEqual([]);
      return error?.message ?? 'no error';
    }

    it('a newline or control character in a value', async () => {
      expect(
        await refused({
          box: 'sodimo',
          unit: 'cockpit',
          mode: 'to',
          tag: '1\nExecStartPre=/bin/true',
        }),
      ).toBe(
        'quadlet:image:bump refused its input:\n- tag: may not contain a newline or control character (found a newline)',
      );
      expect(await refused({ box: 'sodimo', unit: 'cock\u0000pit' })).toMatch(
        /- unit: may not contain .*U\+0000/,
      );
    });

    it('a bad name or tag', async () => {
      expect(await refused({ box: 'So Dimo', unit: 'cockpit' })).toMatch(
        /^quadlet:image:bump refused its input:\n- box: must match/,
      );
      expect(await refused({ box: 'sodimo', unit: '-rf' })).toMatch(
        /- unit: must be a unit name/,
      );
      expect(
        await refused({
          box: 'sodimo',
          unit: 'cockpit',
          mode: 'to',
          tag: '1.0 --x',
        }),
      ).toMatch(/- tag: must be an image tag/);
      expect(
        await refused({ box: 'sodimo', unit: 'cockpit', mode: 'sideways' }),
      ).toBe(
        'quadlet:image:bump refused its input:\n- mode: must be pin-digests, to or newest',
      );
      expect(await refused({ box: 'sodimo', unit: 'nosuchunit' })).toBe(
        'quadlet:image:bump refused its input:\n- unit: the box has no unit named nosuchunit',
      );
    });

    it('a path that leaves the repository', async () => {
      expect(
        await refused({
          box: 'sodimo',
          file: '../../etc/containers/systemd/x.container',
        }),
      ).toBe(
        'quadlet:image:bump refused its input:\n- file: must be a relative path that stays inside the repository (no leading "/", no ".." segment)',
      );
      expect(await refused({ box: 'sodimo', dotfilesPath: '../os' })).toMatch(
        /^dotfilesPath: must be a relative path/,
      );
    });

    it('a pattern that is not a regular expression', async () => {
      expect(
        await refused({
          box: 'sodimo',
          unit: 'piler',
          mode: 'newest',
          pattern: '([',
        }),
      ).toMatch(
        /^quadlet:image:bump refused its input:\n- pattern: must be a regular expression/,
      );
    });
  });
});

describe('validateBumpInput', () => {
  it('makes the core scope and mode', () => {
    expect(validateBumpInput({ box: 'b' })).toEqual({
      ok: true,
      request: {
        box: 'b',
        scope: { kind: 'box' },
        mode: { kind: 'pin-digests' },
      },
    });
    expect(
      validateBumpInput({
        box: 'b',
        file: 'os:etc/x.container',
        mode: 'to',
        tag: '2',
        pin: false,
      }),
    ).toEqual({
      ok: true,
      request: {
        box: 'b',
        scope: { kind: 'file', path: 'etc/x.container', tree: 'os' },
        mode: { kind: 'to', tag: '2', pin: false },
      },
    });
    expect(validateBumpInput({ box: 'b', unit: 'a', file: 'b' })).toEqual({
      ok: false,
      problems: [{ field: 'file', rule: 'give unit or file, not both' }],
    });
  });
});
