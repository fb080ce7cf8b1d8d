import * as api from './index';

describe('legacy exports', () => {
  it('provides a component extension per card under the legacy plugin', () => {
    const cards = Object.keys(api).filter(name => /^Entity.*Card$/.test(name));
    expect(cards).toHaveLength(16);
    expect(api.quadletLegacyPlugin.getId()).toBe('quadlet');
    for (const name of cards)
      expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
  });

  it('provides the handoff tabs and the backend client', () => {
    expect(typeof api.EntityHandoffContent).toBe('function');
    expect(typeof api.EntityReferenceContent).toBe('function');
    expect(
      [...api.quadletLegacyPlugin.getApis()].map(factory => factory.api.id),
    ).toEqual([api.handoffApiRef.id]);
  });
});
