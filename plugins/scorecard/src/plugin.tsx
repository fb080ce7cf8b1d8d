import {
  ApiBlueprint,
  createFrontendPlugin,
  discoveryApiRef,
  fetchApiRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { ScorecardClient } from '@quadlet-portal/plugin-scorecard-common';
import { isScorecardEntity } from './annotations';
import { scorecardApiRef } from './api';
import { rootRouteRef } from './routes';

/** The backend client, with the signed-in user's token (fetchApi). */
export const scorecardApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: scorecardApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new ScorecardClient({ discoveryApi, fetchApi }),
    }),
});

/** `/scorecard` and `/scorecard/:box`, with a nav item (the plugin's title and icon). */
export const scorecardPage = PageBlueprint.make({
  params: {
    path: '/scorecard',
    routeRef: rootRouteRef,
    loader: () =>
      import('./components/ScorecardPage').then(m => <m.ScorecardPage />),
  },
});

/** The entity's scorecard results, on the overview of every entity of a box. */
export const scorecardEntityCard = EntityCardBlueprint.make({
  name: 'scorecard',
  params: {
    filter: isScorecardEntity,
    type: 'content',
    loader: () =>
      import('./components/EntityScorecardCard').then(m => (
        <m.EntityScorecardCard />
      )),
  },
});

/** The scorecard pages, for apps on the new frontend system. */
export const scorecardPlugin = createFrontendPlugin({
  pluginId: 'scorecard',
  title: 'Scorecard',
  icon: <AssessmentIcon fontSize="inherit" />,
  routes: { root: rootRouteRef },
  extensions: [scorecardApi, scorecardPage, scorecardEntityCard],
});
