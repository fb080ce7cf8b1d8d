import type { Entity } from '@backstage/catalog-model';

/** Relation types the quadlet provider adds between entities and decision records. */
export const RELATION_CITES = 'cites';
export const RELATION_CITED_BY = 'citedBy';

/** Target refs of the entity's relations of one type, in the order the catalog gives them. */
export function relationTargets(entity: Entity, type: string): string[] {
  return (entity.relations ?? [])
    .filter(relation => relation.type === type)
    .map(relation => relation.targetRef);
}
