import type { Entity } from '@backstage/catalog-model';
import entities from '../__fixtures__/entities.json';

/**
 * Entities as the core's mapping emits them for the example boxes (`examples/sodimo` read with
 * GitHub-like tree URLs, `pilerLocal` with local folders, `brokenBox` from the catalog module's
 * broken-box fixture). The catalog adds relations later; tests add the ones they need.
 */
export const fixtures = entities as unknown as Record<
  keyof typeof entities,
  Entity
>;

/** A copy with relations, the way the catalog serves the entity. */
export function withRelations(
  entity: Entity,
  relations: { type: string; targetRef: string }[],
): Entity {
  return { ...entity, relations };
}
