import * as api from './index';

describe('legacy exports', () => {
  it('provides the page and the entity card under a legacy plugin with the client', () => {
    expect(api.scorecardLegacyPlugin.getId()).toBe('scorecard');
    expect(typeof api.ScorecardPage).toBe('function');
    expect(typeof api.EntityScorecardCard).toBe('function');
    const apiIds = [...api.scorecardLegacyPlugin.getApis()].map(f => f.api.id);
    expect(apiIds).toEqual([api.scorecardApiRef.id]);
    expect(api.scorecardLegacyPlugin.routes.root).toBe(api.scorecardRouteRef);
  });
});
