import type { InventorySystemdUnit, InventoryUnit, UnitScope } from './types';

export interface FoundUnit {
  kind: 'quadlet' | 'systemd';
  id: string;
}

/**
 * Every unit of the box by file name and by service name, per scope: what dependency edges,
 * hostname chains and model servers resolve against. Built once; lookups are map accesses.
 * A name defined twice keeps its first definition (trees in order, then paths).
 */
export class UnitDirectory {
  /**
   * Scope → name → unit (the first of each name). A lookup outside the scope takes the
   * earliest of the other scopes' (by `order`), which is the first of the name in the box.
   */
  private readonly byScope = new Map<
    UnitScope,
    Map<string, FoundUnit & { order: number }>
  >();
  private readonly quadlets = new Map<string, InventoryUnit>();
  /** Container name / alias / `systemd-<x>` → containers answering to it, per scope. */
  private readonly byHostName = new Map<
    string,
    {
      unit: InventoryUnit;
      via: 'container-name' | 'systemd-name' | 'network-alias' | 'service-name';
    }[]
  >();
  /** Host port → containers publishing it. */
  private readonly byHostPort = new Map<number, InventoryUnit[]>();

  constructor(
    units: readonly InventoryUnit[],
    systemdUnits: readonly InventorySystemdUnit[],
  ) {
    let order = 0;
    for (const unit of units) {
      this.quadlets.set(unit.id, unit);
      // One record per unit, under both of its names.
      const found = { kind: 'quadlet' as const, id: unit.id, order: order++ };
      this.add(unit.scope, unit.name, found);
      this.add(unit.scope, unit.serviceName, found);
      if (unit.type !== 'container') continue;
      if (unit.resourceName !== undefined) {
        const via = unit.resourceName.startsWith('systemd-')
          ? 'systemd-name'
          : 'container-name';
        this.addHost(unit.resourceName, unit, via);
      }
      for (const alias of unit.networkAliases)
        this.addHost(alias, unit, 'network-alias');
      // Inside a pod, or with the default name, people still write the unit's base name.
      this.addHost(
        unit.serviceName.replace(/\.service$/, ''),
        unit,
        'service-name',
      );
      for (const port of unit.ports) {
        if (port.hostPort === undefined) continue;
        const list = this.byHostPort.get(port.hostPort);
        if (list) list.push(unit);
        else this.byHostPort.set(port.hostPort, [unit]);
      }
    }
    for (const unit of systemdUnits) {
      this.add(unit.scope, unit.name, {
        kind: 'systemd',
        id: unit.id,
        order: order++,
      });
    }
  }

  private add(
    scope: UnitScope,
    name: string,
    found: FoundUnit & { order: number },
  ) {
    let names = this.byScope.get(scope);
    if (!names) this.byScope.set(scope, (names = new Map()));
    if (!names.has(name)) names.set(name, found);
  }

  private addHost(
    name: string,
    unit: InventoryUnit,
    via: 'container-name' | 'systemd-name' | 'network-alias' | 'service-name',
  ) {
    const key = name.toLowerCase();
    const list = this.byHostName.get(key);
    if (list) {
      if (!list.some(e => e.unit.id === unit.id)) list.push({ unit, via });
    } else this.byHostName.set(key, [{ unit, via }]);
  }

  /** A unit by file or service name, in the scope first, then anywhere in the box. */
  find(name: string, scope: UnitScope): FoundUnit | undefined {
    const own = this.byScope.get(scope)?.get(name);
    if (own) return own;
    let first: (FoundUnit & { order: number }) | undefined;
    for (const [other, names] of this.byScope) {
      if (other === scope) continue;
      const found = names.get(name);
      if (found && (first === undefined || found.order < first.order))
        first = found;
    }
    return first;
  }

  quadlet(id: string): InventoryUnit | undefined {
    return this.quadlets.get(id);
  }

  /** Containers a host name reaches by DNS on a podman network, best match first. */
  containersNamed(host: string): {
    unit: InventoryUnit;
    via: 'container-name' | 'systemd-name' | 'network-alias' | 'service-name';
  }[] {
    const rank = {
      'container-name': 0,
      'systemd-name': 0,
      'network-alias': 1,
      'service-name': 2,
    };
    return (this.byHostName.get(host.toLowerCase()) ?? [])
      .slice()
      .sort((a, b) => rank[a.via] - rank[b.via]);
  }

  /** Containers publishing a host port. */
  containersPublishing(port: number): InventoryUnit[] {
    return this.byHostPort.get(port) ?? [];
  }
}
