import path from 'node:path';
import { readBoxFromDirectories } from '../inventory';
import type { Inventory } from '../inventory/types';
import { validateDecisionEntity } from './decisionEntity';
import type { EntityLike } from './entityLike';
import { ENTITY_NAME_PATTERN } from './entityName';
import { inventoryToEntities } from './inventoryToEntities';
import type { AliasQuadletSpec, BoxQuadletSpec, DecisionQuadletSpec, HostnameQuadletSpec, ModelQuadletSpec, UnitQuadletSpec } from './quadletSpec';

const SODIMO = path.resolve(__dirname, '../../../../examples/sodimo');
const OWNER = 'group:default/box-admins';

let inventory: Inventory;
let entities: EntityLike[];
const byRef = new Map<string, EntityLike>();

const refOf = (e: EntityLike) => `${e.kind.toLowerCase()}:${e.metadata.namespace}/${e.metadata.name}`;
const get = (ref: string): EntityLike => {
  const entity = byRef.get(ref);
  if (!entity) throw new Error(`no entity ${ref}`);
  return entity;
};
const spec = (ref: string) => get(ref).spec as { dependsOn?: string[]; citedBy?: string[]; type: string; quadlet: unknown };

beforeAll(async () => {
  inventory = await readBoxFromDirectories([SODIMO], { commits: false });
  entities = inventoryToEntities(inventory, {
    name: 'sodimo',
    owner: OWNER,
    trees: inventory.trees.map(t => ({ name: t.name, location: path.join(SODIMO, t.name), webBase: `https://github.com/sodimo/${t.name}/blob/main/` })),
  });
  for (const e of entities) byRef.set(refOf(e), e);
});

