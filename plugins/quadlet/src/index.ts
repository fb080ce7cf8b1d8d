/**
 * quadlet-portal entity pages: containers, services, volumes, models, aliases, hostnames,
 * decisions, the box's diagnostics and its OS. The default export is the plugin for the new
 * frontend system; the `Entity…Card` exports and the predicates serve legacy apps.
 */
export {
  quadletPlugin as default,
  quadletEntityCards,
  decisionKindIcon,
} from './plugin';
export * from './legacy';
export * from './entityPredicates';
export { RELATION_CITED_BY, RELATION_CITES } from './relations';
