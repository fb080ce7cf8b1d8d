import {
  indexOutsideBraces,
  lastIndexOutsideBraces,
  lowerHost,
} from './braces';

/** One backend of a `reverse_proxy`, as Caddy would dial it. */
export interface CaddyUpstream {
  /** The word as written (for a port range, the whole range). */
  raw: string;
  /** `http` unless written: `https`, `h2c`, `unix`, or a placeholder's scheme. */
  scheme: string;
  /** Lower-cased host or container name; a unix socket's path; `''` for `:8080` (localhost). */
  host: string;
  /** Written port, or the scheme's default (80 for http/h2c, 443 for https); null for sockets and placeholders. */
  port: number | null;
  /** False when the port is the scheme's default rather than written. */
  portWritten: boolean;
}

const DEFAULT_PORTS: Record<string, number> = { http: 80, h2c: 80, https: 443 };
/** A port range such as `8001-8006` expands to one upstream per port, up to this many. */
const MAX_RANGE = 1024;

/** Parses one upstream word; a port range (`host:8001-8003`) gives several upstreams. */
export function parseUpstream(raw: string): CaddyUpstream[] {
  let rest = raw.trim();
  if (rest.startsWith('unix/')) {
    return [
      {
        raw,
        scheme: 'unix',
        host: rest.slice('unix/'.length),
        port: null,
        portWritten: false,
      },
    ];
  }
  let scheme = 'http';
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1].toLowerCase();
    rest = rest.slice(schemeMatch[0].length);
  }
  // Upstreams carry no path in Caddy; drop one if written so the host stays clean.
  const slash = indexOutsideBraces(rest, '/');
  if (slash !== -1) rest = rest.slice(0, slash);
  let host = rest;
  let portText: string | null = null;
  if (rest.startsWith('[')) {
    const close = rest.indexOf(']');
    host = close === -1 ? rest : rest.slice(0, close + 1);
    const after = close === -1 ? '' : rest.slice(close + 1);
    if (after.startsWith(':')) portText = after.slice(1);
  } else {
    const colon = lastIndexOutsideBraces(rest, ':');
    if (colon !== -1) {
      host = rest.slice(0, colon);
      portText = rest.slice(colon + 1);
    }
  }
  host = lowerHost(host);
  if (portText === null) {
    const port = host.includes('{') ? null : DEFAULT_PORTS[scheme] ?? null;
    return [{ raw, scheme, host, port, portWritten: false }];
  }
  const range = /^(\d{1,5})-(\d{1,5})$/.exec(portText);
  if (range) {
    const first = Number(range[1]);
    const last = Math.min(Number(range[2]), first + MAX_RANGE - 1, 65535);
    const out: CaddyUpstream[] = [];
    for (let port = first; port <= last; port++)
      out.push({ raw, scheme, host, port, portWritten: true });
    return out;
  }
  const port =
    /^\d{1,5}$/.test(portText) && Number(portText) <= 65535
      ? Number(portText)
      : null;
  return [{ raw, scheme, host, port, portWritten: port !== null }];
}
