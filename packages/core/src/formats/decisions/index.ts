export {
  DECISION_ID,
  decisionKey,
  parseDecisionId,
  toDecisionId,
  type DecisionId,
  type DecisionKind,
} from './decisionId';
export {
  findDecisionCitations,
  looksBinary,
  type DecisionCitation,
} from './citations';
export { citationsFromCommits, type CommitRecord } from './commits';
export { readGitLog, type GitLogOptions } from './gitLog';
export {
  parseDecisionFile,
  recordFromPath,
  type DecisionDefinition,
  type DecisionDocument,
  type DecisionText,
} from './parse';
export { readRecordFields, type RecordFields } from './recordFields';
export { modelDecisions, type Decision, type DecisionsModel } from './model';
