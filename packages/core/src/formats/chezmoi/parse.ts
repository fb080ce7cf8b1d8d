import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostic';
import { textOf, type SourceFile } from '../../sourceFile';
import { parseChezmoiIgnore, type ChezmoiIgnorePattern } from './ignoreFile';
import {
  chezmoiSourceEntry,
  normalizeRelative,
  parseChezmoiRoot,
  type ChezmoiSourceEntry,
} from './sourcePath';

/** A file given as text, for callers that already decoded it. */
export interface ChezmoiText {
  path: string;
  text: string;
}

/** A chezmoi repository read by name, plus its `.chezmoiroot` and `.chezmoiignore` files. */
export interface ChezmoiTreeDocument {
  /** Source root inside the repository (`home`), `''` when there is no `.chezmoiroot`. */
  sourceRoot: string;
  entries: ChezmoiSourceEntry[];
  ignorePatterns: ChezmoiIgnorePattern[];
  diagnostics: Diagnostic[];
}

/**
 * Reads a chezmoi repository: paths relative to the repository root. Only `.chezmoiroot`
 * and `.chezmoiignore` contents are decoded; every other file is classified by its name,
 * so a 20,000-file tree costs one pass. Never throws.
 */
export function parseChezmoiTree(
  files: readonly (SourceFile | ChezmoiText)[],
): ChezmoiTreeDocument {
  const diagnostics: Diagnostic[] = [];
  const rootFile = files.find(
    f => normalizeRelative(f.path) === '.chezmoiroot',
  );
  const sourceRoot = rootFile ? parseChezmoiRoot(read(rootFile)) : '';
  if (
    rootFile &&
    sourceRoot !== '' &&
    !files.some(f => normalizeRelative(f.path).startsWith(`${sourceRoot}/`))
  ) {
    diagnostics.push(
      diagnostic(
        rootFile.path,
        1,
        'error',
        'chezmoi/missing-root',
        `.chezmoiroot names ${sourceRoot}, which holds no file`,
      ),
    );
  }
  const entries: ChezmoiSourceEntry[] = [];
  const ignorePatterns: ChezmoiIgnorePattern[] = [];
  const targets = new Map<string, string>();
  for (const file of files) {
    const entry = chezmoiSourceEntry(file.path, sourceRoot);
    entries.push(entry);
    if (entry.special === 'ignore') {
      const dir = targetDirOf(file.path, sourceRoot);
      ignorePatterns.push(...parseChezmoiIgnore(file.path, read(file), dir));
    }
    if (entry.targetPath !== null && entry.kind !== 'script') {
      const other = targets.get(entry.targetPath);
      if (other !== undefined) {
        diagnostics.push(
          diagnostic(
            file.path,
            0,
            'error',
            'chezmoi/duplicate-target',
            `${entry.targetPath} comes from both ${other} and ${file.path}; chezmoi refuses the source state`,
          ),
        );
      } else {
        targets.set(entry.targetPath, file.path);
      }
    }
  }
  return { sourceRoot, entries, ignorePatterns, diagnostics };
}

function read(file: SourceFile | ChezmoiText): string {
  return 'text' in file ? file.text : textOf(file);
}

/** Target folder of a special file: its source folder with the prefixes decoded. */
function targetDirOf(path: string, sourceRoot: string): string {
  const dir = posix.dirname(normalizeRelative(path));
  const root = normalizeRelative(sourceRoot);
  if (dir === '.' || dir === root) return '';
  const probe = chezmoiSourceEntry(`${dir}/probe`, root);
  return probe.targetPath
    ? posix.dirname(probe.targetPath).replace(/^\.$/, '')
    : '';
}
