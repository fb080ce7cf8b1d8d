export type {
  AppliedWaiver,
  CheckContext,
  CheckDefinition,
  CheckResult,
  CheckStatus,
  ImageRegistryFact,
  KnownBrokenIssue,
  OnlineFacts,
  CheckSubject,
  CheckSubjectKind,
} from './types';
export { CHECKS, checkById } from './registry';
export { runChecks, sortResults } from './runChecks';
export type { RunChecksOptions } from './runChecks';
export { scoreOf } from './score';
export type { Score, Scorecard } from './score';
export { applyWaivers, waiverMatches } from './waivers';
export type { WaiverUse } from './waivers';
export { registryImageRefs } from './imageUses';
export { subjectKey } from './subjects';
