import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readBox } from '../../inventory';
import type { BoxTree, Inventory, TreeRole } from '../../inventory/types';
import {
  checkBoxTrees,
  introducedErrors,
  treesWithFiles,
} from '../boxFindings';
import type { NewQuadletInput } from './newQuadletSpec';
import { validateNewQuadletInput } from './newQuadletSpec';
import { planNewQuadlet, type NewQuadletPlanResult } from './planNewQuadlet';

/** A folder as a BoxTree (files only, `.git` skipped), for tests over the example boxes. */
function readTree(dir: string, name: string, role: TreeRole): BoxTree {
  const files: BoxTree['files'] = [];
  const walk = (rel: string) => {
    const abs = rel ? path.join(dir, rel) : dir;
    for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory() && entry.name !== '.git') walk(child);
      else if (entry.isFile())
        files.push({
          path: child,
          content: readFileSync(path.join(dir, child)),
        });
    }
  };
  walk('');
  return { name, role, files };
}

const EXAMPLES = path.resolve(__dirname, '../../../../../examples');

/** The sodimo example box: its dotfiles and harness trees. */
function sodimoTrees(): BoxTree[] {
  return [
    readTree(path.join(EXAMPLES, 'sodimo/dotfiles'), 'dotfiles', 'dotfiles'),
    readTree(path.join(EXAMPLES, 'sodimo/harness'), 'harness', 'os'),
  ];
}

const Q = 'home/dot_config/containers/systemd';
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const NOW = new Date('2026-05-01T00:00:00Z');

let trees: BoxTree[];
let inventory: Inventory;
beforeAll(() => {
  trees = sodimoTrees();
  inventory = readBox(trees);
});

const BASE: NewQuadletInput = {
  box: 'sodimo',
  name: 'wiki',
  description: 'Team wiki',
  image: 'ghcr.io/example/wiki:2.5.1',
  ports: [{ hostPort: 8095, containerPort: 3000 }],
  volumes: [{ name: 'data', containerPath: '/var/lib/wiki' }],
  environment: ['WIKI_SECRET', 'DB_URL'],
  hostname: 'wiki.sodimo.eu',
};

function plan(input: Partial<NewQuadletInput> = {}): NewQuadletPlanResult {
  const checked = validateNewQuadletInput({ ...BASE, ...input });
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  return planNewQuadlet(trees, inventory, checked.spec, {
    image: `${checked.spec.image.text}@${DIGEST}`,
  });
}

function text(result: NewQuadletPlanResult, filePath: string): string {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const file = result.plan.files.find(f => f.path === filePath);
  if (!file) throw new Error(`no planned file ${filePath}`);
  return file.content.toString('utf8');
}

