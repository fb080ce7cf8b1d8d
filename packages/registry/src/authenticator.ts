import { parseChallenges, type AuthChallenge } from './challenge';
import {
  basicAuthorization,
  credentialFor,
  mayCarryCredentials,
} from './credentials';
import { fetchWithRetry, type HttpContext } from './fetchWithRetry';
import { readLimited } from './readLimited';
import type { RegistryEndpoint } from './registryEndpoint';
import { TokenCache } from './tokenCache';
import type { RegistryCredential } from './types';

export type AuthorizationResult =
  | { ok: true; header?: string }
  | { ok: false; reason: string };

/** The token spec's default lifetime when a token endpoint names none. */
const DEFAULT_TOKEN_SECONDS = 60;
const MAX_TOKEN_RESPONSE = 1024 * 1024;

/**
 * Authorises requests to registries the way docker does: the first request goes out
 * anonymously; a 401 names a scheme in `WWW-Authenticate`. For `Bearer`, a token for the
 * scope is fetched from the named realm (anonymously, or with the configured credentials) and
 * cached per registry and scope until it expires; for `Basic`, the configured credentials
 * are sent. Once a registry's challenge is known, later requests authorise up front.
 */
export class Authenticator {
  private readonly challenges = new Map<string, AuthChallenge>();
  private readonly tokens = new TokenCache();
  /** Token requests in flight, so concurrent lookups of one scope share one request. */
  private readonly pending = new Map<string, Promise<AuthorizationResult>>();

  constructor(
    private readonly http: HttpContext,
    private readonly credentials: readonly RegistryCredential[],
    private readonly insecure: readonly string[],
  ) {}

  /** The Authorization header to send now, from what is known of the registry. */
  async authorization(
    endpoint: RegistryEndpoint,
    scope: string,
  ): Promise<AuthorizationResult> {
    const challenge = this.challenges.get(endpoint.registry);
    if (!challenge) return { ok: true };
    const credential = credentialFor(endpoint.registry, this.credentials);
    if (challenge.scheme === 'basic') {
      return credential
        ? { ok: true, header: basicAuthorization(credential) }
        : {
            ok: false,
            reason: `${endpoint.registry} asks for credentials (Basic) and none are configured`,
          };
    }
    const cached = this.tokens.get(endpoint.registry, scope, this.http.now());
    if (cached) return { ok: true, header: `Bearer ${cached}` };
    const key = `${endpoint.registry}\u0000${scope}`;
    let request = this.pending.get(key);
    if (!request) {
      request = this.fetchToken(endpoint, challenge, scope, credential).finally(
        () => this.pending.delete(key),
      );
      this.pending.set(key, request);
    }
    return request;
  }

  /**
   * Learns from a 401: remembers the registry's challenge and returns the header to retry
   * with. A scheme other than Bearer or Basic cannot be answered.
   */
  async challenged(
    endpoint: RegistryEndpoint,
    header: string | null,
    scope: string,
    /** The Authorization header the refused request carried, if any. */
    sent?: string,
  ): Promise<AuthorizationResult> {
    const challenges = parseChallenges(header);
    const usable =
      challenges.find(c => c.scheme === 'bearer' && c.params.realm) ??
      challenges.find(c => c.scheme === 'basic');
    if (!usable) {
      return {
        ok: false,
        reason: header
          ? `${
              endpoint.registry
            } asks for an authentication scheme this client does not speak (${
              challenges.map(c => c.scheme).join(', ') || 'unreadable challenge'
            })`
          : `${endpoint.registry} refused the request (401) without saying how to authenticate`,
      };
    }
    this.challenges.set(endpoint.registry, usable);
    // A 401 for the token we hold means the registry no longer takes it: ask for a fresh one.
    // (A 401 for an anonymous request racing another lookup leaves the new token alone.)
    const held = this.tokens.get(endpoint.registry, scope, this.http.now());
    if (held !== undefined && sent === `Bearer ${held}`) {
      this.tokens.drop(endpoint.registry, scope);
    }
    return this.authorization(endpoint, scope);
  }

  private async fetchToken(
    endpoint: RegistryEndpoint,
    challenge: AuthChallenge,
    scope: string,
    credential: RegistryCredential | undefined,
  ): Promise<AuthorizationResult> {
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      return {
        ok: false,
        reason: `${endpoint.registry} names an unusable token realm`,
      };
    }
    if (realm.protocol !== 'https:' && realm.protocol !== 'http:') {
      return {
        ok: false,
        reason: `${endpoint.registry} names a token realm that is not HTTP(S)`,
      };
    }
    if (challenge.params.service)
      realm.searchParams.set('service', challenge.params.service);
    if (scope) realm.searchParams.append('scope', scope);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (credential) {
      if (!mayCarryCredentials(realm, this.insecure)) {
        return {
          ok: false,
          reason: `${endpoint.registry} names a plain-HTTP token realm (${realm.host}); credentials are only sent over HTTPS, to loopback, or to hosts listed as insecure`,
        };
      }
      realm.searchParams.set('account', credential.username);
      headers.Authorization = basicAuthorization(credential);
    }

    const result = await fetchWithRetry(this.http, {
      method: 'GET',
      url: realm.toString(),
      headers,
    });
    if (!result.ok)
      return {
        ok: false,
        reason: `token request to ${realm.host} failed: ${result.reason}`,
      };
    const { response } = result;
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        reason: credential
          ? `the token service ${realm.host} refused the configured credentials for ${endpoint.registry} (HTTP ${response.status})`
          : `the token service ${realm.host} refused an anonymous token (HTTP ${response.status}); configure credentials for ${endpoint.registry}`,
      };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return {
        ok: false,
        reason: `the token service ${realm.host} answered HTTP ${response.status}`,
      };
    }
    const body = await readLimited(response, MAX_TOKEN_RESPONSE).catch(
      (error: Error) => ({ ok: false as const, reason: error.message }),
    );
    if (!body.ok)
      return {
        ok: false,
        reason: `reading the token from ${realm.host} failed: ${body.reason}`,
      };
    let parsed: {
      token?: unknown;
      access_token?: unknown;
      expires_in?: unknown;
    };
    try {
      parsed = JSON.parse(Buffer.from(body.bytes).toString('utf8'));
    } catch {
      return {
        ok: false,
        reason: `the token service ${realm.host} sent something that is not JSON`,
      };
    }
    const token =
      typeof parsed.token === 'string' && parsed.token
        ? parsed.token
        : parsed.access_token;
    if (typeof token !== 'string' || token.length === 0) {
      return {
        ok: false,
        reason: `the token service ${realm.host} sent no token`,
      };
    }
    const seconds =
      typeof parsed.expires_in === 'number' && parsed.expires_in > 0
        ? parsed.expires_in
        : DEFAULT_TOKEN_SECONDS;
    // Counted from our own clock: the token server's `issued_at` may come from a skewed clock.
    this.tokens.set(
      endpoint.registry,
      scope,
      token,
      this.http.now() + seconds * 1000,
    );
    return { ok: true, header: `Bearer ${token}` };
  }
}
