import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { imageShortName } from './imageShortName';

describe('image-short-name', () => {
  const inventory = emptyInventory({
    units: [
      unit('redis.container', { imageText: 'redis:7-alpine', imageLine: 8 }),
      unit('twenty.container', {
        imageText: 'docker.io/twentycrm/twenty:v2.0.0',
      }),
      unit('local.container', { imageText: 'localhost/mine:1' }),
    ],
  });

  it('fails a name without a registry and proposes the full one', () => {
    const results = imageShortName.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail redis.container',
      'pass local.container',
      'pass twenty.container',
    ]);
    expect(results.find(r => r.status === 'fail')).toMatchObject({
      severity: 'error',
      line: 8,
      message:
        '`redis:7-alpine` names no registry; write `docker.io/library/redis:7-alpine`',
    });
  });

  it('can be waived for one unit, leaving the others alone', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('image-short-name', 'component:sodimo/redis')),
    );
    expect(
      summary(runOnly('image-short-name', contextOf(inventory, policy))),
    ).toEqual([
      'pass local.container',
      'pass twenty.container',
      'waived redis.container',
    ]);
  });
});
