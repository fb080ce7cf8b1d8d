import path from 'node:path';
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  type Entity,
} from '@backstage/catalog-model';
import { inventoryToEntities, readBoxFromDirectories, validateDecisionEntity, type EntityLike } from '@quadlet-portal/core';

// Core must not import Backstage; this test checks its output against Backstage's own rules.
const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const policy = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);
const KIND_VALIDATORS: Record<string, { check(entity: Entity): Promise<boolean> }> = {
  Component: componentEntityV1alpha1Validator,
  Resource: resourceEntityV1alpha1Validator,
  System: systemEntityV1alpha1Validator,
};

describe.each(['sodimo', 'bazzite'])('entities of examples/%s', box => {
  let entities: EntityLike[];

  beforeAll(async () => {
    const inventory = await readBoxFromDirectories([path.join(EXAMPLES, box)], { commits: false });
    entities = inventoryToEntities(inventory, {
      name: box,
      owner: 'group:default/box-admins',
      trees: inventory.trees.map(t => ({ name: t.name, location: path.resolve(t.location!), webBase: `https://github.com/${box}/${t.name}/blob/main/` })),
    });
  });

  it("pass Backstage's entity policies and kind validators", async () => {
    expect(entities.length).toBeGreaterThan(1);
    for (const entity of entities) {
      await expect(policy.enforce(entity as Entity)).resolves.toBeDefined();
      const validator = KIND_VALIDATORS[entity.kind];
      const valid = validator ? await validator.check(entity as Entity) : validateDecisionEntity(entity).ok;
      expect([stringifyEntityRef(entity as Entity), valid]).toEqual([stringifyEntityRef(entity as Entity), true]);
    }
  });

  it('hold refs that Backstage parses to entities of the box', () => {
    const known = new Set(entities.map(e => stringifyEntityRef(e as Entity)));
    const dangling: string[] = [];
    for (const entity of entities) {
      const spec = entity.spec as { system?: string; dependsOn?: string[]; citedBy?: string[]; owner: string };
      const namespace = entity.metadata.namespace;
      const refs = [
        ...(spec.system ? [stringifyEntityRef(parseEntityRef(spec.system, { defaultKind: 'system', defaultNamespace: namespace }))] : []),
        ...[...(spec.dependsOn ?? []), ...(spec.citedBy ?? [])].map(r => stringifyEntityRef(parseEntityRef(r))),
      ];
      dangling.push(...refs.filter(r => !known.has(r)));
      expect(parseEntityRef(spec.owner)).toEqual({ kind: 'group', namespace: 'default', name: 'box-admins' });
    }
    expect(dangling).toEqual([]);
  });
});
