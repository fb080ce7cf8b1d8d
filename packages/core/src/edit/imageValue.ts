import { unquoteValue } from '../unit';

/**
 * An `Image=` value split into the reference and the quotes around it. Podman's `Lookup()`
 * strips one pair of surrounding double quotes, so `Image="ghcr.io/x:1"` means `ghcr.io/x:1`;
 * an edit keeps the quotes the user wrote and replaces only what is between them.
 */
export interface ImageValue {
  /** The reference as podman reads it. */
  reference: string;
  /** True when the value is written between double quotes. */
  quoted: boolean;
}

export function readImageValue(raw: string): ImageValue {
  const reference = unquoteValue(raw);
  return { reference, quoted: reference.length !== raw.length };
}

/** Writes `reference` the way the old value was written (quoted or not). */
export function writeImageValue(old: ImageValue, reference: string): string {
  return old.quoted ? `"${reference}"` : reference;
}
