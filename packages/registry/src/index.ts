export { RegistryClient, createRegistryClient } from './registryClient';
export type {
  DigestResult,
  NewestTagResult,
  RegistryClientOptions,
  RegistryCredential,
  RegistryRequestEvent,
  TagListResult,
} from './types';
export {
  canonicalRegistry,
  isLoopbackHost,
  registryEndpoint,
} from './registryEndpoint';
export type { RegistryEndpoint } from './registryEndpoint';
export { parseChallenges } from './challenge';
export type { AuthChallenge } from './challenge';
export {
  DOCKER_MANIFEST_LIST,
  DOCKER_MANIFEST_V2,
  MANIFEST_ACCEPT,
  OCI_IMAGE_INDEX,
  OCI_IMAGE_MANIFEST,
} from './mediaTypes';
