import type { VolumeMount } from '../inventory/types';
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
import { podmanSocketMount } from './podmanSocketMount';

const host = (
  file: string,
  from: string,
  to: string,
  line: number,
): VolumeMount => ({
  text: `${from}:${to}`,
  kind: 'host',
  from,
  to,
  source: at(`${QUADLETS}/${file}`, line),
});

describe('podman-socket-mount', () => {
  const inventory = emptyInventory({
    units: [
      unit('llama-swap.container', {
        volumes: [
          host(
            'llama-swap.container',
            '%h/.local/share/llama-models',
            '/models',
            20,
          ),
          host(
            'llama-swap.container',
            '%t/podman/podman.sock',
            '/run/podman/podman.sock',
            23,
          ),
        ],
      }),
      unit('ci.container', {
        otherKeys: [
          {
            section: 'Container',
            key: 'Mount',
            value:
              'type=bind,source=/run/docker.sock,destination=/var/run/docker.sock',
            source: at(`${QUADLETS}/ci.container`, 9),
          },
        ],
      }),
      unit('cockpit.container', {
        volumes: [host('cockpit.container', '/', '/host', 16)],
      }),
      unit('data.volume'),
    ],
  });

  it('fails Volume= and Mount= of the engine socket at their line', () => {
    const results = podmanSocketMount.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail ci.container type=bind,source=/run/docker.sock,destination=/var/run/docker.sock',
      'fail llama-swap.container %t/podman/podman.sock',
      'pass cockpit.container',
    ]);
    expect(
      results.find(r => r.entityName === 'llama-swap.container'),
    ).toMatchObject({
      line: 23,
      message:
        '`Volume=%t/podman/podman.sock:/run/podman/podman.sock` hands llama-swap.container the container engine socket',
    });
  });

  it('can be waived', () => {
    const policy = policyWith(p =>
      p.waivers.push(waiver('podman-socket-mount', 'llama-swap')),
    );
    expect(
      runOnly('podman-socket-mount', contextOf(inventory, policy)).find(
        r => r.entityName === 'llama-swap.container',
      )!.status,
    ).toBe('waived');
  });
});
