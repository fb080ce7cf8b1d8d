import type { SourceRef, TreeSummary } from '../inventory/types';
import type { BoxTreeDescriptor } from './boxDescriptor';
import type { SourcePlace } from './quadletSpec';

export const ANNOTATION_SOURCE_LOCATION = 'backstage.io/source-location';
export const ANNOTATION_VIEW_URL = 'backstage.io/view-url';
export const ANNOTATION_EDIT_URL = 'backstage.io/edit-url';
export const ANNOTATION_SOURCE = 'quadlet-portal.io/source';
/** Backstage's own names (`@backstage/catalog-model`), written out: the core imports nothing from Backstage. */
export const ANNOTATION_MANAGED_BY_LOCATION = 'backstage.io/managed-by-location';
export const ANNOTATION_MANAGED_BY_ORIGIN_LOCATION = 'backstage.io/managed-by-origin-location';

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
  /** Only the trees the box describes: a tree read but not described has no location to manage it by. */
  private readonly described = new Map<string, TreeLinks>();
  private readonly origin: string | undefined;
  /** Many facts share a file (and many files a folder): each path is encoded once. */
  private readonly encodedPaths = new Map<string, string>();

  constructor(described: readonly BoxTreeDescriptor[], read: readonly TreeSummary[] = []) {
    for (const tree of read) this.trees.set(tree.name, { location: tree.location });
    for (const tree of described) {
      const links = { location: tree.location, webBase: tree.webBase ? withSlash(tree.webBase) : undefined };
      this.trees.set(tree.name, links);
      if (!this.described.has(tree.name)) this.described.set(tree.name, links);
    }
    this.origin = described[0] && locationRef(described[0].location);
  }

  /**
   * `backstage.io/managed-by-location`: the file `source` names (`url:<webBase><path>` for a
   * browsable tree, `file:<folder>/<path>` for a local one; the tree itself when no file is known
   * or a repository URL has no web base), the first tree when there is no source; and
   * `managed-by-origin-location`: the box's first tree, where its ingestion starts. None
   * when the box describes no tree, or its first tree is no URL and no absolute folder.
   */
  locationAnnotations(source?: { tree: string; path: string }): Record<string, string> {
    if (this.origin === undefined) return {};
    const tree = source && this.described.get(source.tree);
    const location = (tree?.location !== undefined && locationRef(tree.location, source!.path, tree.webBase)) || this.origin;
    return { [ANNOTATION_MANAGED_BY_LOCATION]: location, [ANNOTATION_MANAGED_BY_ORIGIN_LOCATION]: this.origin };
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

/** A Backstage location ref of a tree (`url:` its URL, `file:` its absolute folder) or of one of its files. */
function locationRef(location: string, filePath?: string, webBase?: string): string | undefined {
  if (isUrl(location)) return filePath !== undefined && webBase ? `url:${webBase}${filePath}` : `url:${location}`;
  // The catalog reads `file:` targets as paths on its own host: a relative folder would be wrong there.
  if (!location.startsWith('/')) return undefined;
  if (filePath === undefined) return `file:${location}`;
  return `file:${location.endsWith('/') ? location : `${location}/`}${filePath}`;
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
