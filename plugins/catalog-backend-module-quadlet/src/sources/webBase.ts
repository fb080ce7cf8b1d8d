/**
 * The prefix a file path of a tree read from `url` is appended to for a browsable link:
 * `https://github.com/o/r/tree/main/sub` → `https://github.com/o/r/blob/main/sub/`.
 *
 * A URL without a ref (`https://github.com/o/r`) is read at the default branch; its files are
 * then shown at the commit that was read (the URL reader's ETag for GitHub is the commit sha),
 * which GitHub accepts in place of a branch. Only GitHub's `/<o>/<r>/tree|blob/<ref>/…` shape is
 * understood; other hosts get no web base (their entities still have source annotations).
 */
export function webBaseOf(url: string, commit?: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const [owner, rawRepo, kind, ref, ...rest] = parsed.pathname
    .split('/')
    .filter(Boolean);
  if (!owner || !rawRepo) return undefined;
  const repo = rawRepo.replace(/\.git$/, '');
  const base = `${parsed.origin}/${owner}/${repo}/blob/`;
  if (kind === undefined) {
    return parsed.hostname.includes('github') && commit
      ? `${base}${commit}/`
      : undefined;
  }
  if ((kind !== 'tree' && kind !== 'blob') || !ref) return undefined;
  const sub = rest.length > 0 ? `${rest.join('/')}/` : '';
  return `${base}${ref}/${sub}`;
}
