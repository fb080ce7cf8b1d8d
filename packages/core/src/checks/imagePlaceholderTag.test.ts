import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { imagePlaceholderTag } from './imagePlaceholderTag';

describe('image-placeholder-tag', () => {
  const inventory = emptyInventory({
    units: [
      unit('paperclip.container', {
        imageText: 'ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y',
        imageLine: 16,
      }),
      unit('piler.container', { imageText: 'docker.io/sutoj/piler:1.4.5' }),
      unit('digest.container', {
        imageText: `docker.io/library/postgres@sha256:${'ef'.repeat(32)}`,
      }),
    ],
  });

  it('fails a tag that still holds a template placeholder; untagged digests are not judged', () => {
    const results = imagePlaceholderTag.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail paperclip.container',
      'pass piler.container',
    ]);
    expect(results[0]).toMatchObject({
      line: 16,
      message:
        '`ghcr.io/sodimo/paperclip:v2026.416.0-pi0.x.y`: tag `v2026.416.0-pi0.x.y` holds an unfilled placeholder',
    });
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('image-placeholder-tag', 'paperclip')),
    );
    expect(
      runOnly('image-placeholder-tag', contextOf(inventory, policy)).find(
        r => r.entityName === 'paperclip.container',
      )!.status,
    ).toBe('waived');
  });
});
