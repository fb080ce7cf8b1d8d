import type { Diagnostic } from '../../diagnostic';
import {
  ChezmoiIgnoreRules,
  type ChezmoiIgnorePattern,
  type IgnoreStatus,
} from './ignoreFile';
import type { ChezmoiTreeDocument } from './parse';
import type { ChezmoiFileAttributes } from './sourceName';
import type { ChezmoiSpecialKind } from './specialNames';

/** A file chezmoi writes, creates, edits, links or removes in the home folder. */
export interface ChezmoiTarget {
  /** Source file in the repository. */
  file: string;
  /** 0: the fact concerns the whole file. */
  line: 0;
  targetPath: string;
  kind: 'file' | 'create' | 'modify' | 'symlink' | 'remove';
  template: boolean;
  attributes: ChezmoiFileAttributes;
  inExactDir: boolean;
  /** Whether `.chezmoiignore` keeps chezmoi away from it ('maybe' when that depends on a template). */
  ignore: IgnoreStatus;
}

export interface ChezmoiScript {
  file: string;
  line: 0;
  name: string;
  condition: ChezmoiFileAttributes['condition'];
  order: ChezmoiFileAttributes['order'];
  template: boolean;
}

export interface ChezmoiModel {
  sourceRoot: string;
  targets: ChezmoiTarget[];
  scripts: ChezmoiScript[];
  /** chezmoi's own files, recognised and otherwise left alone (data, externals, template library…). */
  specialFiles: { file: string; line: 0; kind: ChezmoiSpecialKind }[];
  /** Repository files chezmoi skips: dot-names, files outside the source root. */
  skippedFiles: string[];
  ignorePatterns: ChezmoiIgnorePattern[];
  diagnostics: Diagnostic[];
}

/** Turns a parsed chezmoi tree into the facts the inventory needs. */
export function modelChezmoiTree(doc: ChezmoiTreeDocument): ChezmoiModel {
  const rules = new ChezmoiIgnoreRules(doc.ignorePatterns);
  const model: ChezmoiModel = {
    sourceRoot: doc.sourceRoot,
    targets: [],
    scripts: [],
    specialFiles: [],
    skippedFiles: [],
    ignorePatterns: doc.ignorePatterns,
    diagnostics: doc.diagnostics,
  };
  for (const entry of doc.entries) {
    if (entry.kind === 'special' && entry.special) {
      model.specialFiles.push({
        file: entry.sourcePath,
        line: 0,
        kind: entry.special,
      });
    } else if (
      entry.kind === 'script' &&
      entry.attributes &&
      entry.targetPath !== null
    ) {
      model.scripts.push({
        file: entry.sourcePath,
        line: 0,
        name: entry.targetPath,
        condition: entry.attributes.condition,
        order: entry.attributes.order,
        template: entry.template,
      });
    } else if (
      entry.attributes &&
      entry.targetPath !== null &&
      isTargetKind(entry.kind)
    ) {
      model.targets.push({
        file: entry.sourcePath,
        line: 0,
        targetPath: entry.targetPath,
        kind: entry.kind,
        template: entry.template,
        attributes: entry.attributes,
        inExactDir: entry.inExactDir,
        ignore: rules.status(entry.targetPath),
      });
    } else {
      model.skippedFiles.push(entry.sourcePath);
    }
  }
  return model;
}

/** Built once per model so that asking about every target stays linear. */
const targetIndexes = new WeakMap<ChezmoiModel, Map<string, ChezmoiTarget>>();

/**
 * Is `targetPath` (relative to home) something chezmoi manages? 'maybe-ignored' when a
 * templated `.chezmoiignore` line decides; 'not-in-source' when no source file yields it.
 */
export function chezmoiTargetStatus(
  model: ChezmoiModel,
  targetPath: string,
): IgnoreStatus | 'not-in-source' {
  let index = targetIndexes.get(model);
  if (!index) {
    index = new Map(model.targets.map(t => [t.targetPath, t]));
    targetIndexes.set(model, index);
  }
  return index.get(targetPath.replace(/^\.\//, ''))?.ignore ?? 'not-in-source';
}

function isTargetKind(kind: string): kind is ChezmoiTarget['kind'] {
  return (
    kind === 'file' ||
    kind === 'create' ||
    kind === 'modify' ||
    kind === 'symlink' ||
    kind === 'remove'
  );
}
