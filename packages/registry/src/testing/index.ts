/**
 * Test helpers for code that talks to an OCI registry: a private Debian `docker-registry` on a
 * loopback port, and pushes through the distribution API (no container tooling needed).
 * Published as `@quadlet-portal/registry/testing`; for tests only.
 *
 * @packageDocumentation
 */
export {
  DOCKER_REGISTRY_BIN,
  registryTestsEnabled,
  startDockerRegistry,
  type RegistryAuth,
  type RunningRegistry,
} from './dockerRegistry';
export { freePort } from './freePort';
export {
  pushBlob,
  pushManifest,
  pushMultiArchImage,
  pushPlatformImage,
  type Descriptor,
  type PushTarget,
  type PushedManifest,
} from './pushImages';
