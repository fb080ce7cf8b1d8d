import type { SourceRef, TreeSummary } from '../inventory/types';
import type { BoxTreeDescriptor } from './boxDescriptor';
import type { SourcePlace } from './quadletSpec';

export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';
export const ANNOTATION_VIEW_URL = 'backstage.io/view-url';
export const ANNOTATION_EDIT_URL = 'backstage.io/edit-url';
export const ANNOTATION_SOURCE = 'quadlet-portal.io/source';

interface TreeLinks {
  location?: string;
  /** `…/blob/<ref>/`, with a trailing slash. */
  webBase?: string;
}

/**
 * Turns `tree:path:line` places into links and Backstage location annotations, from where
 * each tree lives: a browsable web base (GitHub) gives view and edit URLs down to the line, a
 * repository URL without one gives only a `url:` location, and a local folder a `dir:` one.
 */
export class SourcePlaces {
  private readonly trees = new Map<string, TreeLinks>();
  /** Many facts share a file (and many files a folder): each path is encoded once. */
  private readonly encodedPaths = new Map<string, string>();

  constructor(described: readonly BoxTreeDescriptor[], read: readonly TreeSummary[] = []) {
    for (const tree of read) this.trees.set(tree.name, { location: tree.location });
    for (const tree of described) {
      this.trees.set(tree.name, {
        location: tree.location,
        webBase: tree.webBase ? withSlash(tree.webBase) : undefined,
      });
    }
  }

  place(ref: SourceRef): SourcePlace {
    const url = this.viewUrl(ref.tree, ref.path, ref.line);
    return url === undefined ? { tree: ref.tree, path: ref.path, line: ref.line } : { tree: ref.tree, path: ref.path, line: ref.line, url };
  }

  /** A place for a whole file (line 1, no line anchor). */
  file(tree: string, path: string): SourcePlace {
    return this.place({ tree, path, line: 1 });
  }

  /** The browsable link of a file, `#L<line>` when the line is past the first; only for trees with a web base. */
  viewUrl(tree: string, path: string, line = 1): string | undefined {
    const base = this.trees.get(tree)?.webBase;
    if (base === undefined) return undefined;
    const url = `${base}${this.encoded(path)}`;
    return line > 1 ? `${url}#L${line}` : url;
  }

  /** The link to a tree's root: its web base, or its repository URL. */
  treeUrl(tree: string): string | undefined {
    const links = this.trees.get(tree);
    if (links?.webBase) return links.webBase;
    return links?.location && isUrl(links.location) ? links.location : undefined;
  }

  private encoded(path: string): string {
    let encoded = this.encodedPaths.get(path);
    if (encoded === undefined) this.encodedPaths.set(path, (encoded = encodePath(path)));
    return encoded;
  }

  location(tree: string): string | undefined {
    return this.trees.get(tree)?.location;
  }

  /**
   * `backstage.io/source-location` (the folder holding the file), `view-url` and `edit-url`
   * (the file, at its line) and `quadlet-portal.io/source` (`tree:path:line`).
   */
  annotations(ref: SourceRef): Record<string, string> {
    const out: Record<string, string> = { [ANNOTATION_SOURCE]: `${ref.tree}:${ref.path}:${ref.line}` };
    const links = this.trees.get(ref.tree);
    const folder = ref.path.includes('/') ? `${ref.path.slice(0, ref.path.lastIndexOf('/'))}/` : '';
    if (links?.webBase) {
      out[ANNOTATION_SOURCE_LOCATION] = `url:${links.webBase.replace('/blob/', '/tree/')}${this.encoded(folder)}`;
      out[ANNOTATION_VIEW_URL] = this.viewUrl(ref.tree, ref.path, ref.line)!;
      if (links.webBase.includes('/blob/')) out[ANNOTATION_EDIT_URL] = `${links.webBase.replace('/blob/', '/edit/')}${this.encoded(ref.path)}`;
    } else if (links?.location && isUrl(links.location)) {
      out[ANNOTATION_SOURCE_LOCATION] = `url:${withSlash(links.location)}`;
    } else if (links?.location) {
      out[ANNOTATION_SOURCE_LOCATION] = `dir:${withSlash(links.location)}${folder}`;
    }
    return out;
  }
}

function withSlash(text: string): string {
  return text.endsWith('/') ? text : `${text}/`;
}

function isUrl(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
