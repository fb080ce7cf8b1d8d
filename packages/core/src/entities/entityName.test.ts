import fc from 'fast-check';
import { ENTITY_NAME_PATTERN, isValidEntityName, MAX_ENTITY_NAME_LENGTH, NAMESPACE_PATTERN, toEntityName, toNamespace } from './entityName';
import { NameRegistry } from './nameRegistry';

describe('toEntityName', () => {
  it.each([
    ['piler', 'piler'],
    ['piler-data.volume', 'piler-data.volume'],
    ['Qwen3-30B.model', 'qwen3-30b.model'],
    ['web@blue', 'web-blue'],
    ['web@', 'web'],
    ['unsloth/Qwen3:Q4_K_M.model', 'unsloth-qwen3-q4_k_m.model'],
    ['a..b__c-.d', 'a.b_c-d'],
    ['--x--', 'x'],
    ['', 'unnamed'],
    ['@@@', 'unnamed'],
    ['D-097', 'd-097'],
  ])('%s → %s', (text, name) => {
    expect(toEntityName(text)).toBe(name);
  });

  it('cuts a long name to 63 characters with a hash of the whole, keeping two long names apart', () => {
    const a = toEntityName(`${'very-long-hostname-part.'.repeat(4)}a.example.org`);
    const b = toEntityName(`${'very-long-hostname-part.'.repeat(4)}b.example.org`);
    expect(a.length).toBeLessThanOrEqual(MAX_ENTITY_NAME_LENGTH);
    expect(a).toMatch(/^very-long-hostname-part\.very-long-hostname-part\..*-[0-9a-z]{7}$/);
    expect(a).not.toBe(b);
    expect(toEntityName(`${'very-long-hostname-part.'.repeat(4)}a.example.org`)).toBe(a);
  });

  it('makes a valid lowercase name of any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), text => {
        const name = toEntityName(text);
        expect(name).toMatch(ENTITY_NAME_PATTERN);
        expect(name).toBe(name.toLowerCase());
        expect(name.length).toBeLessThanOrEqual(MAX_ENTITY_NAME_LENGTH);
        expect(isValidEntityName(name)).toBe(true);
      }),
    );
  });
});

describe('toNamespace', () => {
  it.each([
    ['sodimo', 'sodimo'],
    ['Sodimo Box', 'sodimo-box'],
    ['box_1.lab', 'box-1-lab'],
    ['', 'box'],
  ])('%s → %s', (text, namespace) => {
    expect(toNamespace(text)).toBe(namespace);
  });

  it('makes a DNS label of any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 120 }), text => {
        expect(toNamespace(text)).toMatch(NAMESPACE_PATTERN);
        expect(toNamespace(text).length).toBeLessThanOrEqual(63);
      }),
    );
  });
});

describe('NameRegistry', () => {
  it('gives the first claimant the name and later ones a suffix from their own key', () => {
    const names = new NameRegistry();
    expect(names.claim('Resource', 'caddy.container', 'dotfiles:a/caddy.container')).toBe('caddy.container');
    const second = names.claim('Resource', 'Caddy.container', 'harness:b/caddy.container');
    expect(second).toMatch(/^caddy\.container-[0-9a-z]{7}$/);
    // The same key gets the same name again; another kind does not clash.
    expect(names.claim('Resource', 'caddy.container', 'dotfiles:a/caddy.container')).toBe('caddy.container');
    expect(names.claim('Component', 'caddy.container', 'x')).toBe('caddy.container');
    // The suffix depends only on the key, not on what else was claimed.
    const other = new NameRegistry();
    other.claim('Resource', 'caddy.container', 'someone-else');
    expect(other.claim('Resource', 'caddy.container', 'harness:b/caddy.container')).toBe(second);
  });
});
