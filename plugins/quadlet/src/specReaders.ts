import type { Entity } from '@backstage/catalog-model';

/**
 * The entity's `spec.quadlet` block as the card expects it. Entities come over the wire and may
 * have been written by another version of the provider: a missing or malformed block yields `{}`
 * and every field is optional, so a card shows what is there and names what is missing.
 */
export function quadletSpec<T extends object>(entity: Entity): Partial<T> {
  const block = (entity.spec as { quadlet?: unknown } | undefined)?.quadlet;
  return block && typeof block === 'object' && !Array.isArray(block)
    ? (block as Partial<T>)
    : {};
}

/** An array field, or `[]` when absent or not an array. */
export function list<T>(value: readonly T[] | undefined | null): T[] {
  return Array.isArray(value) ? [...value] : [];
}

/** `1 file` / `3 files`. */
export function plural(
  count: number,
  singular: string,
  pluralForm = `${singular}s`,
): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** `decision:sodimo/d-106` → `d-106`. */
export function refName(ref: string): string {
  return ref.slice(ref.indexOf('/') + 1);
}
