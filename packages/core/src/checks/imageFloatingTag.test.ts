import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { imageFloatingTag } from './imageFloatingTag';

describe('image-floating-tag', () => {
  const inventory = emptyInventory({
    units: [
      unit('cockpit.container', {
        imageText: 'quay.io/cockpit/ws:latest',
        imageLine: 13,
      }),
      unit('llama-swap.container', {
        imageText: 'ghcr.io/mostlygeek/llama-swap:vulkan',
      }),
      unit('bare.container', { imageText: 'docker.io/library/nginx' }),
      unit('piler.container', { imageText: 'docker.io/sutoj/piler:1.4.5' }),
      unit('caddy.container', {
        imageText: `docker.io/library/caddy:latest@sha256:${'cd'.repeat(32)}`,
      }),
      unit('vault.container', { imageText: '{{ .vaultImage }}' }),
    ],
  });

  it('fails channel tags and missing tags; a digest makes any tag harmless', () => {
    const results = imageFloatingTag.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail bare.container',
      'fail cockpit.container',
      'fail llama-swap.container',
      'pass caddy.container',
      'pass piler.container',
    ]);
    expect(
      results.find(r => r.entityName === 'cockpit.container'),
    ).toMatchObject({
      line: 13,
      message: '`quay.io/cockpit/ws:latest` is on floating tag `latest`',
    });
    expect(results.find(r => r.entityName === 'bare.container')!.message).toBe(
      '`docker.io/library/nginx` has no tag: podman pulls `latest`',
    );
  });

  it('an expired waiver leaves the failure and says it expired', () => {
    const policy = policyWith(p =>
      p.waivers.push(
        waiver('image-floating-tag', 'cockpit.container', {
          expires: '2026-03-31',
          decision: 'D-167',
        }),
      ),
    );
    const cockpit = runOnly(
      'image-floating-tag',
      contextOf(inventory, policy),
    ).find(r => r.entityName === 'cockpit.container')!;
    expect(cockpit.status).toBe('fail');
    expect(cockpit.waiver).toMatchObject({
      expired: true,
      expires: '2026-03-31',
    });
    expect(cockpit.message).toContain('waiver expired on 2026-03-31');
  });

  it('reports nothing undecidable as pass: a templated image gives no result at all here', () => {
    const results = imageFloatingTag.run(
      contextOf(
        emptyInventory({
          units: [unit('t.container', { imageText: '{{ .img }}' })],
        }),
      ),
    );
    expect(results).toEqual([]);
  });
});