describe('inventoryToEntities on examples/sodimo', () => {
  it('emits the expected entities per kind and type', () => {
    const counts: Record<string, number> = {};
    for (const e of entities) counts[`${e.kind}:${spec(refOf(e)).type ?? ''}`] = (counts[`${e.kind}:${spec(refOf(e)).type ?? ''}`] ?? 0) + 1;
    expect(counts).toEqual({
      'System:quadlet-box': 1,
      'Component:quadlet-container': 20,
      'Component:systemd-service': 4,
      'Component:systemd-timer': 2,
      'Resource:quadlet-volume': 20,
      'Resource:quadlet-network': 1,
      'Resource:llm-model': 4,
      'Resource:llm-alias': 5,
      'Resource:hostname': 6,
      'Resource:os-image': 1,
      'Resource:kernel-args': 1,
      'Decision:defined': 5,
      'Decision:cited-only': 1,
    });
    expect(byRef.size).toBe(entities.length);
    // The tailscaled drop-in overrides an OS unit and sodimo.target is a target: neither is a component.
    expect(byRef.has('component:sodimo/tailscaled.service')).toBe(false);
    expect(byRef.has('component:sodimo/sodimo.target')).toBe(false);
  });

  it('maps Piler with its image, pin tier, volume, network, env file names and hostname', () => {
    const piler = get('component:sodimo/piler');
    expect(piler.metadata.annotations).toMatchObject({
      'quadlet-portal.io/box': 'sodimo',
      'quadlet-portal.io/unit-file': 'piler.container',
      'quadlet-portal.io/service-name': 'piler.service',
      'quadlet-portal.io/image': 'docker.io/sutoj/piler:1.4.5',
      'quadlet-portal.io/pin-tier': 'version',
      'quadlet-portal.io/source': 'dotfiles:home/dot_config/containers/systemd/piler.container:1',
      'backstage.io/view-url': 'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container',
      'backstage.io/source-location': 'url:https://github.com/sodimo/dotfiles/tree/main/home/dot_config/containers/systemd/',
    });
    expect(piler.metadata.annotations['quadlet-portal.io/image-digest']).toBeUndefined();
    expect(piler.metadata.tags).toEqual(['pin-version']);
    expect(piler.metadata.links?.map(l => l.url)).toEqual(['https://github.com/jsuto/piler', 'https://www.mailpiler.org/']);
    expect(piler.spec).toMatchObject({ type: 'quadlet-container', lifecycle: 'production', owner: OWNER, system: 'sodimo' });
    expect(spec('component:sodimo/piler').dependsOn).toEqual(['resource:sodimo/piler-data.volume', 'resource:sodimo/sodimo.network']);

    const q = spec('component:sodimo/piler').quadlet as UnitQuadletSpec;
    expect(q.image).toMatchObject({ text: 'docker.io/sutoj/piler:1.4.5', normalized: 'docker.io/sutoj/piler:1.4.5', pinTier: 'version', placeholder: false, shortName: false });
    expect(q.image?.source).toEqual({
      tree: 'dotfiles',
      path: 'home/dot_config/containers/systemd/piler.container',
      line: 13,
      url: 'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/piler.container#L13',
    });
    expect(q.ports.map(p => p.text)).toEqual(['127.0.0.1:8091:80']);
    expect(q.volumes.map(v => [v.text, v.ref])).toEqual([['piler-data.volume:/var/piler', 'resource:sodimo/piler-data.volume']]);
    expect(q.networks.map(n => n.ref)).toEqual(['resource:sodimo/sodimo.network']);
    expect(q.envFiles).toEqual([
      expect.objectContaining({ key: '.config/sodimo/piler.env', status: 'template', variables: ['MYSQL_DATABASE', 'MYSQL_USER', 'MYSQL_PASSWORD', 'MYSQL_ROOT_PASSWORD'] }),
    ]);
    expect(q.environment.map(e => e.name)).toEqual(['PILER_HOSTNAME']);
    expect(q.hostnames).toEqual([{ hostname: 'archive.sodimo.eu', ref: 'resource:sodimo/archive.sodimo.eu', port: 80 }]);
    expect(q.decisions).toEqual(['D-106']);
    expect(q.leadingComment).toContain('KNOWN BROKEN (dotfiles#17)');
    // WantedBy= is kept as a fact, not drawn as a relation (the target is no entity).
    expect(q.dependencies.find(d => d.target === 'sodimo.target')).toMatchObject({ kind: 'wantedBy', resolved: true, relation: false });
    expect(q.dependencies.find(d => d.target === 'sodimo.target')?.ref).toBeUndefined();
  });

  it('maps the archive hostname to Piler through cloudflared and Caddy', () => {
    expect(spec('resource:sodimo/archive.sodimo.eu').dependsOn).toEqual(['component:sodimo/piler']);
    const q = spec('resource:sodimo/archive.sodimo.eu').quadlet as HostnameQuadletSpec;
    expect(q.chains).toHaveLength(1);
    const [chain] = q.chains;
    expect(chain.complete).toBe(true);
    expect(chain.ingress).toMatchObject({ service: 'http://127.0.0.1:80', ref: 'component:sodimo/cloudflared.service', source: { tree: 'harness', path: 'mkosi.extra/etc/cloudflared/config.yml', line: 17 } });
    expect(chain.proxy).toMatchObject({ ref: 'component:sodimo/caddy', source: { tree: 'dotfiles', path: 'home/dot_config/caddy/routes/archive.caddy', line: 4 } });
    expect(chain.container).toEqual({ unitFile: 'piler.container', containerName: 'piler', port: 80, via: 'container-name', ref: 'component:sodimo/piler' });
    // Both vault routes end at vaultwarden: one relation.
    expect(spec('resource:sodimo/vault.sodimo.eu').dependsOn).toEqual(['component:sodimo/vaultwarden']);
    expect((spec('resource:sodimo/vault.sodimo.eu').quadlet as HostnameQuadletSpec).chains.map(c => c.container?.port)).toEqual([3012, 80]);
  });

  it('maps the decisions Piler cites, and D-171 as cited only', () => {
    const cited = entities.filter(e => e.kind === 'Decision' && spec(refOf(e)).citedBy?.includes('component:sodimo/piler')).map(refOf);
    expect(cited).toEqual(['decision:sodimo/d-106']);

    const d106 = get('decision:sodimo/d-106');
    expect(d106.apiVersion).toBe('quadlet-portal.io/v1alpha1');
    expect(d106.metadata.title).toBe('D-106 Keep the Piler mail archive indefinitely');
    expect(spec('decision:sodimo/d-106')).toMatchObject({ type: 'defined', citedBy: ['component:sodimo/piler'] });
    const q106 = spec('decision:sodimo/d-106').quadlet as DecisionQuadletSpec;
    expect(q106).toMatchObject({ id: 'D-106', status: 'defined', recordStatus: 'Accepted', definition: { tree: 'harness', path: 'docs/decisions.md', line: 15 } });
    expect(q106.citations.map(c => [c.source?.path, c.source?.line, c.refs])).toEqual(
      expect.arrayContaining([
        ['home/dot_config/containers/systemd/piler.container', 2, ['component:sodimo/piler']],
        // The env template cites it; the unit reading the env file is the citing entity.
        ['home/dot_config/sodimo/piler.env.tmpl', 2, ['component:sodimo/piler']],
      ]),
    );

    expect(spec('decision:sodimo/d-171')).toMatchObject({ type: 'cited-only', citedBy: ['component:sodimo/chezmoi-update.service'] });
    const q171 = spec('decision:sodimo/d-171').quadlet as DecisionQuadletSpec;
    expect(q171.definition).toBeUndefined();
    expect(q171.citations).toEqual([
      expect.objectContaining({ source: expect.objectContaining({ path: 'mkosi.extra/usr/lib/systemd/system/chezmoi-update.service', line: 4 }), refs: ['component:sodimo/chezmoi-update.service'] }),
    ]);
    expect(get('decision:sodimo/d-171').metadata.tags).toEqual(['cited-only']);

    // A drop-in's citation belongs to its unit: llama-swap cites D-166 twice, once drawn.
    expect(spec('decision:sodimo/d-166').citedBy).toEqual(['component:sodimo/llama-swap']);
    expect(spec('decision:sodimo/d-167').citedBy).toEqual(['component:sodimo/caddy', 'component:sodimo/openwebui', 'component:sodimo/openwebui-db']);
    for (const e of entities.filter(x => x.kind === 'Decision')) expect(validateDecisionEntity(e)).toMatchObject({ ok: true });
  });

  it('maps alias → model → llama-swap and the LiteLLM gateway', () => {
    expect(spec('resource:sodimo/local-heavy.alias').dependsOn).toEqual(['component:sodimo/litellm', 'resource:sodimo/gpt-oss-120b.model']);
    const alias = spec('resource:sodimo/local-heavy.alias').quadlet as AliasQuadletSpec;
    expect(alias.deployments[0].resolution).toEqual({ kind: 'local', model: 'gpt-oss-120b', modelRef: 'resource:sodimo/gpt-oss-120b.model', via: 'id' });
    expect(alias.fallbacks).toEqual([{ name: 'claude-opus-4-7', ref: 'resource:sodimo/claude-opus-4-7.alias' }]);

    expect(spec('resource:sodimo/gpt-oss-120b.model').dependsOn).toEqual(['component:sodimo/llama-swap']);
    const model = spec('resource:sodimo/gpt-oss-120b.model').quadlet as ModelQuadletSpec;
    expect(model).toMatchObject({ id: 'gpt-oss-120b', aliasRefs: ['resource:sodimo/local-heavy.alias'], groups: ['heavy'], ttl: 600, server: { name: 'llama-swap.container', ref: 'component:sodimo/llama-swap' } });
    expect(model.flags.map(f => f.flag)).toContain('--cache-reuse');
    expect(model.flags).toEqual(expect.arrayContaining([{ flag: '--cache-reuse', value: '256' }, { flag: '-ngl', value: '999' }, { flag: '--no-mmap' }]));
    expect(get('resource:sodimo/gpt-oss-120b.model').metadata.title).toBe('gpt-oss 120B (heavy)');
    expect(spec('component:sodimo/llama-swap').type).toBe('quadlet-container');
    expect((spec('component:sodimo/llama-swap').quadlet as UnitQuadletSpec).serves).toContain('resource:sodimo/gpt-oss-120b.model');

    // A cloud alias depends on its gateway only.
    expect(spec('resource:sodimo/gpt-5.alias').dependsOn).toEqual(['component:sodimo/litellm']);
  });

  it('maps the OS, the kernel args, the timer and the box', () => {
    expect((spec('resource:sodimo/os-image').quadlet as { distribution: string; release: string })).toMatchObject({ distribution: 'fedora', release: '44' });
    const kargs = spec('resource:sodimo/kernel-args').quadlet as { args: { arg: string; source: { line: number } }[] };
    expect(kargs.args.map(a => a.arg)).toContain('amd_iommu=off');
    expect(kargs.args.find(a => a.arg === 'amd_iommu=off')?.source.line).toBe(9);
    expect(spec('component:sodimo/sodiwin-etl.timer').dependsOn).toEqual(['component:sodimo/sodiwin-etl.service']);

    const system = get('system:sodimo/sodimo');
    expect(system.metadata.annotations['quadlet-portal.io/diagnostics']).toBe('none');
    const box = system.spec.quadlet as BoxQuadletSpec;
    expect(box.trees.map(t => [t.name, t.role, t.url])).toEqual([
      ['dotfiles', 'dotfiles', 'https://github.com/sodimo/dotfiles/blob/main/'],
      ['harness', 'os', 'https://github.com/sodimo/harness/blob/main/'],
    ]);
    expect(box.entityCounts['component:quadlet-container']).toBe(20);
    expect(box.diagnostics).toEqual([]);
    expect(box.diagnosticsOmitted).toBe(0);
  });

  it('emits only valid names, in one namespace, and refs that all resolve', () => {
    const refs = new Set(entities.map(refOf));
    for (const e of entities) {
      expect(e.metadata.name).toMatch(ENTITY_NAME_PATTERN);
      expect(e.metadata.name.length).toBeLessThanOrEqual(63);
      expect(e.metadata.name).toBe(e.metadata.name.toLowerCase());
      expect(e.metadata.namespace).toBe('sodimo');
      expect(e.spec).toMatchObject({ owner: OWNER });
      expect((e as { relations?: unknown }).relations).toBeUndefined();
    }
    const systems = entities.filter(e => e.kind !== 'System').map(e => `system:sodimo/${(e.spec as { system: string }).system}`);
    expect([...new Set(systems)]).toEqual(['system:sodimo/sodimo']);
    const found = allRefs(entities);
    expect(found.length).toBeGreaterThan(100);
    expect(found.filter(r => !refs.has(r))).toEqual([]);
  });

  it('is deterministic and sorted', () => {
    const again = inventoryToEntities(inventory, {
      name: 'sodimo',
      owner: OWNER,
      trees: inventory.trees.map(t => ({ name: t.name, location: path.join(SODIMO, t.name), webBase: `https://github.com/sodimo/${t.name}/blob/main/` })),
    });
    expect(JSON.stringify(again)).toBe(JSON.stringify(entities));
    const order = entities.map(e => `${['System', 'Component', 'Resource', 'Decision'].indexOf(e.kind)}:${e.metadata.name}`);
    expect(order).toEqual([...order].sort());
  });
});

/** Every string in any spec that reads like a ref of the box (`kind:sodimo/name`). */
function allRefs(list: readonly EntityLike[]): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      if (/^(component|resource|system|decision):sodimo\//.test(value)) out.push(value);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const e of list) walk(e.spec);
  return out;
}
