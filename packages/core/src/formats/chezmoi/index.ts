export {
  parseDirName,
  parseFileName,
  type ChezmoiDirAttributes,
  type ChezmoiFileAttributes,
  type ChezmoiFileType,
} from './sourceName';
export {
  specialDirKind,
  specialFileKind,
  type ChezmoiSpecialKind,
} from './specialNames';
export {
  chezmoiSourceEntry,
  chezmoiSourceReader,
  parseChezmoiRoot,
  type ChezmoiEntryKind,
  type ChezmoiSourceEntry,
} from './sourcePath';
export {
  parseChezmoiIgnore,
  ChezmoiIgnoreRules,
  type ChezmoiIgnorePattern,
  type IgnoreStatus,
} from './ignoreFile';
export {
  conditionalDepthChange,
  findTemplateSpans,
  templateDelimiters,
  DEFAULT_DELIMITERS,
  type TemplateDelimiters,
  type TemplateScan,
  type TemplateSpan,
} from './templateSpans';
export { classifyAction, type ActionKind } from './actionKind';
export { chezmoiTemplateSpans, isChezmoiTemplatePath } from './chezmoiMarkup';
export {
  neutraliseTemplate,
  type NeutraliseOptions,
  type NeutralisedTemplate,
} from './neutralise';
export {
  findForeignMarkup,
  markupFileKind,
  type MarkupFileKind,
} from './foreignMarkup';
export {
  parseChezmoiTree,
  type ChezmoiText,
  type ChezmoiTreeDocument,
} from './parse';
export {
  modelChezmoiTree,
  chezmoiTargetStatus,
  type ChezmoiModel,
  type ChezmoiScript,
  type ChezmoiTarget,
} from './model';
