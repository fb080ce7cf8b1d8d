export { DEFAULT_REGISTRY, parseImageReference } from './imageReference';
export type { ImageReference, ImageReferenceResult } from './imageReference';
export { IMAGE_TRANSPORTS, parseImageSource } from './imageSource';
export type { ImageSource, ImageTransport } from './imageSource';
export { classifyPin, hasPlaceholder } from './pinTier';
export type { Pin, PinTier } from './pinTier';
export {
  formatReference,
  ImageReferenceError,
  withDigest,
  withoutDigest,
  withTag,
} from './editReference';
export {
  compareVersionTags,
  newerVersionTag,
  newestVersionTag,
  parseVersionTag,
  sameTagShape,
} from './versionTag';
export type { VersionTag } from './versionTag';
