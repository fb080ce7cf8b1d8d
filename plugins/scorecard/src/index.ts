/**
 * quadlet-portal scorecard pages: the overview of every box (score, trend, findings with filters
 * and exports, Run now) and an entity card. The default export is the plugin for the new frontend
 * system; `ScorecardPage`, `EntityScorecardCard` and `scorecardLegacyPlugin` serve legacy apps.
 */
export {
  scorecardPlugin as default,
  scorecardApi,
  scorecardEntityCard,
  scorecardPage,
} from './plugin';
export * from './legacy';
export { scorecardApiRef } from './api';
export { rootRouteRef as scorecardRouteRef } from './routes';
export { BOX_ANNOTATION, isScorecardEntity } from './annotations';
