import type { Entity } from '@backstage/catalog-model';

/** Set by the quadlet entity provider on every entity of a box (docs/entity-model.md). */
export const BOX_ANNOTATION = 'quadlet-portal.io/box';

/** The box an entity belongs to, or undefined for entities outside any box. */
export function boxOf(entity: Entity): string | undefined {
  const value = entity.metadata.annotations?.[BOX_ANNOTATION]?.trim();
  return value ? value : undefined;
}

/** Entities the scorecard card belongs on: those of a box. */
export function isScorecardEntity(entity: Entity): boolean {
  return boxOf(entity) !== undefined;
}
