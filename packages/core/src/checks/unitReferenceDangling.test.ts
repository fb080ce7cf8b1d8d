import {
  contextOf,
  edge,
  emptyInventory,
  policyWith,
  runOnly,
  summary,
  systemdUnit,
  unit,
  waiver,
} from './__fixtures__/testBox';
import { unitReferenceDangling } from './unitReferenceDangling';

describe('unit-reference-dangling', () => {
  const app = unit('app.container');
  app.dependencies = [
    edge(app, 'Requires', 'db.container', {
      service: 'db.service',
      resolved: true,
      targetId: 'x',
    }),
    edge(app, 'After', 'network-online.target', { wellKnown: true }),
    edge(app, 'Volume', 'cache.volume', {
      kind: 'volume',
      service: 'cache-volume.service',
    }),
    edge(app, 'Wants', 'worker@%i.service'),
  ];
  const timer = systemdUnit('etl.timer');
  timer.dependencies = [
    {
      ...edge(app, 'Unit', 'etl.service'),
      source: { tree: 'dotfiles', path: timer.source.path, line: 4 },
    },
  ];
  const clean = unit('db.container');
  const inventory = emptyInventory({
    units: [app, clean],
    systemdUnits: [timer],
  });

  it('fails references to units neither the box nor the system provides, once each', () => {
    const results = unitReferenceDangling.run(contextOf(inventory));
    expect(summary(results)).toEqual([
      'fail app.container Volume=cache.volume',
      'fail etl.timer Unit=etl.service',
      'pass db.container',
      'unknown app.container Wants=worker@%i.service',
    ]);
    expect(results.find(r => r.detail === 'Volume=cache.volume')).toMatchObject(
      {
        line: 5,
        message:
          '`Volume=cache.volume` names a unit (cache-volume.service) that the box does not define and that is not a known system unit',
      },
    );
  });

  it('can be waived per reference', () => {
    const policy = policyWith(p =>
      p.waivers.push(
        waiver('unit-reference-dangling', 'app', {
          detail: 'Volume=cache.volume',
        }),
      ),
    );
    expect(
      summary(
        runOnly('unit-reference-dangling', contextOf(inventory, policy)),
      ).filter(s => s.startsWith('waived')),
    ).toEqual(['waived app.container Volume=cache.volume']);
  });
});
