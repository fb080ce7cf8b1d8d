import type { Entity } from '@backstage/catalog-model';

/** Annotations the quadlet provider writes (docs/entity-model.md). */
export const ANNOTATION_BOX = 'quadlet-portal.io/box';
export const ANNOTATION_SOURCE = 'quadlet-portal.io/source';
export const ANNOTATION_UNIT_FILE = 'quadlet-portal.io/unit-file';
export const ANNOTATION_SERVICE_NAME = 'quadlet-portal.io/service-name';
export const ANNOTATION_VIEW_URL = 'backstage.io/view-url';

export function annotation(entity: Entity, key: string): string | undefined {
  const value = entity.metadata.annotations?.[key];
  return value ? value : undefined;
}

/** A `tree:path:line` reference as the `quadlet-portal.io/source` annotation writes it. */
export interface TreeLocation {
  tree: string;
  path: string;
  line?: number;
}

/** Splits `dotfiles:home/x/piler.container:12`; the path itself may hold colons. */
export function parseTreeLocation(
  text: string | undefined,
): TreeLocation | undefined {
  if (!text) return undefined;
  const first = text.indexOf(':');
  if (first <= 0) return undefined;
  const tree = text.slice(0, first);
  let path = text.slice(first + 1);
  let line: number | undefined;
  const lineMatch = /:(\d+)$/.exec(path);
  if (lineMatch) {
    line = Number(lineMatch[1]);
    path = path.slice(0, lineMatch.index);
  }
  if (!path) return undefined;
  return { tree, path, line };
}
