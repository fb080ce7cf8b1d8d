import path from 'node:path';
import { readBoxFromDirectories } from './readDirectory';
import type { Inventory, InventoryUnit } from './types';

const SODIMO = path.resolve(__dirname, '../../../../examples/sodimo');
const Q = 'home/dot_config/containers/systemd';

let inventory: Inventory;
beforeAll(async () => {
  inventory = await readBoxFromDirectories([SODIMO], { commits: false });
});

function unit(name: string): InventoryUnit {
  const found = inventory.units.find(u => u.name === name);
  if (!found) throw new Error(`no unit ${name}`);
  return found;
}

describe('readBoxFromDirectories(examples/sodimo)', () => {
  it('reads the folder as two repos with their roles', () => {
    expect(
      inventory.trees.map(t => [t.name, t.role, t.roleFrom, t.chezmoiRoot]),
    ).toEqual([
      ['dotfiles', 'dotfiles', '.chezmoiroot', 'home'],
      ['harness', 'os', 'mkosi.conf', undefined],
    ]);
  });

  it('finds every quadlet of the dotfiles, chezmoi names resolved', () => {
    const byType = (type: string) =>
      inventory.units.filter(u => u.type === type).length;
    expect(byType('container')).toBe(20);
    expect(byType('volume')).toBe(20);
    expect(byType('network')).toBe(1);
    expect(
      inventory.units.every(
        u => u.scope === 'user' && u.source.tree === 'dotfiles',
      ),
    ).toBe(true);
  });

  it('describes the piler container with its volumes, env file and decision', () => {
    const piler = unit('piler.container');
    expect(piler).toMatchObject({
      id: `dotfiles:${Q}/piler.container`,
      serviceName: 'piler.service',
      resourceName: 'piler',
      target: '.config/containers/systemd/piler.container',
      description: 'Piler mail archive',
      documentation: [
        'https://github.com/jsuto/piler',
        'https://www.mailpiler.org/',
      ],
      wantedBy: ['sodimo.target'],
      decisions: ['D-106'],
    });
    expect(piler.leadingComment).toMatch(/^piler: searchable archive/);
    expect(piler.leadingComment).toContain('KNOWN BROKEN (dotfiles#17)');
    expect(piler.image).toMatchObject({
      text: 'docker.io/sutoj/piler:1.4.5',
      pinTier: 'version',
      source: { path: `${Q}/piler.container`, line: 13 },
    });
    expect(
      piler.volumes.map(v => [v.kind, v.from, v.to, v.source.line]),
    ).toEqual([['unit', 'piler-data.volume', '/var/piler', 18]]);
    expect(piler.ports).toEqual([
      expect.objectContaining({
        hostIp: '127.0.0.1',
        hostPort: 8091,
        containerPort: 80,
        protocol: 'tcp',
      }),
    ]);
    expect(piler.environment.map(e => e.name)).toEqual(['PILER_HOSTNAME']);
    expect(piler.envFiles).toEqual([
      expect.objectContaining({
        path: '%h/.config/sodimo/piler.env',
        envFile: '.config/sodimo/piler.env',
        optional: false,
      }),
    ]);
    const volumeEdge = piler.dependencies.find(d => d.kind === 'volume');
    expect(volumeEdge).toMatchObject({
      target: 'piler-data.volume',
      service: 'piler-data-volume.service',
      resolved: true,
      targetKind: 'quadlet',
      targetId: `dotfiles:${Q}/piler-data.volume`,
      source: { line: 18 },
    });
  });

  it('resolves openwebui depends-on: its db, redis and litellm', () => {
    const edges = unit('openwebui.container').dependencies;
    const targets = (kind: string) =>
      edges
        .filter(d => d.kind === kind)
        .map(d => [d.target, d.resolved, d.targetId]);
    expect(targets('requires')).toEqual([
      ['openwebui-db.service', true, `dotfiles:${Q}/openwebui-db.container`],
      [
        'openwebui-redis.service',
        true,
        `dotfiles:${Q}/openwebui-redis.container`,
      ],
    ]);
    expect(targets('wants')).toEqual([
      ['litellm.service', true, `dotfiles:${Q}/litellm.container`],
    ]);
    expect(targets('after').map(t => t[0])).toEqual([
      'openwebui-db.service',
      'openwebui-redis.service',
      'litellm.service',
    ]);
    expect(targets('network')).toEqual([
      ['sodimo.network', true, `dotfiles:${Q}/sodimo.network`],
    ]);
  });

  it('maps quadlet file names in [Unit] to their services (twenty)', () => {
    const requires = unit('twenty.container').dependencies.filter(
      d => d.kind === 'requires',
    );
    expect(requires.map(d => [d.target, d.service, d.resolved])).toEqual([
      ['twenty-db.container', 'twenty-db.service', true],
      ['twenty-redis.container', 'twenty-redis.service', true],
    ]);
  });

  it('reads the vaultwarden chezmoi template with its template lines blanked', () => {
    const vault = unit('vaultwarden.container');
    expect(vault.source.path).toBe(`${Q}/private_vaultwarden.container.tmpl`);
    expect(vault.target).toBe(
      '.config/containers/systemd/vaultwarden.container',
    );
    expect(vault.chezmoiTemplate).toEqual({ templateLines: [18, 21] });
    expect(vault.chezmoi).toEqual({
      private: true,
      executable: false,
      readonly: false,
    });
    expect(vault.image?.text).toBe('docker.io/vaultwarden/server:1.32.7');
    // Both branches of the `{{ if }}` are kept: the production-only backup mount is listed.
    expect(vault.volumes.map(v => v.from)).toEqual([
      'vaultwarden-data.volume',
      '/mnt/nas/backups/vaultwarden',
    ]);
    expect(vault.secrets).toEqual([
      expect.objectContaining({
        name: 'vaultwarden-admin-token',
        type: 'env',
        target: 'ADMIN_TOKEN',
      }),
    ]);
  });

  it('merges drop-ins and tells where each fact came from', () => {
    const swap = unit('llama-swap.container');
    expect(swap.dropIns).toEqual([
      {
        tree: 'dotfiles',
        path: `${Q}/llama-swap.container.d/10-gpu.conf`,
        directory: 'llama-swap.container.d',
      },
    ]);
    expect(swap.devices).toEqual(['/dev/dri', '/dev/kfd']);
    expect(swap.environment).toEqual([
      {
        name: 'HSA_OVERRIDE_GFX_VERSION',
        source: {
          tree: 'dotfiles',
          path: `${Q}/llama-swap.container.d/10-gpu.conf`,
          line: 7,
        },
      },
    ]);
    expect(swap.groupAdd).toEqual(['video']);
    expect(swap.decisions).toEqual(['D-166']);
    const config = swap.volumes.find(v => v.to === '/app/config.yaml');
    expect(config).toMatchObject({
      kind: 'host',
      homeTarget: '.config/llama-swap/llama-swap.yaml',
      repoSource: {
        tree: 'dotfiles',
        path: 'home/dot_config/llama-swap/llama-swap.yaml',
        directory: false,
      },
    });
  });

  it('keeps the podman log-tag braces of postfix as written', () => {
    const postfix = unit('postfix.container');
    expect(postfix.chezmoiTemplate).toBeUndefined();
    expect(postfix.otherKeys).toContainEqual(
      expect.objectContaining({
        key: 'LogOpt',
        value: 'tag="{{.ImageName}}"',
        source: expect.objectContaining({ line: 27 }),
      }),
    );
  });

  it('reads digest pins as digests', () => {
    expect(unit('caddy.container').image).toMatchObject({
      pinTier: 'digest',
      tag: '2-alpine',
    });
    expect(unit('openwebui-db.container').image).toMatchObject({
      pinTier: 'digest',
      digest: expect.stringMatching(/^sha256:/),
    });
    expect(unit('openwebui-db.container').image).not.toHaveProperty('tag');
    expect(unit('cockpit.container').image).toMatchObject({
      pinTier: 'floating',
      tag: 'latest',
    });
    expect(unit('paperclip.container').image).toMatchObject({
      pinTier: 'version',
      placeholder: true,
    });
  });

  it('links each model to the llama-swap container and each alias to its model or provider', () => {
    expect(
      inventory.models.map(m => [
        m.id,
        m.aliases,
        m.server?.name,
        m.server?.reason,
      ]),
    ).toEqual([
      ['qwen3-4b', ['local-task'], 'llama-swap.container', 'mounts-config'],
      [
        'gpt-oss-120b',
        ['local-heavy'],
        'llama-swap.container',
        'mounts-config',
      ],
      [
        'qwen3-30b',
        ['qwen3-30b-coder'],
        'llama-swap.container',
        'mounts-config',
      ],
      [
        'qwen3-embedding',
        ['local-embeddings'],
        'llama-swap.container',
        'mounts-config',
      ],
    ]);
    const heavy = inventory.aliases.find(a => a.name === 'local-heavy');
    expect(heavy?.deployments.map(d => d.resolution)).toEqual([
      {
        kind: 'local',
        model: 'gpt-oss-120b',
        via: 'id',
        server: expect.objectContaining({ name: 'llama-swap.container' }),
      },
    ]);
    expect(heavy?.gateway?.name).toBe('litellm.container');
    expect(heavy?.fallbacks).toEqual(['claude-opus-4-7']);
    expect(
      inventory.aliases.find(a => a.name === 'claude-opus-4-7')?.deployments[0]
        .resolution,
    ).toEqual({ kind: 'cloud', provider: 'anthropic' });
    expect(inventory.aliases.every(a => a.resolved)).toBe(true);
    expect(inventory.models.find(m => m.id === 'qwen3-30b')?.proxy).toBe(
      'http://llama-swap:10002',
    );
  });

  it('follows archive.sodimo.eu from cloudflared through caddy to piler:80', () => {
    const archive = inventory.hostnames.find(
      h => h.hostname === 'archive.sodimo.eu',
    );
    expect(archive?.declaredBy).toEqual(['cloudflared', 'caddy']);
    expect(archive?.chains).toEqual([
      {
        ingress: {
          kind: 'cloudflared',
          service: 'http://127.0.0.1:80',
          source: {
            tree: 'harness',
            path: 'mkosi.extra/etc/cloudflared/config.yml',
            line: 17,
          },
        },
        proxy: {
          kind: 'caddy',
          siteAddress: ':80',
          matcher: '@archive',
          source: {
            tree: 'dotfiles',
            path: 'home/dot_config/caddy/routes/archive.caddy',
            line: 4,
          },
        },
        upstream: { host: 'piler', port: 80, scheme: 'http', raw: 'piler:80' },
        container: {
          unit: `dotfiles:${Q}/piler.container`,
          name: 'piler.container',
          containerName: 'piler',
          port: 80,
          via: 'container-name',
        },
        complete: true,
        unresolved: [],
      },
    ]);
  });

  it('reaches cockpit through the host port it publishes', () => {
    const cockpit = inventory.hostnames.find(
      h => h.hostname === 'cockpit.sodimo.eu',
    );
    expect(cockpit?.chains[0].container).toMatchObject({
      name: 'cockpit.container',
      via: 'host-port',
      port: 9090,
    });
  });

  it('lists six public hostnames, all complete, vault with two routes', () => {
    expect(
      inventory.hostnames.map(h => [
        h.hostname,
        h.chains.length,
        h.chains.every(c => c.complete),
      ]),
    ).toEqual([
      ['archive.sodimo.eu', 1, true],
      ['chat.sodimo.eu', 1, true],
      ['cockpit.sodimo.eu', 1, true],
      ['crm.sodimo.eu', 1, true],
      ['paperclip.sodimo.eu', 1, true],
      ['vault.sodimo.eu', 2, true],
    ]);
    expect(
      inventory.hostnames
        .find(h => h.hostname === 'vault.sodimo.eu')
        ?.chains.map(c => [c.path, c.container?.port]),
    ).toEqual([
      ['/notifications/hub', 3012],
      [undefined, 80],
    ]);
  });

  it('reads the kernel arguments with their file, line and rationale', () => {
    expect(inventory.kernelArgs.map(k => k.arg)).toEqual([
      'amd_iommu=off',
      'ttm.pages_limit=33554432',
      'ttm.page_pool_size=33554432',
    ]);
    const iommu = inventory.kernelArgs[0];
    expect(iommu).toMatchObject({
      key: 'amd_iommu',
      value: 'off',
      architectures: ['x86_64'],
      from: 'kargs.d',
      source: {
        tree: 'harness',
        path: 'mkosi.extra/usr/lib/bootc/kargs.d/00-strix-halo.toml',
        line: 9,
      },
    });
    expect(iommu.rationale).toContain('harness#11');
  });

  it('reads the OS from mkosi: fedora 44', () => {
    expect(inventory.os).toMatchObject({
      distribution: 'fedora',
      release: '44',
      imageId: 'harness',
      source: { tree: 'harness', path: 'mkosi.conf', line: 8 },
    });
    expect(inventory.os?.packages).toContain('podman');
  });

  it('joins decisions across repos: defined in harness, cited in units; D-171 cited only', () => {
    const byId = new Map(inventory.decisions.map(d => [d.id, d]));
    for (const id of ['D-097', 'D-166', 'D-167']) {
      expect(byId.get(id)).toMatchObject({
        status: 'defined',
        definition: { tree: 'harness', path: 'docs/decisions.md' },
      });
    }
    expect(byId.get('D-166')?.title).toBe('Vulkan over ROCm for llama-swap');
    const d171 = byId.get('D-171');
    expect(d171?.status).toBe('cited');
    expect(d171?.definition).toBeUndefined();
    expect(d171?.citations).toEqual([
      {
        source: {
          tree: 'harness',
          path: 'mkosi.extra/usr/lib/systemd/system/chezmoi-update.service',
          line: 4,
        },
        subjects: [
          {
            kind: 'systemd-unit',
            id: 'harness:mkosi.extra/usr/lib/systemd/system/chezmoi-update.service',
          },
        ],
      },
    ]);
    const d167 = byId.get('D-167')!;
    expect(d167.citations.flatMap(c => c.subjects.map(s => s.id))).toContain(
      `dotfiles:${Q}/caddy.container`,
    );
  });

  it('finds twenty.env missing and every other env file rendered from a template', () => {
    const twenty = inventory.envFiles.find(
      e => e.key === '.config/sodimo/twenty.env',
    );
    expect(twenty).toMatchObject({
      status: 'missing',
      references: ['%h/.config/sodimo/twenty.env'],
      variables: [],
    });
    expect(twenty?.usedBy).toEqual([
      `dotfiles:${Q}/twenty-worker.container`,
      `dotfiles:${Q}/twenty.container`,
    ]);
    const piler = inventory.envFiles.find(
      e => e.key === '.config/sodimo/piler.env',
    );
    expect(piler).toMatchObject({
      status: 'template',
      file: { tree: 'dotfiles', path: 'home/dot_config/sodimo/piler.env.tmpl' },
    });
    expect(piler?.variables.map(v => v.name)).toEqual([
      'MYSQL_DATABASE',
      'MYSQL_USER',
      'MYSQL_PASSWORD',
      'MYSQL_ROOT_PASSWORD',
    ]);
    expect(
      inventory.envFiles.filter(e => e.status !== 'template').map(e => e.key),
    ).toEqual(['.config/sodimo/twenty.env']);
  });

  it('reads plain systemd units: timers, ExecStart scripts and the images they run', () => {
    const names = inventory.systemdUnits.map(u => `${u.source.tree}:${u.name}`);
    expect(names).toEqual([
      'dotfiles:sodimo-email-drain.service',
      'dotfiles:sodimo.target',
      'dotfiles:sodiwin-etl.service',
      'dotfiles:sodiwin-etl.timer',
      'harness:chezmoi-update.service',
      'harness:chezmoi-update.timer',
      'harness:cloudflared.service',
      'harness:tailscaled.service',
    ]);
    const timer = inventory.systemdUnits.find(
      u => u.name === 'sodiwin-etl.timer',
    );
    expect(timer).toMatchObject({
      onCalendar: ['*-*-* 03:00:00 Europe/Paris'],
      activates: 'sodiwin-etl.service',
      scope: 'user',
    });
    const etl = inventory.systemdUnits.find(
      u => u.name === 'sodiwin-etl.service',
    );
    expect(etl?.images).toEqual([
      expect.objectContaining({
        text: 'ghcr.io/sodimo/etl:latest',
        pinTier: 'floating',
        via: 'script',
        source: {
          tree: 'dotfiles',
          path: 'home/dot_local/bin/executable_sodiwin-etl',
          line: 9,
        },
      }),
    ]);
    const tailscale = inventory.systemdUnits.find(
      u => u.name === 'tailscaled.service',
    );
    expect(tailscale).toMatchObject({ overrideOnly: true, scope: 'system' });
    const drain = inventory.systemdUnits.find(
      u => u.name === 'sodimo-email-drain.service',
    );
    expect(drain?.dependencies.find(d => d.kind === 'wants')).toMatchObject({
      target: 'postfix.service',
      resolved: true,
      targetKind: 'quadlet',
    });
    const cloudflared = inventory.systemdUnits.find(
      u => u.name === 'cloudflared.service',
    );
    expect(
      cloudflared?.dependencies.find(d => d.kind === 'after'),
    ).toMatchObject({
      target: 'network-online.target',
      resolved: false,
      wellKnown: true,
    });
  });

  it('summarises Caddy and cloudflared', () => {
    expect(inventory.caddy).toEqual([
      expect.objectContaining({
        path: 'home/dot_config/caddy/Caddyfile',
        routes: 7,
        listens: [80],
        server: expect.objectContaining({ name: 'caddy.container' }),
      }),
    ]);
    expect(inventory.cloudflared[0]).toMatchObject({
      tunnel: '74bdbba0-a3fc-45b1-8c6e-127e74021bb5',
      catchAll: 'http_status:404',
    });
    expect(inventory.cloudflared[0].ingress).toHaveLength(7);
  });

  it('reports no diagnostics for the example box', () => {
    expect(inventory.diagnostics).toEqual([]);
  });
});
