import {
  ImageReferenceError,
  parseImageSource,
  withDigest,
  withTag,
  type ImageReference,
} from '../image';

/** A new reference, or why it cannot be made. Never thrown: inputs come from people and CI. */
export type ReferenceEditResult =
  | { ok: true; reference: ImageReference }
  | { ok: false; reason: string };

/**
 * Reads `value` as a registry reference, refusing what an image bump must not touch: quadlet
 * unit names (`x.image`), local transports, values with template markup, broken references.
 */
export function registryReferenceOf(
  value: ImageReference | string,
): ReferenceEditResult {
  if (typeof value !== 'string') {
    return { ok: true, reference: value };
  }
  const source = parseImageSource(value);
  switch (source.kind) {
    case 'registry':
      return { ok: true, reference: source.reference };
    case 'unit':
      return {
        ok: false,
        reason: `"${value}" names the quadlet unit ${source.unit}; bump the Image= of that unit instead`,
      };
    case 'transport':
      return {
        ok: false,
        reason: `"${value}" is a local ${source.transport}: image, not a registry reference`,
      };
    case 'templated':
      return {
        ok: false,
        reason: `"${value}" holds template or specifier markup, so the reference it renders to is not known`,
      };
    default:
      return { ok: false, reason: source.error };
  }
}

function attempt(make: () => ImageReference): ReferenceEditResult {
  try {
    return { ok: true, reference: make() };
  } catch (error) {
    if (error instanceof ImageReferenceError) {
      return { ok: false, reason: error.message };
    }
    throw error;
  }
}

/**
 * Pins `current` to `digest`, keeping its tag and the user's spelling (`redis:7` becomes
 * `redis:7@sha256:…`, not `docker.io/library/redis:7@…`). An older digest is replaced.
 */
export function pinToDigest(
  current: ImageReference | string,
  digest: string,
): ReferenceEditResult {
  const base = registryReferenceOf(current);
  if (!base.ok) return base;
  const reference = base.reference;
  return attempt(() => withDigest(reference, digest));
}

/**
 * Moves `current` to `tag`. The old digest belonged to the old tag and is dropped; pass
 * `digest` (the new tag's) to pin the result again.
 */
export function moveToTag(
  current: ImageReference | string,
  tag: string,
  digest?: string,
): ReferenceEditResult {
  const base = registryReferenceOf(current);
  if (!base.ok) return base;
  const reference = base.reference;
  return attempt(() => {
    const moved = withTag(reference, tag);
    return digest === undefined ? moved : withDigest(moved, digest);
  });
}
