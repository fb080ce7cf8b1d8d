/**
 * Where to speak the distribution API for a registry name as references write it.
 *
 * - `docker.io` (and its old spelling `index.docker.io`) is served by `registry-1.docker.io`.
 * - Loopback registries (`localhost`, `127.0.0.0/8`, `[::1]`) are spoken to over plain HTTP,
 *   as docker and podman do by default: the traffic never leaves the machine.
 * - Any other registry needs HTTPS unless the configuration lists it as `insecure`.
 */
export interface RegistryEndpoint {
  /** The registry as references name it: `ghcr.io`, `localhost:5000`, `docker.io`. */
  registry: string;
  /** `https://ghcr.io`, `http://127.0.0.1:5000`: the distribution API lives under `/v2/`. */
  baseUrl: string;
  scheme: 'http' | 'https';
}

const DOCKER_HUB_NAMES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
]);
const DOCKER_HUB_API = 'registry-1.docker.io';

/** The registry name credentials and caches are keyed by (`index.docker.io` → `docker.io`). */
export function canonicalRegistry(registry: string): string {
  const lower = registry.toLowerCase();
  return DOCKER_HUB_NAMES.has(lower) ? 'docker.io' : lower;
}

/** `host[:port]` → host (brackets kept for IPv6 literals: `[::1]`). */
export function hostOf(registry: string): string {
  if (registry.startsWith('[')) {
    const close = registry.indexOf(']');
    return close < 0 ? registry : registry.slice(0, close + 1);
  }
  const colon = registry.lastIndexOf(':');
  return colon < 0 ? registry : registry.slice(0, colon);
}

/** `localhost`, any `127.x.y.z`, or `[::1]` (also `::1` as URL hostnames write it). */
export function isLoopbackHost(host: string): boolean {
  const lower = host.toLowerCase();
  if (lower === 'localhost' || lower === '[::1]' || lower === '::1')
    return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(lower);
  return octets !== null && octets.slice(1).every(o => Number(o) <= 255);
}

/**
 * Whether `registry` is listed in `insecure`: an entry names a `host:port` exactly, or a host
 * on any port.
 */
export function isListedInsecure(
  registry: string,
  insecure: readonly string[],
): boolean {
  const lower = registry.toLowerCase();
  const host = hostOf(lower);
  return insecure.some(entry => {
    const e = entry.trim().toLowerCase();
    return e === lower || e === host;
  });
}

export function registryEndpoint(
  registry: string,
  insecure: readonly string[] = [],
): RegistryEndpoint {
  const canonical = canonicalRegistry(registry);
  if (canonical === 'docker.io') {
    return {
      registry: canonical,
      baseUrl: `https://${DOCKER_HUB_API}`,
      scheme: 'https',
    };
  }
  const plain =
    isLoopbackHost(hostOf(canonical)) || isListedInsecure(canonical, insecure);
  const scheme = plain ? 'http' : 'https';
  return { registry: canonical, baseUrl: `${scheme}://${canonical}`, scheme };
}
