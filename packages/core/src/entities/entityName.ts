import { stableHash } from './stableHash';

/** Backstage's entity name rule, narrowed to single separators between runs. */
export const ENTITY_NAME_PATTERN = /^[a-z0-9A-Z]+([-_.][a-z0-9A-Z]+)*$/;
/** Namespaces are DNS labels: no `.` or `_`. */
export const NAMESPACE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const MAX_ENTITY_NAME_LENGTH = 63;

/**
 * A valid, lowercase entity name for any text: runs of other characters become `-`, a run of
 * separators keeps only its first, and the ends are trimmed. A name longer than 63 characters
 * is cut and ends with `-<hash of the whole>`, so two long names that share a prefix stay apart.
 */
export function toEntityName(text: string): string {
  const name = sanitize(text, /[^a-z0-9._-]+/g, /[._-]{2,}/g) || 'unnamed';
  return name.length <= MAX_ENTITY_NAME_LENGTH ? name : withSuffix(name, stableHash(name));
}

/** A valid namespace (DNS label) for a box name: `Sodimo Box` → `sodimo-box`. */
export function toNamespace(text: string): string {
  const name = sanitize(text, /[^a-z0-9-]+/g, /-{2,}/g) || 'box';
  return name.length <= MAX_ENTITY_NAME_LENGTH ? name : withSuffix(name, stableHash(name));
}

/** `name` cut so that `-<suffix>` fits in 63 characters. */
export function withSuffix(name: string, suffix: string): string {
  const room = MAX_ENTITY_NAME_LENGTH - suffix.length - 1;
  const cut = name.length > room ? name.slice(0, room).replace(/[^a-z0-9A-Z]+$/, '') : name;
  return `${cut || 'x'}-${suffix}`;
}

export function isValidEntityName(name: string): boolean {
  return name.length <= MAX_ENTITY_NAME_LENGTH && ENTITY_NAME_PATTERN.test(name);
}

function sanitize(text: string, invalid: RegExp, repeated: RegExp): string {
  return text
    .toLowerCase()
    .replace(invalid, '-')
    .replace(repeated, run => run[0])
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}
