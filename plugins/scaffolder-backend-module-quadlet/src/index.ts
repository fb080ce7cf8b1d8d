/**
 * Scaffolder actions for boxes run as Podman Quadlets: a new quadlet pinned by digest, image
 * bumps, and local-branch fetch/publish for boxes without GitHub.
 *
 * @packageDocumentation
 */
export { scaffolderModuleQuadlet as default } from './module';
export { createQuadletAction, CREATE_ACTION_ID } from './actions/createQuadlet';
export type { CreateQuadletActionOptions } from './actions/createQuadlet';
export {
  bumpImageAction,
  BUMP_ACTION_ID,
  validateBumpInput,
} from './actions/bumpImage';
export type { BumpImageActionOptions, BumpRequest } from './actions/bumpImage';
export { fetchLocalAction, FETCH_LOCAL_ACTION_ID } from './actions/fetchLocal';
export {
  publishLocalBranchAction,
  PUBLISH_LOCAL_ACTION_ID,
} from './actions/publishLocalBranch';
export type { PublishLocalBranchOptions } from './actions/publishLocalBranch';
export { LocalRepositories } from './config/localRepositories';
export { readRegistryOptions } from './config/registryOptions';
export type {
  RegistryClientFactory,
  RegistryLookups,
} from './config/registryOptions';
