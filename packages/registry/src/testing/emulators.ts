import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
} from 'node:http';
import {
  createServer as createTcpServer,
  type Server as TcpServer,
  type Socket,
} from 'node:net';

/** A listening loopback server and how to stop it. */
export interface LoopbackServer {
  host: string;
  stop(): Promise<void>;
}

function listen(server: HttpServer | TcpServer): Promise<string> {
  return new Promise(resolve => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve(
        `127.0.0.1:${
          typeof address === 'object' && address ? address.port : 0
        }`,
      );
    });
  });
}

/** Accepts connections and never answers: what a registry behind a dead proxy looks like. */
export async function startSilentServer(): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const server = createTcpServer(socket => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const host = await listen(server);
  return {
    host,
    stop: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

type Respond = (
  status: number,
  headers: Record<string, string>,
  body?: string,
) => void;

export interface ProxyRule {
  /** Answer this request instead of forwarding it (resolve to false to forward). */
  intercept?(
    req: IncomingMessage,
    respond: Respond,
  ): boolean | Promise<boolean>;
  /** Response headers to drop from forwarded responses. */
  dropHeaders?: string[];
}

/**
 * A loopback HTTP proxy in front of a real registry that can answer some requests itself
 * (429s, 503s) or drop response headers (a registry that omits `Docker-Content-Digest`).
 */
export async function startRegistryProxy(
  upstreamBaseUrl: string,
  rule: ProxyRule,
): Promise<LoopbackServer & { seen: string[] }> {
  const seen: string[] = [];
  const drop = new Set((rule.dropHeaders ?? []).map(h => h.toLowerCase()));
  const server = createHttpServer(async (req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const intercepted = await rule.intercept?.(req, (status, headers, body) => {
      res.writeHead(status, headers);
      res.end(body);
    });
    if (intercepted) return;
    const upstream = await fetch(`${upstreamBaseUrl}${req.url}`, {
      method: req.method,
      headers: Object.fromEntries(
        Object.entries(req.headers).filter(
          (entry): entry is [string, string] =>
            typeof entry[1] === 'string' &&
            entry[0] !== 'host' &&
            entry[0] !== 'connection',
        ),
      ),
    });
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, name) => {
      if (
        !drop.has(name) &&
        name !== 'content-encoding' &&
        name !== 'transfer-encoding'
      ) {
        headers[name] = value;
      }
    });
    const body =
      req.method === 'HEAD'
        ? Buffer.alloc(0)
        : Buffer.from(await upstream.arrayBuffer());
    res.writeHead(upstream.status, headers);
    res.end(body);
  });
  const host = await listen(server);
  return {
    host,
    seen,
    stop: () =>
      new Promise(resolve => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Tag-list pagination as the distribution spec describes it (and distribution v3 serves it):
 * tags in lexical order, at most `n` per page starting after `last`, and a
 * `Link: <…?n=N&last=X>; rel="next"` header while more remain. Debian's docker-registry 2.8
 * ignores `n` and `last` on tag lists, so this proxy pages the real registry's answer.
 */
export function startPaginatingProxy(upstreamBaseUrl: string) {
  return startRegistryProxy(upstreamBaseUrl, {
    intercept: async (req, respond) => {
      const url = new URL(req.url ?? '/', 'http://proxy.invalid');
      const match = /^\/v2\/(.+)\/tags\/list$/.exec(url.pathname);
      if (req.method !== 'GET' || !match) return false;
      const upstream = await fetch(`${upstreamBaseUrl}${url.pathname}`);
      const listing = (await upstream.json()) as {
        name: string;
        tags: string[];
      };
      const all = [...listing.tags].sort();
      const last = url.searchParams.get('last');
      const n = Number(url.searchParams.get('n') ?? all.length);
      const rest = last === null ? all : all.filter(tag => tag > last);
      const page = rest.slice(0, n);
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
      };
      if (page.length < rest.length) {
        const next = `/v2/${
          match[1]
        }/tags/list?n=${n}&last=${encodeURIComponent(page[page.length - 1])}`;
        headers.Link = `<${next}>; rel="next"`;
      }
      respond(
        upstream.status,
        headers,
        JSON.stringify({ name: listing.name, tags: page }),
      );
      return true;
    },
  });
}
