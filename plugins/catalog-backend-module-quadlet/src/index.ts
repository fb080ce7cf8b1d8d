/**
 * Catalog backend module for quadlet-portal: the entities of every configured box and the
 * `Decision` kind.
 *
 * @packageDocumentation
 */
export { catalogModuleQuadlet as default } from './module';
export { QuadletEntityProvider } from './provider/QuadletEntityProvider';
export type {
  QuadletEntityProviderDeps,
  RefreshOutcome,
} from './provider/QuadletEntityProvider';
export { DecisionEntityProcessor } from './processor/DecisionEntityProcessor';
export { readBoxConfigs, DEFAULT_SCHEDULE } from './config/readBoxConfigs';
export type { BoxConfig, BoxTreeConfig, TreeSource } from './config/types';
// Reading a box's trees, shared with the scorecard backend so both read sources alike.
export { readTreeState, contentHash } from './sources/treeState';
export type { TreeState } from './sources/treeState';
export { webBaseOf } from './sources/webBase';
