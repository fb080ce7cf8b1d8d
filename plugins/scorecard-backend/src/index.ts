/**
 * Scorecard backend for quadlet-portal: weekly and on-demand pin-hygiene runs of every box,
 * stored with their results; history, diffs, exports and notifications (docs/scorecard.md).
 *
 * @packageDocumentation
 */
export { scorecardPlugin as default, SCORECARD_TASK_ID } from './plugin';
export {
  scorecardRegistryServiceRef,
  gatherImageFacts,
} from './online/registryService';
export type {
  ResolveDigest,
  ScorecardRegistryService,
} from './online/registryService';
export {
  readScorecardConfig,
  DEFAULT_SCORECARD_SCHEDULE,
  DEFAULT_RETENTION_RUNS,
} from './config/readScorecardConfig';
export type {
  RetentionConfig,
  ScorecardConfig,
} from './config/readScorecardConfig';
export { migrateScorecardDatabase } from './database/RunStore';
