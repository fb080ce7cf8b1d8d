/**
 * How firmly an image reference pins what podman will run.
 *
 * - `digest`: `@sha256:…` (with or without a tag) — the exact bytes, immutable.
 * - `version`: a tag that carries a version — `1.4.5`, `v2.0.0`, `2-alpine`, `pg16`, `16`.
 *   Publishers may re-push such tags (patch rebuilds), but they do not jump releases.
 * - `floating`: a tag that follows a branch or channel — `latest`, `main`, `stable`,
 *   `vulkan`, `edge`, `nightly` — or no tag at all (podman then pulls `:latest`).
 */
export type PinTier = 'digest' | 'version' | 'floating';

export interface Pin {
  tier: PinTier;
  /**
   * The tag names one CI build of a commit (`sha-b8725c5`) rather than a release. It is
   * counted as `version`: CI-generated commit tags name exactly one build and are not
   * re-pushed by convention, so they pin at least as tightly as a release tag. They cannot
   * be ordered, though, so "newest tag" logic skips them.
   */
  commit: boolean;
  /**
   * The tag holds a template placeholder such as `pi0.x.y`: nobody filled it in, so the
   * registry will not have it.
   */
  placeholder: boolean;
  /** One sentence saying why the tier was chosen, for findings and tooltips. */
  reason: string;
}

/** Splits a tag into its words: `v2026.416.0-pi0.x.y` → `v2026.416.0`, `pi0.x.y`. */
function tagParts(tag: string): string[] {
  return tag.split(/[-_+]/).filter(part => part.length > 0);
}

/** 7–40 hex characters mixing letters and digits: the shape of an abbreviated git hash. */
function isCommitHash(part: string): boolean {
  return (
    /^[0-9a-f]{7,40}$/.test(part) && /[a-f]/.test(part) && /[0-9]/.test(part)
  );
}

/**
 * Two or more dot-separated single-letter parts (`x.y`, `X.Y.Z`, `x.x`): a version written as
 * a pattern. A lone `1.x` is left alone because some projects really publish such tags.
 */
export function hasPlaceholder(tag: string): boolean {
  return /(?:^|[.\-_+])[xyzn]\.[xyzn](?=$|[.\-_+])/i.test(tag);
}

/**
 * The rule, kept free of keyword tables so that unknown channel names behave predictably:
 *
 * 1. a digest pins by digest;
 * 2. no tag floats (podman pulls `latest`);
 * 3. a tag with a `latest` word floats (`latest-cuda12` follows latest by definition);
 * 4. a tag with a digit-bearing word is a version (`2-alpine`, `pg16`, `b4719`, `sha-b8725c5`);
 * 5. any other tag (only letters: `main`, `main-stable`, `vulkan`, `edge`) floats.
 *
 * Known limit: a tag naming only a platform (`amd64`, `cuda12`) counts as a version.
 */
export function classifyPin(
  tag: string | undefined,
  digest: string | undefined,
): Pin {
  const placeholder = tag !== undefined && hasPlaceholder(tag);
  const parts = tag === undefined ? [] : tagParts(tag);
  const commit = parts.some(isCommitHash);

  if (digest !== undefined) {
    return {
      tier: 'digest',
      commit,
      placeholder,
      reason: 'pinned by digest: podman runs exactly these bytes',
    };
  }
  if (tag === undefined) {
    return {
      tier: 'floating',
      commit: false,
      placeholder: false,
      reason: 'no tag: podman pulls ":latest", which moves with every release',
    };
  }
  if (parts.some(part => part.toLowerCase() === 'latest')) {
    return {
      tier: 'floating',
      commit: false,
      placeholder,
      reason: `tag "${tag}" follows latest`,
    };
  }
  if (parts.some(part => /[0-9]/.test(part))) {
    return {
      tier: 'version',
      commit,
      placeholder,
      reason: commit
        ? `tag "${tag}" names one commit build`
        : `tag "${tag}" carries a version`,
    };
  }
  return {
    tier: 'floating',
    commit: false,
    placeholder,
    reason: `tag "${tag}" names a branch or channel, not a version`,
  };
}
