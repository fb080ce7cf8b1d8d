import path from 'node:path';
import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  type Entity,
} from '@backstage/catalog-model';
import type { TreeSource } from '../config/types';

/** Annotation the core sets on every entity it can place: `<tree>:<path>:<line>`. */
export const ANNOTATION_QUADLET_SOURCE = 'quadlet-portal.io/source';

export interface TreeLocation {
  name: string;
  source: TreeSource;
  webBase?: string;
}

/**
 * Sets `backstage.io/managed-by-location` to the file an entity was read from (`url:` the file
 * on GitHub, `file:` the file on disk; the tree itself when no file is known) and
 * `managed-by-origin-location` to the box's first tree, where ingestion of the box starts.
 * With a `url:` location the catalog also derives edit links for the file.
 */
export function withLocationAnnotations(
  entity: Entity,
  trees: readonly TreeLocation[],
): Entity {
  const origin = trees[0] ? locationRef(trees[0]) : undefined;
  if (!origin) return entity;
  const place = parseSourceAnnotation(
    entity.metadata.annotations?.[ANNOTATION_QUADLET_SOURCE],
  );
  const tree = place && trees.find(t => t.name === place.tree);
  const location = tree ? locationRef(tree, place.path) : origin;
  return {
    ...entity,
    metadata: {
      ...entity.metadata,
      annotations: {
        ...entity.metadata.annotations,
        [ANNOTATION_LOCATION]: location,
        [ANNOTATION_ORIGIN_LOCATION]: origin,
      },
    },
  };
}

/** Location ref of a tree, or of one of its files. */
export function locationRef(tree: TreeLocation, filePath?: string): string {
  if (tree.source.type === 'directory') {
    return `file:${
      filePath
        ? path.join(tree.source.path, ...filePath.split('/'))
        : tree.source.path
    }`;
  }
  if (filePath && tree.webBase) return `url:${tree.webBase}${filePath}`;
  return `url:${tree.source.url}`;
}

/** `dotfiles:home/x/piler.container:12` → tree, path (the line is optional and may be absent). */
export function parseSourceAnnotation(
  value: string | undefined,
): { tree: string; path: string } | undefined {
  if (!value) return undefined;
  const first = value.indexOf(':');
  if (first <= 0) return undefined;
  const rest = value.slice(first + 1).replace(/:\d+$/, '');
  return rest ? { tree: value.slice(0, first), path: rest } : undefined;
}
