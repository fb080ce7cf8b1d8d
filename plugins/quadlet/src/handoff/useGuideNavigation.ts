import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { findGuideTarget } from './sectionMarkdown';

/** Set on the row or section an in-guide link jumped to, for the page to highlight it. */
export const GUIDE_TARGET_ATTRIBUTE = 'data-guide-target';

function hashId(hash: string): string | undefined {
  if (hash.length < 2) return undefined;
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return hash.slice(1);
  }
}

/**
 * In-guide `#anchor` links on a page whose content arrives after the page did. The browser
 * cannot do this alone: the anchors do not exist yet when the page opens with a hash, the
 * sanitizer renames row anchors, and the router would resolve `#anchor` against the entity's
 * route rather than the tab. So: jump to the hash once `ready`, on back/forward, and on clicks
 * of same-page hash links inside the container (the URL gets the hash; history keeps the entry).
 */
export function useGuideNavigation(ready: boolean) {
  const containerRef = useRef<HTMLDivElement>(null);
  const marked = useRef<Element | null>(null);
  /** The anchor last jumped to, for the contents to show where the reader is. */
  const [current, setCurrent] = useState<string>();

  const jumpTo = useCallback((id: string): boolean => {
    const root = containerRef.current;
    if (!root) return false;
    const target = findGuideTarget(root, id);
    if (!target) return false;
    const row = target.closest('tr');
    const highlight =
      row ?? (target.hasAttribute('data-guide-section') ? target : null);
    marked.current?.removeAttribute(GUIDE_TARGET_ATTRIBUTE);
    highlight?.setAttribute(GUIDE_TARGET_ATTRIBUTE, '');
    marked.current = highlight;
    setCurrent(id);
    // jsdom has no layout, hence no scrollIntoView.
    target.scrollIntoView?.({ block: row ? 'center' : 'start' });
    return true;
  }, []);

  useEffect(() => {
    if (!ready) return undefined;
    const id = hashId(window.location.hash);
    if (id) jumpTo(id);
    const onHistory = () => {
      const next = hashId(window.location.hash);
      if (next) jumpTo(next);
    };
    window.addEventListener('popstate', onHistory);
    window.addEventListener('hashchange', onHistory);
    return () => {
      window.removeEventListener('popstate', onHistory);
      window.removeEventListener('hashchange', onHistory);
    };
  }, [ready, jumpTo]);

  const onClickCapture = useCallback(
    (event: ReactMouseEvent) => {
      if (
        event.defaultPrevented ||
        event.button !== 0 ||
        event.metaKey ||
        event.ctrlKey ||
        event.shiftKey ||
        event.altKey
      )
        return;
      const anchor = (event.target as Element | null)?.closest?.('a');
      if (!anchor || (anchor.target && anchor.target !== '_self')) return;
      const url = new URL(anchor.href, window.location.href);
      if (
        url.origin !== window.location.origin ||
        url.pathname !== window.location.pathname ||
        !url.hash
      )
        return;
      const id = hashId(url.hash);
      if (!id || !jumpTo(id)) return;
      // Before the router's own click handler, which would resolve the hash elsewhere.
      event.preventDefault();
      if (window.location.hash !== url.hash)
        window.history.pushState(window.history.state, '', url.hash);
    },
    [jumpTo],
  );

  return { containerRef, onClickCapture, jumpTo, current };
}
