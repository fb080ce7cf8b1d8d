/**
 * The `rel="next"` target of a `Link` header (RFC 8288), resolved against `base`, as the
 * distribution API paginates tag lists: `</v2/x/tags/list?last=b&n=2>; rel="next"`.
 */
export function nextLink(
  header: string | null | undefined,
  base: string,
): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (!match) continue;
    const rels = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2]);
    const rel = (rels?.[1] ?? rels?.[2] ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('next')) continue;
    try {
      return new URL(match[1], base).toString();
    } catch {
      return undefined;
    }
  }
  return undefined;
}
