import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inventoryToEntities } from '../entities';
import { readBoxFromDirectories } from '../inventory';
import type { Inventory } from '../inventory/types';
import { POLICY_FILE, readPolicy } from '../policy';
import type { PolicyReadResult } from '../policy/types';
import { registryImageRefs } from './imageUses';
import { runChecks } from './runChecks';
import { scoreOf } from './score';
import type { CheckContext, CheckResult } from './types';

/**
 * The issue's evidence: on the example Sodimo box the checks report exactly the problems
 * seeded in examples/README.md — each expected finding is listed in
 * examples/sodimo/expected-findings.txt, and nothing else fails.
 */
const BOX = path.resolve(__dirname, '../../../../examples/sodimo');
const Q = 'dotfiles:home/dot_config/containers/systemd';

/** After the D-167 waiver for cockpit ran out (2026-03-31), before anything else expires. */
const NOW = new Date('2026-05-01T09:00:00Z');

let inventory: Inventory;
let policy: PolicyReadResult;

beforeAll(async () => {
  inventory = await readBoxFromDirectories([BOX], { commits: false });
  const sources = inventory.trees.flatMap(tree => {
    const file = tree.location ? path.join(tree.location, POLICY_FILE) : '';
    return file && existsSync(file)
      ? [
          {
            tree: tree.name,
            file: { path: POLICY_FILE, content: readFileSync(file) },
          },
        ]
      : [];
  });
  policy = readPolicy(sources);
});

const context = (extra: Partial<CheckContext> = {}): CheckContext => ({
  box: 'sodimo',
  inventory,
  policy: policy.policy,
  policyDiagnostics: policy.diagnostics,
  now: NOW,
  ...extra,
});

/** `check subject tree:path:line [detail]`: one line per finding. */
const line = (r: CheckResult) =>
  `${r.checkId} ${r.entityRef ?? r.entity} ${r.tree}:${r.file}:${r.line}${
    r.detail !== undefined ? ` [${r.detail}]` : ''
  }`;

/** The one list of this box's expected findings (also read by the CLI and backend tests). */
const EXPECTED_FAILURES = readFileSync(
  path.resolve(__dirname, '../../../../examples/sodimo/expected-findings.txt'),
  'utf8',
)
  .split('\n')
  .filter(
    l => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('online: '),
  );

