import { parseImageSource } from '../image';
import type { ImageFact, SourceRef } from './types';

/** Image facts without their place, by image text: a box runs few distinct images many times. */
export type ImageFactCache = Map<string, Omit<ImageFact, 'source'>>;

/**
 * Describes an image value (quadlet `Image=`, `podman run` argument, distrobox `image=`) for the
 * model. With a cache, units running the same image share its strings.
 */
export function imageFactOf(
  text: string,
  source: SourceRef,
  cache?: ImageFactCache,
): ImageFact {
  const known = cache?.get(text);
  if (known) return { ...known, source };
  const fact = describe(text, source);
  if (cache) {
    const { source: _, ...base } = fact;
    cache.set(text, base);
  }
  return fact;
}

function describe(text: string, source: SourceRef): ImageFact {
  const parsed = parseImageSource(text.trim());
  const fact: ImageFact = { text, kind: parsed.kind, source };
  switch (parsed.kind) {
    case 'registry': {
      const r = parsed.reference;
      fact.normalized = r.normalized;
      fact.registry = r.registry;
      fact.repository = r.repository;
      if (r.tag !== undefined) fact.tag = r.tag;
      if (r.digest !== undefined) fact.digest = r.digest;
      fact.shortName = r.shortName;
      fact.pinTier = r.pin.tier;
      fact.pinReason = r.pin.reason;
      fact.placeholder = r.pin.placeholder;
      fact.commitTag = r.pin.commit;
      break;
    }
    case 'unit':
      fact.unit = parsed.unit;
      break;
    case 'invalid':
      fact.error = parsed.error;
      break;
    default:
      break;
  }
  return fact;
}
