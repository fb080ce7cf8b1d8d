import type { InventoryUnit, InventorySystemdUnit } from './types';
import { UnitDirectory } from './unitDirectory';

function unit(id: string, name: string, scope: InventoryUnit['scope']) {
  return {
    id,
    type: 'container',
    name,
    serviceName: name.replace(/\.container$/, '.service'),
    scope,
    networkAliases: [],
    ports: [],
  } as unknown as InventoryUnit;
}

describe('UnitDirectory', () => {
  const directory = new UnitDirectory(
    [
      unit('t:a/web.container', 'web.container', 'system'),
      unit('t:b/web.container', 'web.container', 'user'),
      unit('t:c/db.container', 'db.container', 'system'),
      unit('t:d/db.container', 'db.container', 'unknown'),
    ],
    [
      {
        id: 't:e/cache.service',
        name: 'cache.service',
        scope: 'unknown',
      } as unknown as InventorySystemdUnit,
    ],
  );

  it('finds a name in the scope first', () => {
    expect(directory.find('web.container', 'user')?.id).toBe(
      't:b/web.container',
    );
    expect(directory.find('web.service', 'system')?.id).toBe(
      't:a/web.container',
    );
  });

  it('else takes the first unit of that name in the box', () => {
    expect(directory.find('db.container', 'user')?.id).toBe('t:c/db.container');
    expect(directory.find('cache.service', 'user')).toMatchObject({
      kind: 'systemd',
      id: 't:e/cache.service',
    });
    expect(directory.find('missing.service', 'user')).toBeUndefined();
  });
});
