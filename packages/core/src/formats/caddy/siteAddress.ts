import {
  indexOutsideBraces,
  lastIndexOutsideBraces,
  lowerHost,
} from './braces';

/**
 * A site address as Caddy reads it: `[scheme://][host][:port][/path]`. Any part may be
 * missing (`:80`, `http://`, `*.example.com`); placeholders such as `{$DOMAIN}` stay in
 * the host as written.
 */
export interface CaddySiteAddress {
  raw: string;
  scheme: string | null;
  /** Lower-cased host, `''` when the address names no host (it then serves every host). */
  host: string;
  port: number | null;
  path: string | null;
}

export function parseSiteAddress(raw: string): CaddySiteAddress {
  let rest = raw.trim();
  let scheme: string | null = null;
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  let path: string | null = null;
  const slash = indexOutsideBraces(rest, '/');
  if (slash !== -1) {
    path = rest.slice(slash);
    rest = rest.slice(0, slash);
  }
  let host = rest;
  let port: number | null = null;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    host = close === -1 ? rest : rest.slice(0, close + 1);
    const after = close === -1 ? '' : rest.slice(close + 1);
    if (after.startsWith(':')) port = toPort(after.slice(1));
  } else {
    const colon = lastIndexOutsideBraces(rest, ':');
    if (colon !== -1) {
      host = rest.slice(0, colon);
      port = toPort(rest.slice(colon + 1));
    }
  }
  return { raw, scheme, host: lowerHost(host), port, path };
}

/** Splits the words of a site line into addresses: `a.example, b.example` and `a,b` both work. */
export function splitSiteAddresses(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    for (const part of word.split(',')) {
      const trimmed = part.trim();
      if (trimmed !== '') out.push(trimmed);
    }
  }
  return out;
}

function toPort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const value = Number(text);
  return value <= 65535 ? value : null;
}
