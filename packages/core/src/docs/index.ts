export { generateHandoffGuide, handoffGuidePage } from './generateHandoffGuide';
export {
  GUIDE_FILES,
  SERVICES_FOLDER,
  aliasAnchor,
  decisionAnchor,
  handoffEntryOf,
  hostnameAnchor,
  modelAnchor,
  resourceAnchor,
  serviceAnchor,
  servicePath,
} from './anchors';
export type {
  GuideFile,
  GuideFolder,
  GuideLocation,
  GuideSection,
  GuideSectionKind,
  GuideTree,
  HandoffGuide,
  HandoffGuideOptions,
} from './types';
