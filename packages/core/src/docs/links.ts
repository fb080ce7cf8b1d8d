import type { SourceRef } from '../inventory/types';
import { code, link } from './markdown';
import type { GuideTree } from './types';

/** A place in a tree; `line` 1 (or absent) means the whole file. */
export type Place = Pick<SourceRef, 'tree' | 'path'> & { line?: number };

/**
 * Links as one rendering needs them. The same section is rendered twice: into its file
 * (`mode: 'file'`: links relative to that file, source links through a web base or the tree's
 * relative base) and alone for one-page display (`mode: 'page'`: `#anchor` links, source links
 * through a web base only).
 */
export class Linker {
  private readonly trees: Map<string, GuideTree>;

  constructor(
    trees: readonly GuideTree[],
    private readonly mode: 'file' | 'page',
    /** The file being written (file mode). */
    private readonly from: string,
    /** Anchor → file holding it. */
    private readonly anchors: ReadonlyMap<string, string>,
  ) {
    this.trees = new Map(trees.map(t => [t.name, t]));
  }

  /** Href of a section or row anchor of the guide. */
  to(anchorId: string): string {
    const path = this.anchors.get(anchorId);
    if (this.mode === 'page' || path === undefined || path === this.from) return `#${anchorId}`;
    return `${relativePath(this.from, path)}#${anchorId}`;
  }

  /** Href of a whole guide file (for breadcrumbs). */
  file(path: string): string {
    return relativePath(this.from, path);
  }

  /** Href of a source file at a line, when its tree can be linked. */
  source(place: Place): string | undefined {
    const tree = this.trees.get(place.tree);
    if (!tree) return undefined;
    const line = place.line !== undefined && place.line > 1 ? `#L${place.line}` : '';
    if (tree.webBase) return `${withSlash(tree.webBase)}${encodePath(place.path)}${line}`;
    if (this.mode === 'file' && tree.relativeBase !== undefined) {
      const up = '../'.repeat(this.from.split('/').length - 1);
      return `${up}${withSlash(tree.relativeBase)}${encodePath(place.path)}${line}`;
    }
    return undefined;
  }

  /** `tree:path:line` in code, linked when possible. */
  place(place: Place): string {
    return link(code(placeText(place)), this.source(place));
  }

  /** `file:line` in code, linked when possible; the full `tree:path:line` when it cannot be linked. */
  short(place: Place): string {
    const href = this.source(place);
    if (href === undefined) return code(placeText(place));
    const line = place.line !== undefined && place.line > 1 ? `:${place.line}` : '';
    return link(code(`${place.path.slice(place.path.lastIndexOf('/') + 1)}${line}`), href);
  }
}

/** The path of guide file `to` as seen from guide file `from` (both relative to the guide's root). */
export function relativePath(from: string, to: string): string {
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = to.split('/');
  let shared = 0;
  while (shared < fromDirs.length && shared < toParts.length - 1 && fromDirs[shared] === toParts[shared]) shared++;
  return `${'../'.repeat(fromDirs.length - shared)}${toParts.slice(shared).join('/')}`;
}

export function placeText(place: Place): string {
  const line = place.line !== undefined && place.line > 1 ? `:${place.line}` : '';
  return `${place.tree}:${place.path}${line}`;
}

function withSlash(base: string): string {
  return base === '' || base.endsWith('/') ? base : `${base}/`;
}

function encodePath(path: string): string {
  return path
    .split('/')
    .map(segment => encodeURIComponent(segment))
    .join('/');
}