describe('planNewQuadlet on the sodimo example box', () => {
  it('plans the container, its volume, env template, Caddy route and ingress rule', () => {
    const result = plan();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.files.map(f => [f.tree, f.path, f.change])).toEqual([
      ['dotfiles', 'home/dot_config/sodimo/wiki.env.tmpl', 'create'],
      ['dotfiles', `${Q}/wiki.container`, 'create'],
      ['dotfiles', `${Q}/wiki-data.volume`, 'create'],
      ['dotfiles', 'home/dot_config/caddy/routes/wiki.caddy', 'create'],
      ['harness', 'mkosi.extra/etc/cloudflared/config.yml', 'update'],
    ]);
    expect(result.plan.notes).toEqual([]);
    expect(text(result, `${Q}/wiki.container`)).toBe(
      [
        '# Team wiki',
        '# Served at wiki.sodimo.eu.',
        '# Added with the quadlet-portal "new quadlet" wizard.',
        '',
        '[Unit]',
        'Description=Team wiki',
        '',
        '[Container]',
        'ContainerName=wiki',
        `Image=ghcr.io/example/wiki:2.5.1@${DIGEST}`,
        'Network=sodimo.network',
        'PublishPort=127.0.0.1:8095:3000',
        'EnvironmentFile=%h/.config/sodimo/wiki.env',
        'Volume=wiki-data.volume:/var/lib/wiki',
        '',
        '[Service]',
        'Restart=always',
        '',
        '[Install]',
        'WantedBy=sodimo.target',
        '',
      ].join('\n'),
    );
    expect(text(result, `${Q}/wiki-data.volume`)).toBe(
      '# /var/lib/wiki of wiki.\n\n[Volume]\nVolumeName=wiki-data\n',
    );
    expect(text(result, 'home/dot_config/caddy/routes/wiki.caddy')).toBe(
      '# wiki.sodimo.eu -> Team wiki.\n\n@wiki host wiki.sodimo.eu\nhandle @wiki {\n\treverse_proxy wiki:3000\n}\n',
    );
    const env = text(result, 'home/dot_config/sodimo/wiki.env.tmpl');
    expect(env.split('\n').filter(l => !l.startsWith('#'))).toEqual([
      '',
      'WIKI_SECRET=',
      'DB_URL=',
      '',
    ]);
  });

  it('adds the ingress rule before the catch-all and keeps every other byte', () => {
    const result = plan();
    const original = trees[1].files
      .find(f => f.path === 'mkosi.extra/etc/cloudflared/config.yml')!
      .content.toString('utf8');
    const updated = text(result, 'mkosi.extra/etc/cloudflared/config.yml');
    const added =
      '  - hostname: wiki.sodimo.eu\n    service: http://127.0.0.1:80\n';
    const at = original.indexOf('  # mail.sodimo.eu is deliberately absent');
    expect(updated).toBe(original.slice(0, at) + added + original.slice(at));
  });

  it('leaves a box that reads and checks with no new error', () => {
    const result = plan();
    if (!result.ok) throw new Error('plan failed');
    const before = checkBoxTrees('sodimo', trees, { now: NOW });
    const after = checkBoxTrees(
      'sodimo',
      treesWithFiles(trees, result.plan.files),
      { now: NOW },
    );
    expect(introducedErrors(before, after)).toEqual([]);
    const hostname = after.inventory.hostnames.find(
      h => h.hostname === 'wiki.sodimo.eu',
    );
    expect(hostname?.declaredBy.sort()).toEqual(['caddy', 'cloudflared']);
    expect(hostname?.chains.every(c => c.complete)).toBe(true);
    expect(
      after.inventory.envFiles.find(e => e.key === '.config/sodimo/wiki.env')
        ?.status,
    ).toBe('template');
  });

  it('without a hostname writes no route and leaves cloudflared alone', () => {
    const result = plan({ hostname: '', environment: [] });
    expect(result.ok && result.plan.files.map(f => f.path)).toEqual([
      `${Q}/wiki.container`,
      `${Q}/wiki-data.volume`,
    ]);
    expect(text(result, `${Q}/wiki.container`)).not.toContain(
      'EnvironmentFile',
    );
  });

  it('creates the network and target when the box has none of that name', () => {
    const result = plan({ network: 'wikinet', target: 'wiki-stack.target' });
    expect(result.ok && result.plan.files.map(f => f.path)).toContain(
      `${Q}/wikinet.network`,
    );
    expect(
      text(result, 'home/dot_config/systemd/user/wiki-stack.target'),
    ).toContain('WantedBy=default.target');
    expect(text(result, `${Q}/wiki.container`)).toContain(
      'Network=wikinet.network\n',
    );
  });

  it('never overwrites an existing unit, container, volume, port or hostname', () => {
    const refused = (input: Partial<NewQuadletInput>) => {
      const result = plan(input);
      return result.ok ? [] : result.problems;
    };
    expect(refused({ name: 'piler' })).toContainEqual({
      field: 'name',
      rule: `the box already has piler.container (dotfiles:${Q}/piler.container:1); an existing unit is never overwritten`,
    });
    // private_vaultwarden.container.tmpl loads as vaultwarden.container.
    expect(refused({ name: 'vaultwarden' })[0].field).toBe('name');
    // A volume of that name, left behind by an earlier unit.
    const stray = treesWithFiles(trees, [
      {
        tree: 'dotfiles',
        path: `${Q}/wiki-data.volume`,
        content: Buffer.from('[Volume]\n'),
      },
    ]);
    const checked = validateNewQuadletInput(BASE);
    if (!checked.ok) throw new Error('bad input');
    expect(
      planNewQuadlet(stray, readBox(stray), checked.spec, { image: 'x' }),
    ).toEqual({
      ok: false,
      problems: [
        {
          field: 'volumes[0].name',
          rule: `the box already has wiki-data.volume (dotfiles:${Q}/wiki-data.volume:1); an existing unit is never overwritten`,
        },
      ],
    });
    expect(
      refused({ ports: [{ hostPort: '8090-8092', containerPort: '80-82' }] }),
    ).toEqual([
      {
        field: 'ports[0].hostPort',
        rule: `8090-8092/tcp is already published by piler.container (dotfiles:${Q}/piler.container:15)`,
      },
    ]);
    expect(refused({ hostname: 'archive.sodimo.eu' })[0]).toEqual(
      expect.objectContaining({ field: 'hostname' }),
    );
  });
});
