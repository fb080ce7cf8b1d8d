import { readBox } from './readBox';
import type { BoxTree } from './types';

const file = (path: string, text: string) => ({
  path,
  content: Buffer.from(text),
});

describe('quadlets wherever they live', () => {
  const tree: BoxTree = {
    name: 'apps',
    files: [
      // Per-app folders outside any containers/systemd folder: read together.
      file('quadlets/net/shared.network', '[Network]\nNetworkName=shared\n'),
      file(
        'quadlets/web/web.container',
        '[Unit]\nRequires=db.container\nAfter=missing.service network-online.target\n[Container]\nImage=docker.io/library/nginx:1.27\nNetwork=shared.network\nNetworkAlias=www\n[Install]\nWantedBy=multi-user.target\n',
      ),
      file(
        'quadlets/db/db.container',
        '[Container]\nImage=postgres:16\nVolume=data.volume:/var/lib/postgresql\n',
      ),
      file('quadlets/db/data.volume', '[Volume]\n'),
      // A type-wide drop-in, a truncated-dash one and a unit's own.
      file(
        'quadlets/container.d/00-all.conf',
        '[Container]\nAutoUpdate=registry\n',
      ),
      file(
        'quadlets/web/web.container.d/10-env.conf',
        '[Container]\nEnvironment=MODE=prod\n',
      ),
      file(
        'quadlets/db/db-.container.d/20-db.conf',
        '[Container]\nEnvironment=REPLICA=1\n',
      ),
      file(
        'quadlets/db/db-replica.container',
        '[Container]\nImage=docker.io/library/postgres:16\n',
      ),
      // A backup copy in a folder podman walks later: it is ignored.
      file(
        'quadlets/zz-backup/web.container',
        '[Container]\nImage=nginx:old\n',
      ),
      // A drop-in folder for a unit that does not exist.
      file('quadlets/gone.container.d/override.conf', '[Container]\nImage=x\n'),
      // A template and an instance linked to it.
      file(
        'quadlets/svc/worker@.container',
        '[Container]\nImage=ghcr.io/x/worker:2\nExec=run %i\n',
      ),
      // bootc image quadlets.
      file(
        'usr/share/containers/systemd/agent.container',
        '[Unit]\nRequires=db.container\n[Container]\nImage=quay.io/x/agent:1\n',
      ),
    ],
    links: [
      {
        path: 'quadlets/svc/worker@blue.container',
        target: 'quadlets/svc/worker@.container',
      },
    ],
  };
  const inventory = readBox([tree]);
  const unit = (name: string) => inventory.units.find(u => u.name === name)!;

  it('finds units in per-app folders and bootc folders, first of a name wins', () => {
    expect(inventory.units.map(u => [u.name, u.source.path])).toEqual([
      ['agent.container', 'usr/share/containers/systemd/agent.container'],
      ['data.volume', 'quadlets/db/data.volume'],
      ['db-replica.container', 'quadlets/db/db-replica.container'],
      ['db.container', 'quadlets/db/db.container'],
      ['shared.network', 'quadlets/net/shared.network'],
      ['web.container', 'quadlets/web/web.container'],
      ['worker@.container', 'quadlets/svc/worker@.container'],
      ['worker@blue.container', 'quadlets/svc/worker@blue.container'],
    ]);
    expect(inventory.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'quadlets/zz-backup/web.container',
        code: 'quadlet/shadowed-unit',
      }),
    );
    expect(inventory.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'quadlets/gone.container.d/override.conf',
        code: 'quadlet/orphan-drop-in',
      }),
    );
  });

  it('merges type-wide, truncated and own drop-ins', () => {
    expect(unit('web.container').dropIns.map(d => d.path)).toEqual([
      'quadlets/container.d/00-all.conf',
      'quadlets/web/web.container.d/10-env.conf',
    ]);
    expect(unit('web.container').environment.map(e => e.name)).toEqual([
      'MODE',
    ]);
    expect(unit('db-replica.container').dropIns.map(d => d.directory)).toEqual([
      'container.d',
      'db-.container.d',
    ]);
    expect(unit('db-replica.container').environment.map(e => e.name)).toEqual([
      'REPLICA',
    ]);
    expect(unit('db.container').otherKeys.map(k => k.key)).toEqual([
      'AutoUpdate',
    ]);
  });

  it('resolves references across folders and marks well-known and dangling targets', () => {
    const edges = unit('web.container').dependencies.map(d => [
      d.kind,
      d.target,
      d.resolved,
      d.wellKnown,
    ]);
    expect(edges).toEqual([
      ['after', 'missing.service', false, false],
      ['after', 'network-online.target', false, true],
      ['requires', 'db.container', true, false],
      ['network', 'shared.network', true, false],
      ['wantedBy', 'multi-user.target', false, true],
    ]);
    expect(unit('db.container').dependencies).toContainEqual(
      expect.objectContaining({
        kind: 'volume',
        target: 'data.volume',
        resolved: true,
      }),
    );
    expect(unit('web.container').networkAliases).toEqual(['www']);
  });

  it('keeps scopes apart: a system quadlet does not resolve a user one… unless only that exists', () => {
    expect(unit('agent.container').scope).toBe('system');
    expect(unit('db.container').scope).toBe('unknown');
    // The reference still resolves (to the only db.container of the box).
    expect(unit('agent.container').dependencies[0]).toMatchObject({
      target: 'db.container',
      resolved: true,
    });
  });

  it('reads an instance link through its template and keeps the link', () => {
    const blue = unit('worker@blue.container');
    expect(blue.id).toBe('apps:quadlets/svc/worker@blue.container');
    expect(blue.systemdTemplate).toEqual({
      template: false,
      instance: 'blue',
      readFrom: 'quadlets/svc/worker@.container',
    });
    expect(blue.serviceName).toBe('worker@blue.service');
    expect(unit('worker@.container').systemdTemplate).toEqual({
      template: true,
    });
    expect(inventory.links).toEqual([
      {
        tree: 'apps',
        path: 'quadlets/svc/worker@blue.container',
        target: 'quadlets/svc/worker@.container',
        unit: 'apps:quadlets/svc/worker@blue.container',
      },
    ]);
  });

  it('reports a short-name image as podman does', () => {
    expect(inventory.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'quadlets/db/db.container',
        code: 'quadlet/short-name',
        severity: 'warning',
      }),
    );
    expect(unit('db.container').image).toMatchObject({
      shortName: true,
      normalized: 'docker.io/library/postgres:16',
    });
  });
});
