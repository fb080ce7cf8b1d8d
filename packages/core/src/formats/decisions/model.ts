import { diagnostic, type Diagnostic } from '../../diagnostic';
import type { DecisionCitation } from './citations';
import type { DecisionKind } from './decisionId';
import type { DecisionDefinition, DecisionDocument } from './parse';

/** A decision of the box: recorded somewhere, or only cited. */
export interface Decision {
  /** Canonical id (`D-097`); citations keep the spelling they were written with. */
  key: string;
  kind: DecisionKind;
  number: number;
  status: 'defined' | 'cited-only';
  /** The first definition found (files in the order given, then by line). */
  definition: DecisionDefinition | null;
  /** Further definitions of the same id: a conflict to resolve. */
  otherDefinitions: DecisionDefinition[];
  citations: DecisionCitation[];
}

export interface DecisionsModel {
  decisions: Decision[];
  diagnostics: Diagnostic[];
}

/**
 * Joins definitions and citations from every file (and commit messages) by canonical id.
 * Decisions come out ordered by kind, then number.
 */
export function modelDecisions(
  documents: readonly DecisionDocument[],
  commitCitations: readonly DecisionCitation[] = [],
): DecisionsModel {
  const byKey = new Map<string, Decision>();
  const diagnostics: Diagnostic[] = [];
  const decisionFor = (c: {
    key: string;
    kind: DecisionKind;
    number: number;
  }): Decision => {
    let decision = byKey.get(c.key);
    if (!decision) {
      decision = {
        key: c.key,
        kind: c.kind,
        number: c.number,
        status: 'cited-only',
        definition: null,
        otherDefinitions: [],
        citations: [],
      };
      byKey.set(c.key, decision);
    }
    return decision;
  };
  for (const doc of documents) {
    diagnostics.push(...doc.diagnostics);
    for (const def of doc.definitions) {
      const decision = decisionFor(def);
      if (decision.definition === null) {
        decision.definition = def;
        decision.status = 'defined';
      } else {
        decision.otherDefinitions.push(def);
        diagnostics.push(
          diagnostic(
            def.file,
            def.line,
            'warning',
            'decisions/duplicate-definition',
            `${def.id} is already defined at ${decision.definition.file}:${decision.definition.line}`,
          ),
        );
      }
    }
  }
  for (const doc of documents)
    for (const c of doc.citations) decisionFor(c).citations.push(c);
  for (const c of commitCitations) decisionFor(c).citations.push(c);
  // D records first, then ADRs; by number within each.
  const kindOrder = (d: Decision) => (d.kind === 'D' ? 0 : 1);
  const decisions = [...byKey.values()].sort(
    (a, b) => kindOrder(a) - kindOrder(b) || a.number - b.number,
  );
  return { decisions, diagnostics };
}
