import {
  at,
  contextOf,
  emptyInventory,
  policyWith,
  QUADLETS,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { rootlessIncompatibleOption } from './rootlessIncompatibleOption';

describe('rootless-incompatible-option', () => {
  const inventory = emptyInventory({
    units: [
      unit('llama.container', { groupAdd: ['keep-groups'] }),
      unit('render.container', {
        podmanArgs: ['--privileged', '--group-add', 'render'],
      }),
      unit('render2.container', { podmanArgs: ['--group-add=render'] }),
      unit('userns.container', {
        otherKeys: [
          {
            section: 'Container',
            key: 'UserNS',
            value: 'host',
            source: at(`${QUADLETS}/userns.container`, 12),
          },
        ],
      }),
      unit('video.container', {
        groupAdd: ['video'],
        podmanArgs: ['--pid=host'],
      }),
      unit('root.container', { scope: 'system', groupAdd: ['keep-groups'] }),
      unit('maybe.container', { scope: 'unknown', groupAdd: ['keep-groups'] }),
    ],
  });

  it('fails the default options written as quadlet keys or as podman flags; rootful units are not concerned', () => {
    const results = rootlessIncompatibleOption.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail llama.container GroupAdd=keep-groups',
      'fail render.container --group-add=render',
      'fail render2.container --group-add=render',
      'pass userns.container',
      'pass video.container',
      'unknown maybe.container GroupAdd=keep-groups',
    ]);
    expect(
      results.find(r => r.entityName === 'render.container')!.message,
    ).toBe(
      '`PodmanArgs=--group-add render` fails under rootless podman (policy: --group-add=render)',
    );
  });

  it('takes its list from the policy, matching keys at their own line', () => {
    const policy = policyWith(
      p => (p.rootless.incompatibleOptions = ['--userns=host']),
    );
    const results = rootlessIncompatibleOption.run(
      contextOf(inventory, policy),
    );
    expect(results.find(r => r.status === 'fail')).toMatchObject({
      entityName: 'userns.container',
      line: 12,
      detail: '--userns=host',
    });
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('rootless-incompatible-option', 'llama.container')),
    );
    expect(
      runOnly(
        'rootless-incompatible-option',
        contextOf(inventory, policy),
      ).find(r => r.entityName === 'llama.container')!.status,
    ).toBe('waived');
  });
});
