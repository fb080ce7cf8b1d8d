export type {
  LineEnding,
  PhysicalLine,
  UnitComment,
  UnitDocument,
  UnitDroppedLines,
  UnitEntry,
  UnitInvalidLine,
  UnitItem,
  UnitParseResult,
  UnitSectionHeader,
} from './unitDocument';
export { entriesOf, sectionHeadersOf, sectionNamesOf } from './unitDocument';
export {
  parseUnit,
  parseUnitFile,
  parseUnitKeys,
  splitPhysicalLines,
  unitDocument,
} from './parseUnit';
export { joinLines, writeUnit, writeUnitBytes } from './writeUnit';
export type { UnitEditResult } from './editUnit';
export {
  appendEntry,
  findLastEntry,
  removeEntry,
  removeKey,
  setEntryValue,
  setValue,
} from './editUnit';
export { decodeEscape, escapeWord, escapeWords } from './escapes';
export type { SplitError, SplitOptions, SplitResult } from './splitWords';
export {
  splitExecArgs,
  splitStrv,
  splitWords,
  WHITESPACE_SEPARATORS,
} from './splitWords';
export type { KeyValueResult, KeyValueWord } from './values';
export { parseBoolean, parseKeyValueWords, unquoteValue } from './values';
export type { SpecifierContext, SpecifierResolution } from './specifiers';
export {
  resolveSpecifiers,
  specifiersIn,
  SPECIFIER_LETTERS,
} from './specifiers';
export type { UnitNameParts } from './unitName';
export {
  baseName,
  dirName,
  instanceNameOf,
  parseUnitName,
  templateNameOf,
  unescapeUnitName,
} from './unitName';
export type { UnitSourceChoice } from './templates';
export { unitSourceFor } from './templates';
export type { DropInFile, FileIndex } from './dropIns';
export {
  directoriesUnder,
  dropInDirectoryNames,
  findDropIns,
  indexPaths,
} from './dropIns';
export type {
  EffectiveEntry,
  EffectiveUnit,
  SectionOrigin,
} from './effectiveUnit';
export { buildEffectiveUnit } from './effectiveUnit';
export type { EntryArgs, LookedUp } from './lookup';
export {
  hasKey,
  listKeys,
  lookup,
  lookupAll,
  lookupAllArgs,
  lookupAllEntries,
  lookupAllStrv,
  lookupBoolean,
  lookupLastArgs,
  lookupLastEntry,
  lookupNonEmpty,
} from './lookup';
export { isGoSpace, trimGoSpace } from './whitespace';
