import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageReference } from '../image';
import { readBox } from '../inventory';
import type { BoxTree, Inventory } from '../inventory/types';
import { applyImageBumps } from './applyImageBumps';
import type { DigestLookup, TagListLookup } from './lookups';
import { planImageBumps, type PlanImageBumpsOptions } from './planImageBumps';

const UNIT_DIR = 'home/dot_config/containers/systemd';

/** Fixture files, placed in the example tree's unit directory under the same names. */
const FIXTURES = [
  'web.container',
  'web.container.d/10-image.conf',
  'private_app.container.tmpl',
  'private_tagged.container.tmpl',
  'cache.container',
  'queue.container',
  'db.container',
  'worker@.container',
  'tools.image',
  'toolbox.container',
];

function fixtureBytes(name: string): Buffer {
  return readFileSync(join(__dirname, '__fixtures__', name));
}

/** A small dotfiles tree exercising drop-ins, templates, instances, pinned and unit images. */
function fixtureBox(): BoxTree {
  return {
    name: 'dotfiles',
    role: 'dotfiles',
    files: [
      { path: '.chezmoiroot', content: Buffer.from('home\n') },
      ...FIXTURES.map(name => ({
        path: `${UNIT_DIR}/${name}`,
        content: fixtureBytes(name),
      })),
    ],
    links: [
      {
        path: `${UNIT_DIR}/worker@a.container`,
        target: `${UNIT_DIR}/worker@.container`,
      },
      {
        path: `${UNIT_DIR}/worker@b.container`,
        target: `${UNIT_DIR}/worker@.container`,
      },
    ],
  };
}

const digest = (n: number) => `sha256:${n.toString(16).padStart(64, '0')}`;

/** A registry as the lookups see it: digests per normalised reference, tags per repository. */
function fakeRegistry() {
  const digests: Record<string, string> = {
    'docker.io/library/redis:7-alpine': digest(0xa1),
    'quay.io/example/app:2.4.1': digest(0xa2),
    'ghcr.io/example/web:mainline': digest(0xa3),
    'ghcr.io/example/web:1.4.0': digest(0xa4),
    'ghcr.io/example/worker:v1.2.0': digest(0xb2),
    'ghcr.io/example/worker:v1.3.0': digest(0xb3),
    'docker.io/library/postgres:16.5': digest(0xc5),
  };
  const tags: Record<string, string[]> = {
    'ghcr.io/example/worker': [
      'v1.1.0',
      'v1.2.0',
      'v1.3.0',
      'v1.3.1-rc1',
      'v2.0.0-beta',
      'latest',
    ],
    'ghcr.io/example/web': ['mainline', '1.3.9', '1.4.0', '1.10.0-alpine'],
  };
  const calls: string[] = [];
  const resolveDigest = async (ref: ImageReference): Promise<DigestLookup> => {
    calls.push(`digest ${ref.normalized}`);
    if (ref.registry === 'quay.io' && ref.repository === 'example/tools') {
      return {
        status: 'unknown',
        reason: 'quay.io did not answer within 10 s',
      };
    }
    const found = digests[ref.normalized];
    return found ? { status: 'ok', digest: found } : { status: 'not-found' };
  };
  const listTags = async (ref: ImageReference): Promise<TagListLookup> => {
    calls.push(`tags ${ref.name}`);
    const found = tags[ref.name];
    return found ? { status: 'ok', tags: found } : { status: 'not-found' };
  };
  return { resolveDigest, listTags, calls };
}

const path = (name: string) => `${UNIT_DIR}/${name}`;
let inventory: Inventory;
beforeAll(() => {
  inventory = readBox([fixtureBox()]);
});

async function plan(
  options: Omit<PlanImageBumpsOptions, 'resolveDigest' | 'listTags'>,
) {
  const registry = fakeRegistry();
  const result = await planImageBumps(inventory, { ...registry, ...options });
  if (!result.ok) throw new Error(`${result.field}: ${result.reason}`);
  return { ...result.plan, calls: registry.calls };
}

