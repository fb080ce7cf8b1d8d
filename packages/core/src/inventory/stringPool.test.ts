import { StringPool } from './stringPool';

describe('StringPool', () => {
  it('returns the first copy of equal strings', () => {
    const pool = new StringPool();
    const first = ['default', 'target'].join('.');
    const second = ['default', 'target'].join('.');
    expect(pool.intern(first)).toBe(first);
    expect(pool.intern(second)).toBe('default.target');
    expect(pool.internMaybe(undefined)).toBeUndefined();
    expect(pool.internMaybe('x')).toBe('x');
  });
});
