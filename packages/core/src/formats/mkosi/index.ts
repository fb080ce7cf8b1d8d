import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { MkosiConfig, mkosiFileOrder, modelMkosi } from './model';
import { parseMkosi } from './parse';

export { parseMkosi } from './parse';
export type { MkosiAssignment, MkosiDocument, MkosiSection } from './parse';
export { mkosiFileOrder, modelMkosi } from './model';
export type {
  MkosiConfig,
  MkosiFileInfo,
  MkosiModelResult,
  MkosiSetting,
  MkosiTree,
  MkosiValue,
} from './model';
export { evaluateMatch, readMatchSections } from './match';
export type {
  MatchResult,
  MkosiMatchCondition,
  MkosiMatchSection,
} from './match';

/**
 * Reads one mkosi project: picks `mkosi.conf` and `mkosi.conf.d/` entries under `directory`
 * from `files`, parses them in mkosi's order and merges them.
 */
export function readMkosi(
  files: readonly SourceFile[],
  directory = '',
): { config: MkosiConfig; diagnostics: Diagnostic[] } {
  const byPath = new Map(files.map(file => [file.path, file]));
  const documents = mkosiFileOrder([...byPath.keys()], directory).map(path =>
    parseMkosi(byPath.get(path)!),
  );
  const { config, diagnostics } = modelMkosi(documents);
  return {
    config,
    diagnostics: [
      ...documents.flatMap(document => document.diagnostics),
      ...diagnostics,
    ],
  };
}
