export { inventoryToEntities } from './inventoryToEntities';
export type { BoxDescriptor, BoxTreeDescriptor } from './boxDescriptor';
export { BACKSTAGE_API_VERSION, type EntityLike, type EntityLink, type EntityMetadata } from './entityLike';
export { ENTITY_NAME_PATTERN, MAX_ENTITY_NAME_LENGTH, NAMESPACE_PATTERN, isValidEntityName, toEntityName, toNamespace } from './entityName';
export {
  DECISION_API_VERSION,
  DECISION_KIND,
  DECISION_SPEC_FIELDS,
  DECISION_TYPES,
  RELATION_CITED_BY,
  RELATION_CITES,
  decisionEntitySchema,
  isDecisionEntity,
  validateDecisionEntity,
  type DecisionEntity,
  type DecisionEntitySpec,
  type DecisionValidation,
} from './decisionEntity';
export { DEPENDS_ON_KINDS } from './unitFacts';
export { MAX_SYSTEM_DIAGNOSTICS } from './systemEntity';
export { ANNOTATION_BOX } from './mappingContext';
export {
  ANNOTATION_EDIT_URL,
  ANNOTATION_MANAGED_BY_LOCATION,
  ANNOTATION_MANAGED_BY_ORIGIN_LOCATION,
  ANNOTATION_SOURCE,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
} from './sourcePlaces';
export { serializeEntities, type EntitiesFormat } from './serializeEntities';
export type * from './quadletSpec';
