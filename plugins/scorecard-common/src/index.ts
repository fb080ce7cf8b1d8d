/**
 * Shared by the scorecard backend and pages: API types, permissions and the fetch client.
 *
 * @packageDocumentation
 */
export * from './types';
export {
  scorecardPermissions,
  scorecardReadPermission,
  scorecardRunPermission,
} from './permissions';
export { SCORECARD_PLUGIN_ID, ScorecardClient } from './ScorecardClient';
export type {
  ScorecardApi,
  ScorecardDiscovery,
  ScorecardFetch,
} from './ScorecardClient';
export { findingsToCsv, findingsToMarkdown } from './findingsExport';
