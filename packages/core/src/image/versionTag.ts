import { classifyPin } from './pinTier';

/**
 * A tag read as `prefix` + dotted `numbers` + `suffix`:
 * `v2.0.0` → `v` [2,0,0] ``; `2-alpine` → `` [2] `-alpine`; `pg16` → `pg` [16] ``.
 * Two tags have the same *shape* when prefix, suffix and the count of numbers agree;
 * only tags of the same shape are candidates for an image bump (`2-alpine` never becomes
 * `2.1-bookworm`), the way Renovate's docker versioning compares tags.
 */
export interface VersionTag {
  tag: string;
  prefix: string;
  numbers: number[];
  suffix: string;
}

const VERSION_TAG_RE = /^([A-Za-z_-]*?)(\d+(?:\.\d+)*)(.*)$/;

/** Reads a tag as a version, or undefined for channel tags and commit tags, which do not order. */
export function parseVersionTag(tag: string): VersionTag | undefined {
  const pin = classifyPin(tag, undefined);
  if (pin.tier !== 'version' || pin.commit) {
    return undefined;
  }
  const match = VERSION_TAG_RE.exec(tag);
  if (!match) {
    return undefined;
  }
  return {
    tag,
    prefix: match[1],
    numbers: match[2].split('.').map(Number),
    suffix: match[3],
  };
}

export function sameTagShape(a: VersionTag, b: VersionTag): boolean {
  return (
    a.prefix === b.prefix &&
    a.suffix === b.suffix &&
    a.numbers.length === b.numbers.length
  );
}

function compareParsed(a: VersionTag, b: VersionTag): number {
  const length = Math.max(a.numbers.length, b.numbers.length);
  for (let i = 0; i < length; i++) {
    const difference = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (difference !== 0) {
      return difference < 0 ? -1 : 1;
    }
  }
  if (a.numbers.length !== b.numbers.length) {
    return a.numbers.length < b.numbers.length ? -1 : 1;
  }
  // `1.0.0` is newer than `1.0.0-rc1`: a release outranks its suffixed builds.
  if (a.suffix === '' && b.suffix !== '') return 1;
  if (a.suffix !== '' && b.suffix === '') return -1;
  if (a.suffix === b.suffix) return 0;
  return a.suffix < b.suffix ? -1 : 1;
}

/**
 * Semver-ish ordering of tags: numbers compare numerically part by part (`1.10` > `1.9`),
 * a bare release outranks the same numbers with a suffix, and tags that are not versions
 * sort before all versions (so "newest" never picks `latest`).
 */
export function compareVersionTags(a: string, b: string): number {
  const left = parseVersionTag(a);
  const right = parseVersionTag(b);
  if (!left || !right) {
    if (left) return 1;
    if (right) return -1;
    if (a === b) return 0;
    return a < b ? -1 : 1;
  }
  return compareParsed(left, right);
}

/** The newest version tag among `tags`, optionally only those matching `pattern`. */
export function newestVersionTag(
  tags: Iterable<string>,
  pattern?: RegExp,
): string | undefined {
  // A global or sticky pattern would carry lastIndex from one test to the next.
  const filter =
    pattern && new RegExp(pattern.source, pattern.flags.replace(/[gy]/g, ''));
  let best: VersionTag | undefined;
  for (const tag of tags) {
    if (filter && !filter.test(tag)) continue;
    const parsed = parseVersionTag(tag);
    if (parsed && (!best || compareParsed(parsed, best) > 0)) {
      best = parsed;
    }
  }
  return best?.tag;
}

/**
 * The tag an image bump would move to: the newest tag shaped like `current` that is newer
 * than it, or undefined when `current` is already the newest (or is not a version at all).
 */
export function newerVersionTag(
  current: string,
  tags: Iterable<string>,
): string | undefined {
  const base = parseVersionTag(current);
  if (!base) {
    return undefined;
  }
  let best = base;
  for (const tag of tags) {
    const parsed = parseVersionTag(tag);
    if (
      parsed &&
      sameTagShape(parsed, base) &&
      compareParsed(parsed, best) > 0
    ) {
      best = parsed;
    }
  }
  return best === base ? undefined : best.tag;
}
