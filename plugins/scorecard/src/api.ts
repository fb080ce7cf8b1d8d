import { createApiRef } from '@backstage/frontend-plugin-api';
import type { ScorecardApi } from '@quadlet-portal/plugin-scorecard-common';

/** The scorecard backend's client (`ScorecardClient` from the common package). */
export const scorecardApiRef = createApiRef<ScorecardApi>().with({
  id: 'plugin.scorecard.client',
  pluginId: 'scorecard',
});
