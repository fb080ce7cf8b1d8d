import {
  contextOf,
  edge,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { quadletResourceUnused } from './quadletResourceUnused';

describe('quadlet-resource-unused', () => {
  const data = unit('piler-data.volume');
  const spare = unit('piler-mysql.volume');
  const net = unit('sodimo.network');
  const piler = unit('piler.container');
  piler.dependencies = [
    edge(piler, 'Volume', 'piler-data.volume', {
      resolved: true,
      targetId: data.id,
      kind: 'volume',
    }),
    edge(piler, 'Network', 'sodimo.network', {
      resolved: true,
      targetId: net.id,
      kind: 'network',
    }),
  ];
  const inventory = emptyInventory({ units: [data, spare, net, piler] });

  it('fails (as info) volume and network units nothing references; containers are not judged', () => {
    const results = quadletResourceUnused.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail piler-mysql.volume',
      'pass piler-data.volume',
      'pass sodimo.network',
    ]);
    expect(results.find(r => r.status === 'fail')).toMatchObject({
      severity: 'info',
      entityRef: 'resource:sodimo/piler-mysql.volume',
      message: 'piler-mysql.volume is defined but no unit references it',
    });
  });

  it('takes a severity override from the policy, and can be waived', () => {
    const policy = policyWith(p => {
      p.checks['quadlet-resource-unused'] = { severity: 'warning' };
      p.waivers.push(waiver('quadlet-resource-unused', 'piler-mysql.volume'));
    });
    const result = runOnly(
      'quadlet-resource-unused',
      contextOf(inventory, policy),
    ).find(r => r.entityName === 'piler-mysql.volume')!;
    expect(result).toMatchObject({ status: 'waived', severity: 'warning' });
  });
});
