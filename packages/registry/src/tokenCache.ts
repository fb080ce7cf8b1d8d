/** Bearer tokens per registry and scope, kept until shortly before they expire. */
export class TokenCache {
  private readonly tokens = new Map<
    string,
    { token: string; expiresAt: number }
  >();

  /** Tokens are dropped this long before their expiry, so a request never carries a dying one. */
  static readonly MARGIN_MS = 10_000;

  private static key(registry: string, scope: string): string {
    return `${registry}\u0000${scope}`;
  }

  get(registry: string, scope: string, now: number): string | undefined {
    const key = TokenCache.key(registry, scope);
    const entry = this.tokens.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt - TokenCache.MARGIN_MS <= now) {
      this.tokens.delete(key);
      return undefined;
    }
    return entry.token;
  }

  /** Forgets a token the registry no longer accepts. */
  drop(registry: string, scope: string): void {
    this.tokens.delete(TokenCache.key(registry, scope));
  }

  set(registry: string, scope: string, token: string, expiresAt: number): void {
    this.tokens.set(TokenCache.key(registry, scope), { token, expiresAt });
  }
}
