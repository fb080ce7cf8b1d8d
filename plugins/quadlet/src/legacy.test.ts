import * as api from './index';

describe('legacy exports', () => {
  it('provides a component extension per card under the legacy plugin', () => {
    const cards = Object.keys(api).filter(name => /^Entity.*Card$/.test(name));
    expect(cards).toHaveLength(16);
    expect(api.quadletLegacyPlugin.getId()).toBe('quadlet');
    for (const name of cards)
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
  });
});
