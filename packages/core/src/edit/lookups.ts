import type { ImageReference } from '../image';

/**
 * What a registry says about a reference. The core does no network I/O: callers pass these
 * lookups in (the registry package's client fits them). `unknown` means the registry could not
 * answer (unreachable, auth refused, timeout): a caller reports it as unknown, never as a pass.
 */
export type DigestLookup =
  | { status: 'ok'; digest: string }
  | { status: 'not-found' }
  | { status: 'unknown'; reason: string };

export type TagListLookup =
  | { status: 'ok'; tags: string[] }
  | { status: 'not-found' }
  | { status: 'unknown'; reason: string };

/** Digest of the manifest (or index) a reference's tag points at now. */
export type ResolveDigest = (
  reference: ImageReference,
) => Promise<DigestLookup>;

/** Every tag of a reference's repository. */
export type ListTags = (reference: ImageReference) => Promise<TagListLookup>;
