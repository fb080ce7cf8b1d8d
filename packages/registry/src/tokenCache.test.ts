import { TokenCache } from './tokenCache';

describe('TokenCache', () => {
  it('keeps a token per registry and scope until shortly before it expires', () => {
    const cache = new TokenCache();
    cache.set('ghcr.io', 'repository:a:pull', 'ta', 100_000);
    cache.set('ghcr.io', 'repository:b:pull', 'tb', 100_000);
    expect(cache.get('ghcr.io', 'repository:a:pull', 0)).toBe('ta');
    expect(cache.get('ghcr.io', 'repository:b:pull', 0)).toBe('tb');
    expect(cache.get('quay.io', 'repository:a:pull', 0)).toBeUndefined();
    expect(
      cache.get(
        'ghcr.io',
        'repository:a:pull',
        100_000 - TokenCache.MARGIN_MS - 1,
      ),
    ).toBe('ta');
    expect(
      cache.get('ghcr.io', 'repository:a:pull', 100_000 - TokenCache.MARGIN_MS),
    ).toBeUndefined();
    cache.drop('ghcr.io', 'repository:b:pull');
    expect(cache.get('ghcr.io', 'repository:b:pull', 0)).toBeUndefined();
  });
});