describe('planImageBumps', () => {
  it('pins every unpinned image of a box, asking once per distinct reference', async () => {
    const { edits, skipped, calls } = await plan({
      scope: { kind: 'box' },
      mode: { kind: 'pin-digests' },
    });
    expect(edits).toEqual([
      {
        tree: 'dotfiles',
        path: path('private_app.container.tmpl'),
        line: 9,
        units: [`dotfiles:${path('private_app.container.tmpl')}`],
        from: 'quay.io/example/app:2.4.1',
        to: `quay.io/example/app:2.4.1@${digest(0xa2)}`,
        digest: digest(0xa2),
        reason: 'pin :2.4.1 to the digest it points at now',
        notes: [],
      },
      expect.objectContaining({
        path: path('cache.container'),
        line: 2,
        from: 'redis:7-alpine',
        to: `redis:7-alpine@${digest(0xa1)}`,
        notes: [
          '"redis:7-alpine" names no registry: it was looked up on docker.io, but podman may resolve it elsewhere through registries.conf',
        ],
      }),
      expect.objectContaining({
        path: path('queue.container'),
        line: 3,
        to: `redis:7-alpine@${digest(0xa1)}`,
      }),
      expect.objectContaining({
        path: path('web.container.d/10-image.conf'),
        line: 3,
        units: [`dotfiles:${path('web.container')}`],
        from: 'ghcr.io/example/web:mainline',
        to: `ghcr.io/example/web:mainline@${digest(0xa3)}`,
      }),
      expect.objectContaining({
        path: path('worker@.container'),
        line: 5,
        units: [
          `dotfiles:${path('worker@.container')}`,
          `dotfiles:${path('worker@a.container')}`,
          `dotfiles:${path('worker@b.container')}`,
        ],
        to: `ghcr.io/example/worker:v1.2.0@${digest(0xb2)}`,
      }),
    ]);
    expect(skipped).toEqual([
      expect.objectContaining({
        path: path('private_tagged.container.tmpl'),
        line: 2,
        outcome: 'not-applicable',
        reason:
          'the Image= line holds chezmoi template markup; what it renders to depends on chezmoi data',
      }),
      expect.objectContaining({
        path: path('tools.image'),
        image: 'quay.io/example/tools:latest',
        outcome: 'unknown',
        reason:
          'the registry could not say (quay.io did not answer within 10 s)',
      }),
    ]);
    // db.container is pinned already and toolbox.container names tools.image: neither is looked at.
    expect(
      calls.filter(c => c === 'digest docker.io/library/redis:7-alpine'),
    ).toHaveLength(1);
    expect(calls).toHaveLength(5);
  });

  it('plans one file, including an image set in its drop-in', async () => {
    const { edits, skipped } = await plan({
      scope: { kind: 'file', path: path('web.container') },
      mode: { kind: 'to', tag: '1.4.0' },
    });
    expect(skipped).toEqual([]);
    expect(edits).toEqual([
      expect.objectContaining({
        path: path('web.container.d/10-image.conf'),
        from: 'ghcr.io/example/web:mainline',
        to: 'ghcr.io/example/web:1.4.0',
        reason: 'move from :mainline to :1.4.0',
      }),
    ]);
  });

  it('keeps a pinned image pinned when it moves to another tag', async () => {
    const { edits } = await plan({
      scope: { kind: 'unit', name: 'db' },
      mode: { kind: 'to', tag: '16.5' },
    });
    expect(edits).toEqual([
      expect.objectContaining({
        from: `docker.io/library/postgres:16.4@${digest(1)}`,
        to: `docker.io/library/postgres:16.5@${digest(0xc5)}`,
        digest: digest(0xc5),
        reason: `move from :16.4 to :16.5, pinned to ${digest(0xc5)}`,
      }),
    ]);
  });

  it('moves to the newest tag of the same shape, or the newest matching a pattern', async () => {
    const shaped = await plan({
      scope: { kind: 'unit', name: 'worker@.container' },
      mode: { kind: 'newest', pin: true },
    });
    expect(shaped.edits).toEqual([
      expect.objectContaining({
        to: `ghcr.io/example/worker:v1.3.0@${digest(0xb3)}`,
        reason: `move from :v1.2.0 to :v1.3.0, the newest tag of the same shape, pinned to ${digest(
          0xb3,
        )}`,
      }),
    ]);
    const patterned = await plan({
      scope: { kind: 'unit', name: 'web.container' },
      mode: { kind: 'newest', pattern: '^\\d+\\.\\d+\\.\\d+$' },
    });
    expect(patterned.edits).toEqual([
      expect.objectContaining({
        from: 'ghcr.io/example/web:mainline',
        to: 'ghcr.io/example/web:1.4.0',
      }),
    ]);
    expect(patterned.calls).toEqual([
      'tags ghcr.io/example/web',
      'digest ghcr.io/example/web:1.4.0',
    ]);
  });

  it('says why an image stays', async () => {
    const registry = fakeRegistry();
    const none = await planImageBumps(inventory, {
      ...registry,
      scope: { kind: 'unit', name: 'web.container' },
      mode: { kind: 'newest', pattern: '^9\\.' },
    });
    expect(none.ok && none.plan.skipped).toEqual([
      expect.objectContaining({
        outcome: 'not-found',
        reason: 'no version tag of ghcr.io/example/web matches /^9\\./',
      }),
    ]);
    const floating = await planImageBumps(inventory, {
      ...registry,
      scope: { kind: 'unit', name: 'web.container' },
      mode: { kind: 'newest' },
    });
    expect(floating.ok && floating.plan.skipped[0].reason).toBe(
      ':mainline is not a version tag; give a pattern to choose among the tags',
    );
    const missingTag = await planImageBumps(inventory, {
      ...registry,
      scope: { kind: 'unit', name: 'cache' },
      mode: { kind: 'to', tag: '99' },
    });
    expect(missingTag.ok && missingTag.plan.skipped).toEqual([
      expect.objectContaining({
        outcome: 'not-found',
        reason: 'the registry has no tag 99 for docker.io/library/redis',
      }),
    ]);
    const pinned = await planImageBumps(inventory, {
      ...registry,
      scope: { kind: 'unit', name: 'db.container' },
      mode: { kind: 'pin-digests' },
    });
    expect(pinned.ok && pinned.plan.skipped[0]).toMatchObject({
      outcome: 'unchanged',
      reason: 'already pinned by digest',
    });
    const unitRef = await planImageBumps(inventory, {
      ...registry,
      scope: { kind: 'unit', name: 'toolbox' },
      mode: { kind: 'pin-digests' },
    });
    expect(unitRef.ok && unitRef.plan.skipped[0]).toMatchObject({
      outcome: 'not-applicable',
      reason: 'Image= is a quadlet unit value, not a registry reference',
    });
  });

  it('turns a lookup that throws into an unknown outcome', async () => {
    const result = await planImageBumps(inventory, {
      scope: { kind: 'unit', name: 'cache' },
      mode: { kind: 'pin-digests' },
      resolveDigest: async () => {
        throw new Error('socket hang up');
      },
    });
    expect(result.ok && result.plan.skipped[0]).toMatchObject({
      outcome: 'unknown',
      reason: 'the registry could not say (socket hang up)',
    });
  });

  it('names the option that is wrong', async () => {
    const { resolveDigest, listTags } = fakeRegistry();
    const cases: [PlanImageBumpsOptions, string, string][] = [
      [
        {
          scope: { kind: 'box' },
          mode: { kind: 'to', tag: 'x\nExecStartPre=evil' },
          resolveDigest,
        },
        'mode.tag',
        'tag',
      ],
      [
        {
          scope: { kind: 'box' },
          mode: { kind: 'newest', pattern: '(' },
          resolveDigest,
          listTags,
        },
        'mode.pattern',
        'not a regular expression',
      ],
      [
        {
          scope: { kind: 'box' },
          mode: { kind: 'newest', pattern: 'a'.repeat(300) },
          resolveDigest,
          listTags,
        },
        'mode.pattern',
        'the pattern must be 1 to 256 characters long',
      ],
      [
        { scope: { kind: 'box' }, mode: { kind: 'newest' }, resolveDigest },
        'listTags',
        'the newest mode needs a tag listing',
      ],
      [
        {
          scope: { kind: 'unit', name: 'nope' },
          mode: { kind: 'pin-digests' },
          resolveDigest,
        },
        'scope.name',
        'the box has no unit named nope',
      ],
      [
        {
          scope: { kind: 'file', path: 'nope.container' },
          mode: { kind: 'pin-digests' },
          resolveDigest,
        },
        'scope.path',
        'no unit file or drop-in of the box is at nope.container',
      ],
    ];
    for (const [options, field, reason] of cases) {
      expect(await planImageBumps(inventory, options)).toEqual({
        ok: false,
        field,
        reason: expect.stringContaining(reason),
      });
    }
  });
});

