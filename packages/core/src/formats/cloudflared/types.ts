import { Endpoint } from '../common/endpoint';

/**
 * What an ingress rule forwards to:
 * - `url`: `http://127.0.0.1:80`, `https://…`, `tcp://…`, `ssh://…`, `rdp://…`;
 * - `http_status`: a fixed response, `http_status:404`;
 * - `unix`: a socket, `unix:/run/x.sock` or `unix+tls:…`;
 * - `hello_world`, `bastion`, `socks_proxy`: cloudflared's built-in services.
 */
export interface CloudflaredService {
  raw: string;
  kind:
    | 'url'
    | 'http_status'
    | 'unix'
    | 'hello_world'
    | 'bastion'
    | 'socks_proxy';
  endpoint?: Endpoint;
  status?: number;
  socket?: string;
}

export interface CloudflaredIngressRule {
  /** 0-based position; cloudflared's messages count from 1. */
  index: number;
  line: number;
  /** Absent or `*` on a catch-all; `*.example.com` for a wildcard. */
  hostname?: string;
  /** A regular expression matched against the request path. */
  path?: string;
  service?: CloudflaredService;
  /** Per-rule origin settings as written (timeouts, noTLSVerify, httpHostHeader, access…). */
  originRequest?: Record<string, unknown>;
  /** Matches every request: no hostname (or `*`) and no path. */
  catchAll: boolean;
  /** False when an earlier rule already matches everything this one would. */
  reachable: boolean;
}

export interface CloudflaredConfig {
  file: string;
  /** `tunnel:` — the tunnel's UUID or name. */
  tunnel?: { id: string; line: number; isUuid: boolean };
  /** `credentials-file:` — the path only; the file holds the tunnel secret and is never read. */
  credentialsFile?: { path: string; line: number };
  /** `origincert:` — the path only. */
  originCert?: { path: string; line: number };
  /** Top-level `originRequest:` defaults for every rule. */
  originRequest?: Record<string, unknown>;
  ingress: CloudflaredIngressRule[];
  /** `warp-routing.enabled`. */
  warpRouting?: boolean;
}
