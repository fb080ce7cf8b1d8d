import type { Diagnostic } from '../diagnostic';
import {
  citationsFromCommits,
  looksBinary,
  modelDecisions,
  parseDecisionFile,
  type DecisionDocument,
} from '../formats/decisions';
import type { SubjectIndex } from './subjectIndex';
import type { TreeIndex } from './treeIndex';
import type { InventoryDecision, SourceRef } from './types';

/** Files bigger than this are data, not prose; they are not searched for decision ids. */
const MAX_SEARCHED_BYTES = 1024 * 1024;

export interface DecisionsResult {
  decisions: InventoryDecision[];
  diagnostics: (Diagnostic & { tree: string })[];
}

/**
 * Decision records of the whole box: definitions (Markdown headings or record files) and
 * every citation, in any text file of any tree and in commit messages, joined by id across
 * trees. Each citation is tied to what its place belongs to (a unit, a model, a hostname…):
 * `subjectsFor` indexes those of the files it is given (the ones that cite a decision).
 */
export function readDecisions(
  trees: readonly TreeIndex[],
  subjectsFor: (cited: (tree: string, path: string) => boolean) => SubjectIndex,
): DecisionsResult {
  // The decisions folder joins by file path; paths are made unique across trees first.
  const places = new Map<string, { tree: string; path: string }>();
  const documents: DecisionDocument[] = [];
  const key = (tree: number, path: string) => `${tree}:${path}`;
  trees.forEach((tree, t) => {
    for (const file of tree.files) {
      if (
        file.source.content.length > MAX_SEARCHED_BYTES ||
        looksBinary(file.source.content)
      )
        continue;
      const text = tree.text(file);
      if (!/\b(?:D|ADR)-\d/.test(text)) continue;
      const unique = key(t, file.path);
      places.set(unique, { tree: tree.name, path: file.path });
      const doc = parseDecisionFile({ path: file.path, text });
      documents.push({
        ...doc,
        file: unique,
        definitions: doc.definitions.map(d => ({ ...d, file: unique })),
        citations: doc.citations.map(c => ({ ...c, file: unique })),
        diagnostics: doc.diagnostics.map(d => ({ ...d, file: unique })),
      });
    }
  });
  const commitCitations = trees.flatMap(tree =>
    citationsFromCommits(tree.commits),
  );
  const model = modelDecisions(documents, commitCitations);
  // Only the files that cite a decision are asked about: only they need their subjects.
  const citing = new Map<string, Set<string>>();
  for (const { tree, path } of places.values()) {
    let paths = citing.get(tree);
    if (!paths) citing.set(tree, (paths = new Set()));
    paths.add(path);
  }
  const subjects = subjectsFor(
    (tree, path) => citing.get(tree)?.has(path) ?? false,
  );

  const placeOf = (file: string, line: number): SourceRef | undefined => {
    const place = places.get(file);
    return place ? { ...place, line: Math.max(1, line) } : undefined;
  };
  const decisions: InventoryDecision[] = model.decisions.map(d => {
    const decision: InventoryDecision = {
      id: d.key,
      status: d.status === 'defined' ? 'defined' : 'cited',
      citations: [],
    };
    if (d.definition) {
      const at = placeOf(d.definition.file, d.definition.line);
      if (at) decision.definition = at;
      if (d.definition.title) decision.title = d.definition.title;
      if (d.definition.status) decision.state = d.definition.status;
      if (d.definition.text) decision.text = d.definition.text;
    }
    for (const c of d.citations) {
      if (c.commit) {
        decision.citations.push({ commit: c.commit, subjects: [] });
        continue;
      }
      const at = placeOf(c.file, c.line);
      if (at)
        decision.citations.push({
          source: at,
          subjects: subjects.subjectsAt(at.tree, at.path, at.line),
        });
    }
    return decision;
  });
  // Messages may name another place by its unique key (`1:docs/a.md`): show it as `tree/path`.
  const readable = (message: string) =>
    message.replace(/\b(\d+:[^\s:]+)(?=:\d)/g, unique => {
      const place = places.get(unique);
      return place ? `${place.tree}/${place.path}` : unique;
    });
  const diagnostics = model.diagnostics.map(d => {
    const place = places.get(d.file);
    return {
      ...d,
      message: readable(d.message),
      file: place?.path ?? d.file,
      tree: place?.tree ?? '',
    };
  });
  return { decisions, diagnostics };
}
