import {
  canonicalRegistry,
  isListedInsecure,
  isLoopbackHost,
} from './registryEndpoint';
import type { RegistryCredential } from './types';

/** The credential configured for `registry` (`index.docker.io` finds a `docker.io` entry). */
export function credentialFor(
  registry: string,
  credentials: readonly RegistryCredential[],
): RegistryCredential | undefined {
  const wanted = canonicalRegistry(registry);
  return credentials.find(c => canonicalRegistry(c.registry) === wanted);
}

export function basicAuthorization(credential: RegistryCredential): string {
  const pair = `${credential.username}:${credential.password}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}

/**
 * Whether credentials may travel to `url`: over HTTPS, or in plain HTTP to a loopback host
 * or one the configuration lists as insecure. A registry cannot lure a password out over
 * plain HTTP by naming an `http://` token realm.
 */
export function mayCarryCredentials(
  url: URL,
  insecure: readonly string[],
): boolean {
  if (url.protocol === 'https:') return true;
  if (url.protocol !== 'http:') return false;
  return isLoopbackHost(url.hostname) || isListedInsecure(url.host, insecure);
}
