import { ImageReference, parseImageReference } from './imageReference';

/** Thrown by the edit helpers when the tag or digest they are given is not valid. */
export class ImageReferenceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImageReferenceError';
  }
}

interface WrittenParts {
  transport?: 'docker';
  domain?: string;
  path: string;
  tag?: string;
  digest?: string;
}

/**
 * Writes a reference back in the user's own spelling: a short name stays short, a
 * `docker://` prefix stays, nothing is normalised. `formatReference(parse(x)) === x`.
 */
export function formatReference(reference: WrittenParts): string {
  let text = reference.transport === 'docker' ? 'docker://' : '';
  if (reference.domain !== undefined) {
    text += `${reference.domain}/`;
  }
  text += reference.path;
  if (reference.tag !== undefined) {
    text += `:${reference.tag}`;
  }
  if (reference.digest !== undefined) {
    text += `@${reference.digest}`;
  }
  return text;
}

function reparse(parts: WrittenParts): ImageReference {
  const result = parseImageReference(formatReference(parts));
  if (!result.ok) {
    throw new ImageReferenceError(result.error);
  }
  return result.reference;
}

/**
 * The same reference with another tag. Any digest is dropped: it belonged to the old tag,
 * and keeping it would make podman run the old bytes under the new name.
 */
export function withTag(
  reference: ImageReference,
  tag: string,
): ImageReference {
  return reparse({
    transport: reference.transport,
    domain: reference.domain,
    path: reference.path,
    tag,
  });
}

/**
 * The same reference pinned to `digest` (`sha256:…`). The tag is kept (`name:1.2@sha256:…`):
 * podman pulls by digest and the tag tells readers which release the digest belongs to.
 */
export function withDigest(
  reference: ImageReference,
  digest: string,
): ImageReference {
  return reparse({
    transport: reference.transport,
    domain: reference.domain,
    path: reference.path,
    tag: reference.tag,
    digest,
  });
}

/** The same reference without its digest, e.g. before re-resolving a tag. */
export function withoutDigest(reference: ImageReference): ImageReference {
  return reparse({
    transport: reference.transport,
    domain: reference.domain,
    path: reference.path,
    tag: reference.tag,
  });
}
