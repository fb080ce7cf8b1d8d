import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { imageUntrustedRegistry } from './imageUntrustedRegistry';

describe('image-untrusted-registry', () => {
  const inventory = emptyInventory({
    units: [
      unit('a.container', { imageText: 'docker.io/library/redis:7' }),
      unit('b.container', { imageText: 'redis:7' }),
      unit('c.container', { imageText: 'index.docker.io/library/redis:7' }),
      unit('d.container', { imageText: 'registry.example.com/team/app:1.0' }),
    ],
  });
  const trusting = policyWith(
    p => (p.images.trustedRegistries = ['docker.io', 'ghcr.io']),
  );

  it('is not applied while the policy lists no registries', () => {
    expect(imageUntrustedRegistry.run(contextOf(inventory))).toEqual([]);
  });

  it('fails registries outside the list; Docker Hub spellings and short names count as docker.io', () => {
    const results = imageUntrustedRegistry.run(contextOf(inventory, trusting));
    expect(summary(results)).toEqual([
      'fail d.container',
      'pass a.container',
      'pass b.container',
      'pass c.container',
    ]);
    expect(results.find(r => r.status === 'fail')!.message).toBe(
      '`registry.example.com/team/app:1.0` comes from registry.example.com, which is not in images.trustedRegistries (docker.io, ghcr.io)',
    );
  });

  it('can be waived', () => {
    trusting.waivers.push(waiver('image-untrusted-registry', 'd'));
    expect(
      runOnly('image-untrusted-registry', contextOf(inventory, trusting)).find(
        r => r.entityName === 'd.container',
      )!.status,
    ).toBe('waived');
  });
});
