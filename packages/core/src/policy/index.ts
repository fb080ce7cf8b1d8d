export type {
  CheckOverride,
  KernelArgRule,
  KnownBrokenUnit,
  OsBand,
  Policy,
  PolicyReadResult,
  PolicySource,
  PolicySourceRef,
  Waiver,
} from './types';
export { defaultPolicy } from './defaults';
export { readPolicy } from './readPolicy';
export { parsePolicyFile, kernelArgRule } from './parsePolicyFile';
export type { PolicyFragment } from './parsePolicyFile';
export { POLICY_FILE, POLICY_FILE_NAMES, policySourcesOf } from './policyFiles';
export { waiverExpired } from './waiverExpiry';
export { normaliseKernelArgKey } from './kernelArgRule';
