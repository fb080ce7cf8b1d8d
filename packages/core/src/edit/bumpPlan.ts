/** Which images a bump looks at. */
export type BumpScope =
  /** Every image of the box that is not pinned by digest. */
  | { kind: 'box' }
  /** Images of one file: a unit file (its images, also those set in its drop-ins) or a drop-in. */
  | { kind: 'file'; path: string; tree?: string }
  /**
   * Images of one unit, named by file name (`vaultwarden.container`), inventory id
   * (`dotfiles:home/…/vaultwarden.container`), or bare name (`vaultwarden`) when nothing
   * matches exactly.
   */
  | { kind: 'unit'; name: string };

/** What a bump does to each image. */
export type BumpMode =
  /** Pin the current tag to the digest it points at now (`redis:7` → `redis:7@sha256:…`). */
  | { kind: 'pin-digests' }
  /** Move to `tag`; pinned by digest when `pin` is true, or when unset and the old one was pinned. */
  | { kind: 'to'; tag: string; pin?: boolean }
  /**
   * Move to the newest version tag whose name matches `pattern` (a regular expression), or
   * without a pattern to the newest tag shaped like the current one (`2-alpine` → `3-alpine`).
   */
  | { kind: 'newest'; pattern?: string; pin?: boolean };

/** Where an `Image=` entry sits, and which units read it (template instances share one line). */
export interface ImageLocation {
  tree: string;
  /** Repository path of the file holding the `Image=` line (a drop-in when that is where it is set). */
  path: string;
  line: number;
  /** Inventory ids of the units that run this image. */
  units: string[];
}

/** One `Image=` change: apply it with `bumpImage(text, { line, from, to })`. */
export interface ImageBumpEdit extends ImageLocation {
  /** The reference as written now (quotes removed). */
  from: string;
  /** The reference to write, in the user's own spelling. */
  to: string;
  /** The digest written, when the new reference is pinned. */
  digest?: string;
  /** One sentence for a pull-request body or CLI output. */
  reason: string;
  /** Things a reviewer should know (a short name resolved against docker.io…). */
  notes: string[];
}

/**
 * Why an image gets no edit: `unchanged` (already where the mode wants it),
 * `not-applicable` (not a registry reference, template markup…), `not-found` (the registry
 * has no such tag or repository), `unknown` (the registry could not answer).
 */
export type ImageBumpOutcome =
  | 'unchanged'
  | 'not-applicable'
  | 'not-found'
  | 'unknown';

export interface ImageBumpSkip extends ImageLocation {
  /** The value as written. */
  image: string;
  outcome: ImageBumpOutcome;
  reason: string;
}

export interface ImageBumpPlan {
  edits: ImageBumpEdit[];
  skipped: ImageBumpSkip[];
}

export type ImageBumpPlanResult =
  | { ok: true; plan: ImageBumpPlan }
  /** The options themselves are wrong; `field` names the one to fix. */
  | { ok: false; field: string; reason: string };
