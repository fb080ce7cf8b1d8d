export type { KeyInfo, PodmanVersion, QuadletSection } from './supportedKeys';
export {
  compareVersions,
  isKeySupportedBy,
  isQuadletSection,
  isSupportedKey,
  keyInfo,
  QUADLET_SECTIONS,
  supportedKeys,
} from './supportedKeys';
export type { QuadletType, QuadletTypeInfo } from './unitTypes';
export {
  isQuadletFileName,
  QUADLET_TYPES,
  quadletTypeInfo,
  quadletTypeOf,
} from './unitTypes';
export type { ResourceName, ServiceName } from './names';
export { NAME_KEYS, resourceNameOf, serviceNameOf } from './names';
export type {
  LoadedQuadlets,
  LoadQuadletsOptions,
  QuadletUnit,
} from './loadQuadlets';
export { loadQuadlets } from './loadQuadlets';
export type {
  QuadletDependency,
  ReferenceResult,
  ReferenceVia,
} from './references';
export {
  podMemberDependencies,
  resolveReferences,
  UNIT_DEPENDENCY_KEYS,
} from './references';
export type { QuadletAnalysis } from './analyzeQuadlets';
export { analyzeQuadlets, analyzeUnit } from './analyzeQuadlets';
export type { MountSpec } from './mountSpec';
export {
  mountDestination,
  mountSource,
  parseCsvRecords,
  parseMountSpec,
} from './mountSpec';
export {
  isFullyQualifiedImageName,
  isImageId,
  shortNameWarning,
} from './shortName';
export { DISCOURAGED_SERVICE_KEYS } from './checkKeys';
export { isUrl } from './workingDirectory';
export { isPortRange } from './validateContainer';
export type {
  Fact,
  LabelFact,
  MountFact,
  QuadletModel,
  VolumeFact,
} from './model';
export { leadingCommentOf, quadletModel } from './model';
