import type { Entity } from '@backstage/catalog-model';
import type { DecisionQuadletSpec, SourcePlace } from './spec';
import { list, quadletSpec } from './specReaders';

/** A Decision's facts: its `spec.quadlet` block and the `spec.citedBy` refs the processor turns into relations. */
export interface DecisionFacts {
  quadlet: Partial<DecisionQuadletSpec>;
  citedBy: string[];
}

export function decisionFacts(entity: Entity): DecisionFacts {
  const citedBy = (entity.spec as { citedBy?: unknown } | undefined)?.citedBy;
  return {
    quadlet: quadletSpec<DecisionQuadletSpec>(entity),
    citedBy: Array.isArray(citedBy)
      ? citedBy.filter((ref): ref is string => typeof ref === 'string')
      : [],
  };
}

/** Where a record is cited: a file line, or a commit message. */
export type CitationPlace = { source: SourcePlace } | { commit: string };

/** One row of "cited by": an entity (absent for places that belong to none) and its citation places. */
export interface CitationRow {
  entityRef?: string;
  places: CitationPlace[];
}

/**
 * Citing entities from the `citedBy` relations, `spec.citedBy` and the citations' own refs, each
 * with the places where it cites the record; places that belong to no entity (a doc, a commit)
 * come last in one row.
 */
export function citationRows(
  relationRefs: string[],
  facts: DecisionFacts,
): CitationRow[] {
  const rows = new Map<string, CitationRow>();
  const rowOf = (ref: string) => {
    const key = ref.toLocaleLowerCase('en-US');
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { entityRef: ref, places: [] }));
    return row;
  };
  for (const ref of [...relationRefs, ...facts.citedBy]) rowOf(ref);
  const orphan: CitationRow = { places: [] };
  for (const citation of list(facts.quadlet.citations)) {
    const place = placeOf(citation);
    if (!place) continue;
    const refs = list(citation.refs);
    if (refs.length === 0) orphan.places.push(place);
    for (const ref of refs) rowOf(ref).places.push(place);
  }
  return orphan.places.length ? [...rows.values(), orphan] : [...rows.values()];
}

function placeOf(citation: {
  source?: SourcePlace;
  commit?: string;
}): CitationPlace | undefined {
  if (citation.source) return { source: citation.source };
  if (citation.commit) return { commit: citation.commit };
  return undefined;
}
