import type { GuideSection } from './guideTypes';

const RAW_ANCHOR = /<a id="([^"<>]+)"><\/a>/g;

/**
 * A section's Markdown, ready for `MarkdownContent`. The generator marks anchors with raw
 * `<a id>` tags; the sanitizer would keep neither an empty link nor a bare id. The section's
 * own anchor is dropped (its container carries the id); the others (table rows, sub-headings)
 * become empty spans, which survive as `user-content-<id>` and are found by `findGuideTarget`.
 */
export function sectionMarkdown(
  section: Pick<GuideSection, 'id' | 'markdown'>,
): string {
  // What comes before a section's own anchor belongs to its file, not to the section: the
  // README's title and its "generated, edits are lost" note, which the page says its own way.
  const own = section.markdown.indexOf(`<a id="${section.id}"></a>`);
  const body = own > 0 ? section.markdown.slice(own) : section.markdown;
  return body.replace(RAW_ANCHOR, (_tag, id: string) =>
    id === section.id ? '' : `<span id="${id}"></span>`,
  );
}

/** The id an anchor of the guide gets once rendered (the sanitizer prefixes ids it keeps). */
export const SANITIZED_ID_PREFIX = 'user-content-';

/** The element an in-guide `#anchor` points at: a section container or a marked row. */
export function findGuideTarget(
  root: Document | HTMLElement,
  id: string,
): HTMLElement | null {
  const owner = 'getElementById' in root ? root : root.ownerDocument;
  const candidates = [id, `${SANITIZED_ID_PREFIX}${id}`];
  for (const candidate of candidates) {
    const element = owner.getElementById(candidate);
    if (element && (root === owner || root.contains(element))) return element;
  }
  return null;
}

/**
 * Rewrites the guide's `#anchor` links to `base#anchor` (the Handoff page, seen from elsewhere,
 * or the current page's own path so the link resolves the same under any route nesting).
 */
export function guideLinkUri(base: string): (href: string) => string {
  return href => (href.startsWith('#') ? `${base}${href}` : href);
}

/** A table of contents: top-level sections in reading order, each with the entries under it. */
export interface GuideTocEntry {
  id: string;
  title: string;
  children: { id: string; title: string }[];
}

export function guideToc(
  sections: readonly Pick<GuideSection, 'id' | 'title' | 'parent'>[],
): GuideTocEntry[] {
  const top: GuideTocEntry[] = [];
  const byId = new Map<string, GuideTocEntry>();
  for (const section of sections) {
    const parent = section.parent ? byId.get(section.parent) : undefined;
    if (parent) {
      parent.children.push({ id: section.id, title: section.title });
    } else {
      const entry = { id: section.id, title: section.title, children: [] };
      top.push(entry);
      byId.set(section.id, entry);
    }
  }
  return top;
}
