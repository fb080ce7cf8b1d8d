/**
 * quadlet-portal entity pages: containers, services, volumes, models, aliases, hostnames,
 * decisions, the box's diagnostics and its OS, plus the box's handoff guide (a Handoff tab on its
 * System, a Reference tab on each component). The default export is the plugin for the new
 * frontend system; the `Entity…Card` exports and the predicates serve legacy apps.
 */
export {
  quadletPlugin as default,
  quadletEntityCards,
  quadletEntityContents,
  handoffApi,
  decisionKindIcon,
} from './plugin';
export {
  HandoffClient,
  HandoffApiError,
  handoffApiRef,
  QUADLET_BACKEND_ID,
} from './handoff/api';
export type { HandoffApi, HandoffClientOptions } from './handoff/api';
export type {
  HandoffBox,
  HandoffGuideResponse,
  HandoffReferenceResponse,
} from './handoff/guideTypes';
export * from './legacy';
export * from './entityPredicates';
export { RELATION_CITED_BY, RELATION_CITES } from './relations';
