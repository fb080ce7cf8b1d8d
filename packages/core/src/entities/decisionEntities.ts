import type { InventoryDecision, InventoryDecisionCitation } from '../inventory/types';
import { DECISION_API_VERSION, type DecisionEntity, type DecisionEntitySpec } from './decisionEntity';
import { compact } from './compact';
import type { MappingContext } from './mappingContext';
import type { DecisionQuadletSpec } from './quadletSpec';

/** Turns the subjects of a citation (a unit, a model, an env file…) into the entities they became. */
export type SubjectRefs = (subject: InventoryDecisionCitation['subjects'][number]) => readonly string[];

/**
 * Every decision record of the box as a `Decision` entity, defined or only cited, with
 * `spec.citedBy` listing each entity that cites it (the catalog processor draws
 * `citedBy`/`cites` from it). Built after every other entity: they report who cites what.
 */
export function decisionEntities(ctx: MappingContext, decisions: readonly InventoryDecision[], subjectRefs: SubjectRefs): DecisionEntity[] {
  const byId = new Map(decisions.map(d => [d.id, d]));
  const out: DecisionEntity[] = [];
  for (const [id, planned] of ctx.plan.decisions) {
    const decision = byId.get(id);
    const citations = (decision?.citations ?? []).map(c => {
      const refs = [...new Set(c.subjects.flatMap(subjectRefs))].sort();
      return compact({ source: c.source && ctx.places.place(c.source), commit: c.commit, refs });
    });
    const status = decision?.status === 'defined' ? 'defined' : 'cited-only';
    const quadlet: DecisionQuadletSpec = compact({
      kind: 'decision' as const,
      id,
      status,
      recordStatus: decision?.state,
      title: decision?.title,
      text: decision?.text,
      definition: decision?.definition && ctx.places.place(decision.definition),
      citations,
    });

    const spec: DecisionEntitySpec = {
      type: status,
      owner: ctx.owner,
      system: ctx.system,
      citedBy: [...(ctx.citedBy.get(id) ?? [])].sort(),
      quadlet,
    };
    const source = decision?.definition ?? decision?.citations.find(c => c.source)?.source;
    const entity = ctx.entity(planned, {
      apiVersion: DECISION_API_VERSION,
      title: decision?.title ? `${id} ${decision.title}` : id,
      description:
        status === 'defined'
          ? decision?.state && `Status: ${decision.state}`
          : `Cited in ${citations.length} place${citations.length === 1 ? '' : 's'} but defined in no record`,
      source,
      annotations: { 'quadlet-portal.io/decision-id': id },
      tags: [status === 'cited-only' && 'cited-only'],
      spec,
    });
    out.push(entity as DecisionEntity);
  }
  return out;
}