describe('checks on examples/sodimo', () => {
  it('reads the policy file without a problem', () => {
    expect(policy.diagnostics).toEqual([]);
    expect(policy.policy.files).toEqual([
      { tree: 'dotfiles', path: POLICY_FILE },
    ]);
  });

  it('fails exactly the seeded problems, one by one, and nothing else', () => {
    const failures = runChecks(context()).filter(r => r.status === 'fail');
    expect(failures.map(line).sort()).toEqual([...EXPECTED_FAILURES].sort());
  });

  it('says what each finding is about', () => {
    const results = runChecks(context());
    const message = (check: string, entity: string) =>
      results.find(
        r =>
          r.checkId === check && r.entityName === entity && r.status === 'fail',
      )!.message;
    expect(message('image-floating-tag', 'cockpit.container')).toBe(
      '`quay.io/cockpit/ws:latest` is on floating tag `latest` (waiver expired on 2026-03-31: slow upstream cadence, strong compatibility; pin at the end of the roll-out, D-167)',
    );
    expect(message('image-placeholder-tag', 'paperclip.container')).toBe(
      '`ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y`: tag `v2026.416.0-pi0.x.y` holds an unfilled placeholder',
    );
    expect(message('unit-known-broken', 'piler.container')).toContain(
      'no MYSQL_HOSTNAME',
    );
    expect(message('unit-known-broken', 'piler.container')).toContain(
      '(sodimo/dotfiles#17, D-106); declared at dotfiles:.quadlet-portal/policy.yaml:',
    );
    expect(message('llama-swap-proxy-host', 'qwen3-30b')).toBe(
      'model qwen3-30b: `proxy: http://llama-swap:10002` targets llama-swap, not 127.0.0.1',
    );
    expect(
      results.find(r => r.detail === 'ttm.pages_limit=32505856')!.message,
    ).toBe(
      '`ttm.pages_limit=33554432` is set; the policy requires `ttm.pages_limit=32505856`',
    );
    expect(message('os-release-outside-band', 'OS image')).toBe(
      'fedora 44 is outside the validated band fedora 42–43 (kyuz0 Strix Halo host-config band)',
    );
    expect(message('decision-not-recorded', 'D-171')).toBe(
      'D-171 is cited (1 file citation) but no document records it',
    );
  });

  it('offline, leaves undecided only what needs the registry or GitHub', () => {
    const unknown = runChecks(context()).filter(r => r.status === 'unknown');
    expect([...new Set(unknown.map(r => r.checkId))].sort()).toEqual([
      'image-tag-missing',
      'unit-known-broken',
    ]);
    expect(unknown.filter(r => r.checkId === 'image-tag-missing')).toHaveLength(
      20,
    );
  });

  it('online, also fails the placeholder tag the registry does not have, and decides everything', () => {
    const images = Object.fromEntries(
      registryImageRefs(inventory).map(ref => [
        ref,
        ref.includes('pi0.x.y')
          ? { status: 'not-found' as const }
          : { status: 'ok' as const, digest: `sha256:${'0'.repeat(64)}` },
      ]),
    );
    const results = runChecks(
      context({ online: { images, knownBrokenIssues: [] } }),
    );
    expect(results.filter(r => r.status === 'unknown')).toEqual([]);
    expect(
      results
        .filter(r => r.status === 'fail')
        .map(line)
        .sort(),
    ).toEqual(
      [
        ...EXPECTED_FAILURES,
        `image-tag-missing component:sodimo/paperclip ${Q}/paperclip.container:16`,
      ].sort(),
    );
  });

  it('does not report the traps', () => {
    const results = runChecks(context());
    const status = (check: string, entity: string) =>
      results
        .filter(r => r.checkId === check && r.entityName === entity)
        .map(r => r.status);
    // Digest-pinned images.
    expect(status('image-not-digest-pinned', 'caddy.container')).toEqual([
      'pass',
    ]);
    expect(status('image-not-digest-pinned', 'openwebui-db.container')).toEqual(
      ['pass'],
    );
    // GroupAdd=video is the right rootless setting.
    expect(
      status('rootless-incompatible-option', 'llama-swap.container'),
    ).toEqual(['pass']);
    // Requires=twenty-db.container resolves in podman 5.x.
    expect(status('unit-reference-dangling', 'twenty.container')).toEqual([
      'pass',
    ]);
    // cockpit.sodimo.eu goes to host.containers.internal:9090, which cockpit publishes.
    expect(status('hostname-route-broken', 'cockpit.sodimo.eu')).toEqual([
      'pass',
    ]);
    expect(
      results
        .filter(r => r.checkId === 'hostname-route-broken')
        .map(r => `${r.entityName} ${r.status}`)
        .sort(),
    ).toEqual([
      'archive.sodimo.eu pass',
      'chat.sodimo.eu pass',
      'cockpit.sodimo.eu pass',
      'crm.sodimo.eu pass',
      'paperclip.sodimo.eu pass',
      'vault.sodimo.eu pass',
    ]);
    // Every LiteLLM alias resolves.
    expect(
      results
        .filter(r => r.checkId === 'litellm-alias-unresolved')
        .map(r => `${r.entityName} ${r.status}`)
        .sort(),
    ).toEqual([
      'claude-opus-4-7 pass',
      'gpt-5 pass',
      'local-embeddings pass',
      'local-heavy pass',
      'local-task pass',
    ]);
    // The ETL script's :latest image is not a unit Image=.
    expect(
      results.some(
        r =>
          r.entityName === 'sodiwin-etl.service' &&
          r.checkId.startsWith('image-'),
      ),
    ).toBe(false);
  });

  it('applies the cockpit waiver until it expires', () => {
    const before = runChecks(
      context({ now: new Date('2026-03-31T23:00:00Z') }),
    );
    const cockpit = before.find(
      r =>
        r.checkId === 'image-floating-tag' &&
        r.entityName === 'cockpit.container',
    )!;
    expect(cockpit).toMatchObject({
      status: 'waived',
      waiver: { decision: 'D-167', expires: '2026-03-31', expired: false },
    });
    expect(before.filter(r => r.status === 'fail')).toHaveLength(
      EXPECTED_FAILURES.length - 1,
    );
  });

  it('scores the box and each check', () => {
    const card = scoreOf(runChecks(context()));
    expect(card.box).toEqual({
      score: 52 / 75,
      passing: 52,
      failing: 23,
      unknown: 0,
      waived: 0,
    });
    expect(card.byCheck['image-not-digest-pinned']).toMatchObject({
      passing: 2,
      failing: 18,
    });
    expect(card.byCheck['hostname-route-broken']).toMatchObject({
      score: 1,
      passing: 6,
    });
  });

  it('names, for every result about an entity, an entity the catalog has', () => {
    const entities = inventoryToEntities(inventory, {
      name: 'sodimo',
      owner: 'group:default/sodimo-admins',
      trees: inventory.trees.map(t => ({
        name: t.name,
        location: t.location ?? t.name,
      })),
    });
    const refs = new Set(
      entities.map(
        e =>
          `${e.kind.toLowerCase()}:${e.metadata.namespace}/${e.metadata.name}`,
      ),
    );
    const results = runChecks(context());
    const named = results.filter(r => r.entityRef !== undefined);
    expect(named.length).toBeGreaterThan(300);
    expect(
      named.filter(r => !refs.has(r.entityRef!)).map(r => r.entityRef),
    ).toEqual([]);
    // Only policy entries, and plain units the catalog does not show (sodimo.target), have no entity.
    expect(
      [
        ...new Set(
          results.filter(r => r.entityRef === undefined).map(r => r.entityName),
        ),
      ].sort(),
    ).toEqual(
      [
        'sodimo.target',
        'tailscaled.service',
        'waiver image-floating-tag for cockpit',
      ]
        .concat(['knownBroken paperclip', 'knownBroken piler'])
        .sort(),
    );
  });
});
