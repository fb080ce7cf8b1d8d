/**
 * Where a URL points, without anything secret: user names and passwords in the URL are
 * dropped, and so are query strings (tokens hide there too).
 */
export interface Endpoint {
  /** `http`, `https`, `tcp`, `ssh`, … (lowercase, no colon). */
  scheme: string;
  /** Host name or address as the URL parser normalised it (`[::1]` keeps its brackets). */
  host: string;
  /** The port: written, or the scheme's default for http(s)/ws(s); absent when unknown. */
  port?: number;
  /** Whether the port was written in the URL. */
  explicitPort: boolean;
  /** Path without query or fragment; `/` when none. */
  path: string;
  /** The URL rebuilt from the fields above, safe to show. */
  url: string;
}

const DEFAULT_PORTS: Record<string, number> = {
  http: 80,
  https: 443,
  ws: 80,
  wss: 443,
};

/** Reads `scheme://host[:port][/path]`; undefined for anything else. Never throws. */
export function parseEndpoint(text: string): Endpoint | undefined {
  const trimmed = text.trim();
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (url.hostname === '') return undefined;
  const scheme = url.protocol.replace(/:$/, '').toLowerCase();
  const explicitPort = url.port !== '';
  const port = explicitPort ? Number(url.port) : DEFAULT_PORTS[scheme];
  const path = url.pathname === '' ? '/' : url.pathname;
  const endpoint: Endpoint = {
    scheme,
    host: url.hostname,
    explicitPort,
    path,
    url: `${scheme}://${url.hostname}${explicitPort ? `:${url.port}` : ''}${
      path === '/' ? '' : path
    }`,
  };
  if (port !== undefined) endpoint.port = port;
  return endpoint;
}

/** Loopback hosts: a proxy target on one of these stays inside the container's own netns. */
export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host === '[::1]' ||
    /^127\.\d+\.\d+\.\d+$/.test(host)
  );
}
