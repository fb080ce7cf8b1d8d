export { bumpImage, bumpImageFile } from './bumpImage';
export type {
  BumpImageFileResult,
  BumpImageOptions,
  BumpImageResult,
} from './bumpImage';
export { findImageEntry, IMAGE_SECTIONS } from './imageEntry';
export type { ImageEntryResult } from './imageEntry';
export { readImageValue, writeImageValue } from './imageValue';
export type { ImageValue } from './imageValue';
export { moveToTag, pinToDigest, registryReferenceOf } from './referenceEdits';
export type { ReferenceEditResult } from './referenceEdits';
export type {
  DigestLookup,
  ListTags,
  ResolveDigest,
  TagListLookup,
} from './lookups';
export type {
  BumpMode,
  BumpScope,
  ImageBumpEdit,
  ImageBumpOutcome,
  ImageBumpPlan,
  ImageBumpPlanResult,
  ImageBumpSkip,
  ImageLocation,
} from './bumpPlan';
export { selectBumpTargets } from './bumpTargets';
export type { BumpTarget, BumpTargetsResult } from './bumpTargets';
export { planImageBumps } from './planImageBumps';
export type { PlanImageBumpsOptions } from './planImageBumps';
export { applyImageBumps } from './applyImageBumps';
export type { AppliedImageBumps, BumpedFile } from './applyImageBumps';
export * as inputRules from './newQuadlet/inputRules';
export {
  addIngressRule,
  commonIngressService,
  controlCharacterProblems,
  DEFAULT_LAYOUT,
  formatInputProblems,
  NAME_PATTERN,
  planNewQuadlet,
  renderContainerUnit,
  validateNewQuadletInput,
} from './newQuadlet';
export type {
  IngressEditResult,
  InputProblem,
  NewQuadletInput,
  NewQuadletPlan,
  NewQuadletPlanResult,
  NewQuadletSpec,
  NewQuadletSpecResult,
  PlanNewQuadletOptions,
  PlannedFile,
  PortSpec,
  RuleResult,
  VolumeSpec,
} from './newQuadlet';
export {
  checkBoxTrees,
  formatIntroducedProblems,
  introducedErrors,
  resolvedFindings,
  treesWithFiles,
} from './boxFindings';
export type {
  BoxCheck,
  CheckBoxOptions,
  IntroducedProblem,
} from './boxFindings';
export { bumpPullRequest } from './bumpPullRequest';
export type { BumpPullRequest, BumpPullRequestInput } from './bumpPullRequest';
