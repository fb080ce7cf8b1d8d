import type { BoxTree, Inventory, InventoryDiagnostic } from '../inventory/types';
import { readBox } from '../inventory';
import type { EntityLike } from './entityLike';
import { ENTITY_NAME_PATTERN } from './entityName';
import { inventoryToEntities } from './inventoryToEntities';
import type { BoxQuadletSpec, UnitQuadletSpec } from './quadletSpec';

const OWNER = 'group:default/box-admins';
const Q = 'dot_config/containers/systemd';

function tree(name: string, files: Record<string, string>, role: BoxTree['role'] = 'dotfiles'): BoxTree {
  return { name, role, files: Object.entries(files).map(([p, text]) => ({ path: p, content: Buffer.from(text) })) };
}

function map(trees: BoxTree[], box = 'lab'): EntityLike[] {
  return inventoryToEntities(readBox(trees), { name: box, owner: OWNER, trees: trees.map(t => ({ name: t.name, location: `/srv/${t.name}` })) });
}

const named = (entities: EntityLike[], kind: string, name: string) => entities.find(e => e.kind === kind && e.metadata.name === name);

describe('inventoryToEntities edge cases', () => {
  it('records an unresolved dependency as a fact, never as a relation', () => {
    const entities = map([
      tree('dotfiles', {
        [`${Q}/web.container`]: '[Unit]\nRequires=ghost.service\nAfter=db.container\n[Container]\nImage=nginx\nVolume=missing.volume:/data\nNetwork=lab.network\n',
        [`${Q}/lab.network`]: '[Network]\n',
      }),
    ]);
    const web = named(entities, 'Component', 'web')!;
    expect(web.spec.dependsOn).toEqual(['resource:lab/lab.network']);
    const deps = (web.spec.quadlet as UnitQuadletSpec).dependencies;
    expect(deps.find(d => d.target === 'ghost.service')).toMatchObject({ kind: 'requires', resolved: false, relation: false });
    expect(deps.find(d => d.target === 'ghost.service')?.ref).toBeUndefined();
    expect(deps.find(d => d.target === 'missing.volume')).toMatchObject({ resolved: false, relation: false });
    expect(web.metadata.tags).toEqual(['pin-floating', 'short-name', 'unresolved-dependency']);
  });

  it('keeps a pod, a template and a clash across trees apart', () => {
    const entities = map([
      tree('dotfiles', {
        [`${Q}/web.container`]: '[Container]\nImage=docker.io/library/nginx:1.27\nPod=web.pod\n',
        [`${Q}/web.pod`]: '[Pod]\n',
        [`${Q}/job@.container`]: '[Container]\nImage=docker.io/library/busybox:1.36\n',
      }),
      tree('other', { [`${Q}/web.container`]: '[Container]\nImage=docker.io/library/nginx:1.27\n' }),
    ]);
    const components = entities.filter(e => e.kind === 'Component').map(e => e.metadata.name);
    expect(components).toEqual(expect.arrayContaining(['web', 'web-pod', 'job']));
    const clash = components.find(n => n.startsWith('web-') && n !== 'web-pod');
    expect(clash).toMatch(/^web-[0-9a-z]{7}$/);
    expect(named(entities, 'Component', clash!)!.metadata.title).toBe('web');
    expect(named(entities, 'Component', 'web')!.spec.dependsOn).toEqual(['component:lab/web-pod']);
    expect(named(entities, 'Component', 'web-pod')!.spec.type).toBe('quadlet-pod');
    const job = named(entities, 'Component', 'job')!;
    expect(job.metadata.tags).toContain('template');
    expect(job.metadata.title).toBe('job@');
  });

  it('names a long and a wildcard hostname validly and keeps the full name as title', () => {
    const long = `${'a-very-long-label-for-testing.'.repeat(3)}example.org`;
    const entities = map([
      tree('dotfiles', {
        [`${Q}/app.container`]: '[Container]\nImage=docker.io/library/nginx:1.27\nContainerName=app\n',
        'dot_config/caddy/Caddyfile': `${long} {\n  reverse_proxy app:80\n}\n*.example.org {\n  reverse_proxy app:80\n}\n`,
      }),
    ]);
    const hosts = entities.filter(e => e.spec.type === 'hostname');
    expect(hosts.length).toBe(2);
    for (const h of hosts) {
      expect(h.metadata.name).toMatch(ENTITY_NAME_PATTERN);
      expect(h.metadata.name.length).toBeLessThanOrEqual(63);
    }
    const longEntity = hosts.find(h => h.metadata.title === long);
    expect(longEntity?.metadata.name).toMatch(/-[0-9a-z]{7}$/);
    expect(hosts.map(h => h.metadata.name)).toContain('wildcard.example.org');
  });

  it('ties a citation to the entity whose place holds it: the OS, a model block, an env file', () => {
    const entities = map([
      tree('dotfiles', {
        [`${Q}/llama.container`]: '[Container]\nImage=ghcr.io/mostlygeek/llama-swap:v1\nVolume=%h/.config/llama-swap/llama-swap.yaml:/app/config.yaml:ro\nEnvironmentFile=%h/.config/llama/llama.env\n',
        'dot_config/llama-swap/llama-swap.yaml': 'models:\n  small:\n    # D-201: keep it small\n    cmd: llama-server --port ${PORT}\n    proxy: http://127.0.0.1:${PORT}\n',
        'dot_config/llama/llama.env': '# D-202 explains the threads\nTHREADS=4\n',
      }),
      tree('harness', { 'mkosi.conf': '[Distribution]\nDistribution=fedora\n# D-200 holds the release back\nRelease=43\n', 'docs/decisions.md': '### D-200 — Hold the release\n\nStatus: Accepted\n\nWhy.\n' }, 'os'),
    ]);
    const citedBy = (name: string) => named(entities, 'Decision', name)?.spec.citedBy;
    expect(citedBy('d-200')).toEqual(['resource:lab/os-image']);
    expect(named(entities, 'Resource', 'os-image')?.spec.quadlet).toMatchObject({ release: '43', decisions: ['D-200'] });
    expect(citedBy('d-201')).toEqual(['resource:lab/small.model']);
    expect(named(entities, 'Resource', 'small.model')?.spec.quadlet).toMatchObject({ decisions: ['D-201'] });
    expect(citedBy('d-202')).toEqual(['component:lab/llama']);
    expect(named(entities, 'Component', 'llama')?.spec.quadlet).toMatchObject({ decisions: ['D-202'] });
    expect(named(entities, 'Decision', 'd-200')?.spec.type).toBe('defined');
    expect(named(entities, 'Decision', 'd-201')?.spec.type).toBe('cited-only');
  });

  it('puts the first 500 diagnostics, sorted, on the System and counts the rest', () => {
    const diagnostics: InventoryDiagnostic[] = [];
    for (let i = 700; i > 0; i--) {
      diagnostics.push({ tree: 't', file: `f${String(i).padStart(4, '0')}.container`, line: 1, severity: i % 7 === 0 ? 'error' : 'warning', code: 'x/y', message: `problem ${i}` });
    }
    const inventory: Inventory = { ...readBox([]), diagnostics };
    const [system] = inventoryToEntities(inventory, { name: 'lab', owner: OWNER, trees: [{ name: 't', location: '/srv/t', webBase: 'https://github.com/o/t/blob/main/' }] });
    expect(system.kind).toBe('System');
    const box = system.spec.quadlet as BoxQuadletSpec;
    expect(box.diagnostics).toHaveLength(500);
    expect(box.diagnosticsOmitted).toBe(200);
    expect(box.diagnosticCounts).toEqual({ error: 100, warning: 600, info: 0 });
    expect(box.diagnostics[0]).toEqual({ tree: 't', file: 'f0001.container', line: 1, severity: 'warning', code: 'x/y', message: 'problem 1', url: 'https://github.com/o/t/blob/main/f0001.container' });
    expect(box.diagnostics[499].file).toBe('f0500.container');
    expect(system.metadata.annotations['quadlet-portal.io/diagnostics']).toBe('100 errors, 600 warnings');
    expect(system.metadata.tags).toEqual(['has-errors']);
  });

  it('maps an empty box to its System alone', () => {
    const entities = inventoryToEntities(readBox([]), { name: 'Empty Box', title: 'Empty', owner: OWNER, trees: [] });
    expect(entities).toHaveLength(1);
    expect(entities[0].metadata).toMatchObject({ name: 'empty-box', namespace: 'empty-box', title: 'Empty' });
  });
});
