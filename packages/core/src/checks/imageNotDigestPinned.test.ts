import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  systemdUnit,
  unit,
  waiver,
  at,
} from './__fixtures__/testBox';
import { imageNotDigestPinned } from './imageNotDigestPinned';
import { imageFactOf } from '../inventory/imageFact';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

describe('image-not-digest-pinned', () => {
  const inventory = emptyInventory({
    units: [
      unit('caddy.container', {
        imageText: `docker.io/library/caddy:2-alpine@${DIGEST}`,
        imageLine: 14,
      }),
      unit('db.container', {
        imageText: `docker.io/pgvector/pgvector@${DIGEST}`,
      }),
      unit('piler.container', {
        imageText: 'docker.io/sutoj/piler:1.4.5',
        imageLine: 13,
      }),
      unit('cockpit.container', { imageText: 'quay.io/cockpit/ws:latest' }),
      unit('vault.container', { imageText: '{{ .vaultImage }}' }),
      unit('app.container', { imageText: 'app.build' }),
      unit('data.volume'),
    ],
  });

  it('passes digests (with or without a tag) and fails tags, naming image, file and line', () => {
    const results = imageNotDigestPinned.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail cockpit.container',
      'fail piler.container',
      'pass caddy.container',
      'pass db.container',
      'unknown vault.container',
    ]);
    const piler = results.find(r => r.entityName === 'piler.container')!;
    expect(piler).toMatchObject({
      checkId: 'image-not-digest-pinned',
      severity: 'warning',
      entity:
        'unit:dotfiles:home/dot_config/containers/systemd/piler.container',
      entityRef: 'component:sodimo/piler',
      tree: 'dotfiles',
      file: 'home/dot_config/containers/systemd/piler.container',
      line: 13,
      message:
        '`docker.io/sutoj/piler:1.4.5` is pinned by a version tag, not by digest',
      fingerprint:
        'image-not-digest-pinned|unit:dotfiles:home/dot_config/containers/systemd/piler.container|',
    });
    expect(
      results.find(r => r.entityName === 'cockpit.container')!.message,
    ).toContain('by a floating tag');
  });

  it('reads images that plain units start with podman run, but not images named only in scripts', () => {
    const etl = systemdUnit('etl.service', {
      images: [
        {
          ...imageFactOf(
            'ghcr.io/sodimo/etl:latest',
            at('home/dot_config/systemd/user/etl.service', 7),
          ),
          via: 'exec',
        },
        {
          ...imageFactOf(
            'ghcr.io/sodimo/other:latest',
            at('home/dot_local/bin/etl', 3),
          ),
          via: 'script',
        },
      ],
    });
    const results = imageNotDigestPinned.run(
      contextOf(emptyInventory({ systemdUnits: [etl] })),
    );
    expect(summary(results)).toEqual([
      'fail etl.service ghcr.io/sodimo/etl:latest',
    ]);
    expect(results[0].entityRef).toBe('component:sodimo/etl.service');
  });

  it('a waiver turns the failure into waived, naming the decision and the expiry', () => {
    const policy = policyWith(p =>
      p.waivers.push(
        waiver('image-not-digest-pinned', 'piler', {
          decision: 'D-167',
          expires: '2026-06-30',
        }),
      ),
    );
    const piler = runOnly(
      'image-not-digest-pinned',
      contextOf(inventory, policy),
    ).find(r => r.entityName === 'piler.container')!;
    expect(piler.status).toBe('waived');
    expect(piler.waiver).toMatchObject({
      decision: 'D-167',
      expires: '2026-06-30',
      expired: false,
    });
  });
});
