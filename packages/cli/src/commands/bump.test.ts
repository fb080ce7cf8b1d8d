import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DigestLookup, ImageReference } from '@quadlet-portal/core';
import { captureIo } from '../testIo';
import { runBump, type BumpLookupsFactory } from './bump';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const Q = 'sodimo/dotfiles/home/dot_config/containers/systemd';
const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

/** Registry answers by `name:tag`; everything else is unknown (as if unreachable). */
function fakeLookups(
  digests: Record<string, string>,
  tags: Record<string, string[]> = {},
) {
  const insecure: string[][] = [];
  const factory: BumpLookupsFactory = options => {
    insecure.push(options.insecure);
    return {
      resolveDigest: async (ref: ImageReference): Promise<DigestLookup> => {
        const key = `${ref.name}:${ref.tag ?? 'latest'}`;
        return digests[key]
          ? { status: 'ok', digest: digests[key] }
          : { status: 'unknown', reason: 'connection refused' };
      },
      listTags: async (ref: ImageReference) =>
        tags[ref.name]
          ? { status: 'ok' as const, tags: tags[ref.name] }
          : { status: 'not-found' as const },
    };
  };
  return { factory, insecure };
}

describe('quadlet-portal bump', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'qp-bump-'));
    cpSync(path.join(EXAMPLES, 'sodimo'), path.join(dir, 'sodimo'), {
      recursive: true,
    });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const cockpit = () => path.join(dir, Q, 'cockpit.container');
  const registry = fakeLookups(
    {
      'quay.io/cockpit/ws:latest': digest(1),
      'docker.io/sutoj/piler:1.4.5': digest(2),
      'docker.io/sutoj/piler:1.4.7': digest(3),
    },
    { 'docker.io/sutoj/piler': ['1.4.5', '1.4.7', 'latest'] },
  );

  it('pins one unit, printing path:line: old -> new, and changes only the Image= value', async () => {
    const before = readFileSync(cockpit(), 'utf8');
    const io = captureIo(dir);
    expect(
      await runBump(['sodimo', '--unit', 'cockpit'], io, registry.factory),
    ).toBe(0);
    expect(io.out()).toBe(
      `${Q}/cockpit.container:13: quay.io/cockpit/ws:latest -> quay.io/cockpit/ws:latest@${digest(
        1,
      )}\n` + 'changed 1 image in 1 file\n',
    );
    expect(readFileSync(cockpit(), 'utf8')).toBe(
      before.replace(
        'Image=quay.io/cockpit/ws:latest\n',
        `Image=quay.io/cockpit/ws:latest@${digest(1)}\n`,
      ),
    );
  });

  it('writes nothing with --dry-run', async () => {
    const before = readFileSync(cockpit());
    const io = captureIo(dir);
    expect(
      await runBump(
        ['sodimo', '--file', `${Q}/cockpit.container`, '--dry-run'],
        io,
        registry.factory,
      ),
    ).toBe(0);
    expect(io.out()).toContain('dry run: would change 1 image in 1 file');
    expect(readFileSync(cockpit()).equals(before)).toBe(true);
  });

  it('moves to a tag or the newest matching one, pinned unless --no-pin', async () => {
    const io = captureIo(dir);
    expect(
      await runBump(
        ['sodimo', '--unit', 'piler', '--newest', '^\\d+\\.\\d+\\.\\d+$'],
        io,
        registry.factory,
      ),
    ).toBe(0);
    expect(io.out()).toContain(
      `docker.io/sutoj/piler:1.4.5 -> docker.io/sutoj/piler:1.4.7@${digest(3)}`,
    );
    const again = captureIo(dir);
    expect(
      await runBump(
        ['sodimo', '--unit', 'piler', '--to', '1.4.5', '--no-pin'],
        again,
        registry.factory,
      ),
    ).toBe(0);
    expect(again.out()).toContain(
      `docker.io/sutoj/piler:1.4.7@${digest(3)} -> docker.io/sutoj/piler:1.4.5`,
    );
  });

  it('exits 1 when images of the box cannot be resolved, and says which', async () => {
    const io = captureIo(dir);
    expect(
      await runBump(
        ['sodimo', '--insecure-registry', 'registry.lan:5000'],
        io,
        registry.factory,
      ),
    ).toBe(1);
    expect(io.out()).toMatch(
      /changed 2 images in 2 files; \d+ could not be resolved\n$/,
    );
    expect(io.err()).toContain(
      `${Q}/openwebui.container:16: ghcr.io/open-webui/open-webui:main: the registry could not say (connection refused) (unknown)`,
    );
    expect(registry.insecure.at(-1)).toEqual(['registry.lan:5000']);
  });

  it('exits 2 on bad usage, naming the problem', async () => {
    const usage = async (...args: string[]) => {
      const io = captureIo(dir);
      const code = await runBump(args, io, registry.factory);
      return { code, err: io.err() };
    };
    expect(await usage('sodimo', '--to', '2', '--newest', 'x')).toEqual({
      code: 2,
      err: expect.stringContaining(
        'give one of --pin-digests, --to and --newest',
      ),
    });
    expect((await usage('sodimo', '--unit', 'a', '--file', 'b')).err).toContain(
      'give --unit or --file, not both',
    );
    expect((await usage('sodimo', '--to', '1 --x')).err).toContain(
      'is not an image tag',
    );
    expect((await usage('sodimo', '--file', '/etc/passwd')).err).toContain(
      'is not inside the folders read',
    );
    expect((await usage('sodimo', '--unit', 'nope')).err).toContain(
      '--unit: the box has no unit named nope',
    );
    expect((await usage('missing-dir')).err).toContain(
      'no such folder: missing-dir',
    );
    expect((await usage('sodimo', '--newest', '(')).code).toBe(2);
    expect((await usage('sodimo', '--insecure-registry', 'a b')).code).toBe(2);
    expect((await usage()).code).toBe(2);
  });
});
