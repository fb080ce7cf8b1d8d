export {
  containerPath,
  controlCharacterProblems,
  documentationUrl,
  environmentName,
  formatPortRange,
  hostname,
  imageReference,
  ipv4,
  name,
  NAME_PATTERN,
  portRange,
  relativePath,
  serviceUrl,
  singleLine,
  targetName,
  unitText,
} from './inputRules';
export type { InputProblem, PortRange, RuleResult } from './inputRules';
export {
  DEFAULT_LAYOUT,
  formatInputProblems,
  validateNewQuadletInput,
} from './newQuadletSpec';
export type {
  NewQuadletInput,
  NewQuadletSpec,
  NewQuadletSpecResult,
  PortSpec,
  VolumeSpec,
} from './newQuadletSpec';
export {
  publishPortValue,
  renderCaddyRoute,
  renderContainerUnit,
  renderEnvTemplate,
  renderNetworkUnit,
  renderTargetUnit,
  renderVolumeUnit,
  unitValue,
  volumeMountValue,
} from './renderUnits';
export { addIngressRule, commonIngressService } from './cloudflaredIngress';
export type { IngressEditResult } from './cloudflaredIngress';
export { planNewQuadlet } from './planNewQuadlet';
export type {
  NewQuadletPlan,
  NewQuadletPlanResult,
  PlanNewQuadletOptions,
  PlannedFile,
} from './planNewQuadlet';
