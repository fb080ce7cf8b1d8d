import {
  contextOf,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  systemdUnit,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { unitKnownBroken } from './unitKnownBroken';

describe('unit-known-broken', () => {
  const inventory = emptyInventory({
    units: [
      unit('piler.container'),
      unit('caddy.container'),
      unit('twenty.container'),
    ],
    systemdUnits: [systemdUnit('etl.service')],
  });
  const declared = policyWith(p =>
    p.knownBroken.units.push({
      unit: 'piler',
      reason: 'no MySQL sidecar',
      issue: 'sodimo/dotfiles#17',
      source: {
        tree: 'dotfiles',
        path: '.quadlet-portal/policy.yaml',
        line: 12,
      },
    }),
  );

  it('fails units the policy declares broken, with the reason, the issue and where it is declared', () => {
    const results = unitKnownBroken.run(contextOf(inventory, declared));
    const piler = results.find(r => r.entityName === 'piler.container')!;
    expect(piler).toMatchObject({
      status: 'fail',
      line: 1,
      message:
        'piler.container is known broken: no MySQL sidecar (sodimo/dotfiles#17); declared at dotfiles:.quadlet-portal/policy.yaml:12',
    });
  });

  it('is unknown for the other units while GitHub issues were not looked up (a label is configured)', () => {
    expect(
      summary(unitKnownBroken.run(contextOf(inventory, declared))),
    ).toEqual([
      'fail piler.container',
      'unknown caddy.container',
      'unknown etl.service',
      'unknown twenty.container',
    ]);
  });

  it('fails units named by open labelled issues, and passes the rest once GitHub was asked', () => {
    const online = {
      knownBrokenIssues: [
        {
          unit: 'twenty.service',
          url: 'https://github.com/sodimo/dotfiles/issues/21',
          title: 'twenty boot loop',
        },
      ],
    };
    const results = unitKnownBroken.run(
      contextOf(inventory, declared, { online }),
    );
    expect(summary(results)).toEqual([
      'fail piler.container',
      'fail twenty.container',
      'pass caddy.container',
      'pass etl.service',
    ]);
    expect(
      results.find(r => r.entityName === 'twenty.container')!.message,
    ).toBe(
      'twenty.container is known broken: open issue labelled known-broken: "twenty boot loop" https://github.com/sodimo/dotfiles/issues/21',
    );
  });

  it('passes undeclared units when the GitHub lookup is turned off (label: null)', () => {
    const policy = policyWith(p => (p.knownBroken.label = null));
    expect(summary(unitKnownBroken.run(contextOf(inventory, policy)))).toEqual([
      'pass caddy.container',
      'pass etl.service',
      'pass piler.container',
      'pass twenty.container',
    ]);
  });

  it('can be waived', () => {
    declared.waivers.push(waiver('unit-known-broken', 'piler'));
    expect(
      runOnly('unit-known-broken', contextOf(inventory, declared)).find(
        r => r.entityName === 'piler.container',
      )!.status,
    ).toBe('waived');
  });
});