describe('applyImageBumps', () => {
  const files = new Map(fixtureBox().files.map(f => [f.path, f]));
  const read = (_tree: string, p: string) => files.get(p);

  it('applies a plan and changes only the Image= values', async () => {
    const { edits } = await plan({
      scope: { kind: 'box' },
      mode: { kind: 'pin-digests' },
    });
    const applied = applyImageBumps(edits, read);
    expect(applied.failures).toEqual([]);
    expect(applied.files.map(f => f.path)).toEqual(edits.map(e => e.path));
    for (const file of applied.files) {
      const before = files.get(file.path)!.content.toString('utf8');
      const [edit] = file.edits;
      let lineStart = 0;
      for (let l = 1; l < edit.line; l++)
        lineStart = before.indexOf('\n', lineStart) + 1;
      const at = before.indexOf(edit.from, lineStart);
      expect(before.slice(lineStart, at)).toMatch(/^Image="?$/);
      expect(file.content.toString('utf8')).toBe(
        before.slice(0, at) + edit.to + before.slice(at + edit.from.length),
      );
    }
  });

  it('refuses an edit whose file changed since the plan', async () => {
    const { edits } = await plan({
      scope: { kind: 'unit', name: 'cache' },
      mode: { kind: 'pin-digests' },
    });
    const changed = {
      path: path('cache.container'),
      content: Buffer.from('[Container]\nImage=redis:8\n'),
    };
    const applied = applyImageBumps(edits, () => changed);
    expect(applied.files).toEqual([]);
    expect(applied.failures.map(f => f.reason)).toEqual([
      `${path(
        'cache.container',
      )}:2: Image= is "redis:8", not "redis:7-alpine" as planned; the file changed since`,
    ]);
    expect(applyImageBumps(edits, () => undefined).failures[0].reason).toBe(
      `dotfiles:${path('cache.container')} is not there`,
    );
  });
});
