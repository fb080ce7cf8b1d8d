import { stringify } from 'yaml';
import type { EntityLike } from './entityLike';

export type EntitiesFormat = 'json' | 'yaml';

/**
 * Entities as a catalog file: YAML as a multi-document stream (one `---` document per
 * entity, as `catalog-info.yaml` files hold them), JSON as one array.
 */
export function serializeEntities(entities: readonly EntityLike[], format: EntitiesFormat): string {
  if (format === 'json') return `${JSON.stringify(entities, null, 2)}\n`;
  // No anchors/aliases (shared objects are written out) and no folding of long lines.
  return entities.map(e => `---\n${stringify(e, { aliasDuplicateObjects: false, lineWidth: 0 })}`).join('');
}
