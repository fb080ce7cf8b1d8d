import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { imageTagMissing } from './imageTagMissing';
import { registryImageRefs } from './imageUses';

describe('image-tag-missing', () => {
  const inventory = emptyInventory({
    units: [
      unit('paperclip.container', {
        imageText: 'ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y',
        imageLine: 16,
      }),
      unit('piler.container', { imageText: 'docker.io/sutoj/piler:1.4.5' }),
      unit('redis.container', { imageText: 'redis:7-alpine' }),
      unit('app.container', { imageText: 'app.image' }),
    ],
  });
  const facts = {
    'ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y': {
      status: 'not-found' as const,
    },
    'docker.io/sutoj/piler:1.4.5': {
      status: 'ok' as const,
      digest: `sha256:${'12'.repeat(32)}`,
    },
    'docker.io/library/redis:7-alpine': {
      status: 'unknown' as const,
      error: 'timeout after 10 s',
    },
  };

  it('lists the normalised references adapters should resolve', () => {
    expect(registryImageRefs(inventory)).toEqual(Object.keys(facts).sort());
  });

  it('is unknown for every image when the registry was not asked (never pass)', () => {
    const results = imageTagMissing.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'unknown paperclip.container',
      'unknown piler.container',
      'unknown redis.container',
    ]);
    expect(results[0].message).toContain('offline run');
  });

  it('fails a reference the registry does not have, passes found ones, and keeps registry errors unknown', () => {
    const results = imageTagMissing.run(
      contextOf(inventory, undefined, { online: { images: facts } }),
    );
    expect(summary(results)).toEqual([
      'fail paperclip.container',
      'pass piler.container',
      'unknown redis.container',
    ]);
    expect(results.find(r => r.status === 'fail')!.message).toBe(
      'ghcr.io has no tag `v2026.416.0-pi0.x.y` for sodimo/paperclip',
    );
    expect(results.find(r => r.status === 'pass')!.message).toContain(
      `resolves to sha256:${'12'.repeat(32)}`,
    );
    expect(results.find(r => r.status === 'unknown')!.message).toContain(
      'timeout after 10 s',
    );
    expect(imageTagMissing.online).toBe(true);
  });

  it('can be waived while the image is being pushed', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('image-tag-missing', 'paperclip.container')),
    );
    const results = runOnly(
      'image-tag-missing',
      contextOf(inventory, policy, { online: { images: facts } }),
    );
    expect(
      results.find(r => r.entityName === 'paperclip.container')!.status,
    ).toBe('waived');
  });
});
