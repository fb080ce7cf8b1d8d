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
import { quadletKeyTooNew } from './quadletKeyTooNew';

const key = (file: string, k: string, line: number, section = 'Container') => ({
  section,
  key: k,
  value: 'x',
  source: at(`${QUADLETS}/${file}`, line),
});

describe('quadlet-key-too-new', () => {
  const inventory = emptyInventory({
    units: [
      unit('old.container', {
        imageText: 'docker.io/library/redis:7',
        otherKeys: [key('old.container', 'Notify', 9)],
      }),
      unit('memory.container', {
        otherKeys: [key('memory.container', 'Memory', 11)],
      }),
      unit('group.container', { groupAdd: ['video'] }),
      unit('stack.pod'),
      unit('vol.volume', {
        otherKeys: [key('vol.volume', 'UID', 5, 'Volume')],
      }),
    ],
  });
  const podman = (version: string) => policyWith(p => (p.podman = { version }));

  it('is not applied while the policy names no podman version', () => {
    expect(quadletKeyTooNew.run(contextOf(inventory))).toEqual([]);
  });

  it("fails keys and unit types newer than the box's podman; a guessed release gives unknown", () => {
    const results = quadletKeyTooNew.run(contextOf(inventory, podman('4.6')));
    expect(summary(results)).toEqual([
      'fail stack.pod .pod',
      'pass old.container',
      'unknown group.container GroupAdd',
      'unknown memory.container Memory',
      'unknown vol.volume UID',
    ]);
    expect(results.find(r => r.entityName === 'stack.pod')!.message).toBe(
      '`.pod` units need podman 5.0; the box runs 4.6',
    );
    expect(
      results.find(r => r.entityName === 'memory.container'),
    ).toMatchObject({
      line: 11,
      message:
        '`Memory=` may need podman 5.3 (release not confirmed); the box runs 4.6',
    });
  });

  it('passes everything on a recent podman', () => {
    expect(
      summary(quadletKeyTooNew.run(contextOf(inventory, podman('5.8')))).every(
        s => s.startsWith('pass'),
      ),
    ).toBe(true);
  });

  it('can be waived', () => {
    const policy = podman('4.6');
    policy.waivers.push(waiver('quadlet-key-too-new', 'stack.pod'));
    expect(
      runOnly('quadlet-key-too-new', contextOf(inventory, policy)).find(
        r => r.entityName === 'stack.pod',
      )!.status,
    ).toBe('waived');
  });
});
