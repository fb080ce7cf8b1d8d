import { code, link, listText } from './markdown';

const FORGE = /^https?:\/\/(?:www\.)?(github\.com|gitlab\.com|codeberg\.org)\/([^/?#\s]+)\/([^/?#\s]+?)(?:\.git)?\/?$/i;

/**
 * `Documentation=` values as the entry shows them: the upstream repository (a forge URL naming
 * a repository) and the other pages. A URL carrying user info is left out: it may hold a password.
 */
export function documentationParts(urls: readonly string[]): { upstream: string[]; docs: string[] } {
  const upstream: string[] = [];
  const docs: string[] = [];
  for (const url of [...new Set(urls)]) {
    if (/^[a-z][a-z0-9+.-]*:\/\/[^/]*@/i.test(url)) continue;
    const forge = FORGE.exec(url);
    if (forge) upstream.push(link(code(`${forge[2]}/${forge[3]}`), url));
    else if (/^https?:\/\/\S+$/i.test(url)) docs.push(link(code(url.replace(/^https?:\/\//i, '')), url));
    else docs.push(code(url));
  }
  return { upstream, docs };
}

export function documentationItems(urls: readonly string[]): { label: string; value: string }[] {
  const { upstream, docs } = documentationParts(urls);
  const items: { label: string; value: string }[] = [];
  items.push({ label: 'Upstream', value: upstream.length > 0 ? listText(upstream) : 'not named (no `Documentation=` link to a repository)' });
  if (docs.length > 0) items.push({ label: 'Documentation', value: listText(docs) });
  return items;
}
