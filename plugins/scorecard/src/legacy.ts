import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { ScorecardClient } from '@quadlet-portal/plugin-scorecard-common';
import { scorecardApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The scorecard for apps on the legacy frontend system:
 *
 *   <Route path="/scorecard" element={<ScorecardPage />} />
 *
 *   <EntitySwitch.Case if={isScorecardEntity}>
 *     <EntityScorecardCard />
 *   </EntitySwitch.Case>
 */
export const scorecardLegacyPlugin = createPlugin({
  id: 'scorecard',
  apis: [
    createApiFactory({
      api: scorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScorecardClient({ discoveryApi, fetchApi }),
    }),
  ],
  routes: { root: rootRouteRef },
});

/** The overview page, with its own header; mount it at `/scorecard`. */
export const ScorecardPage = scorecardLegacyPlugin.provide(
  createRoutableExtension({
    name: 'ScorecardPage',
    mountPoint: rootRouteRef,
    component: () =>
      import('./components/ScorecardPage').then(m => m.LegacyScorecardPage),
  }),
);

/** Show when `isScorecardEntity(entity)`. */
export const EntityScorecardCard = scorecardLegacyPlugin.provide(
  createComponentExtension({
    name: 'EntityScorecardCard',
    component: {
      lazy: () =>
        import('./components/EntityScorecardCard').then(
          m => m.EntityScorecardCard,
        ),
    },
  }),
);
