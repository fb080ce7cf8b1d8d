import type { CheckResult } from '../checks/types';

/** Where the files of one tree can be linked from the guide. */
export interface GuideTree {
  /** Tree name as in the Inventory (`dotfiles`, `harness`). */
  name: string;
  /**
   * Prefix a file path is appended to for a browsable link, e.g.
   * `https://github.com/o/r/blob/<ref>/`. Used in the files and in the sections.
   */
  webBase?: string;
  /**
   * The tree's root relative to the guide's output folder (`../../examples/sodimo/dotfiles/`),
   * for links that work where the guide is committed. Used in the files only (a section is
   * rendered somewhere else, where a relative path means nothing); a web base wins.
   */
  relativeBase?: string;
}

/** A place inside a tree that produced the guide and must not feed it back. */
export interface GuideFolder {
  tree: string;
  /** Folder path inside the tree, POSIX, without a trailing slash (`docs/handoff`). */
  path: string;
}

export interface HandoffGuideOptions {
  /** Box name (`sodimo`): the title of the guide and the namespace of its entity refs. */
  box: string;
  /** Links to source files; a tree not listed shows its paths as plain text. */
  trees?: readonly GuideTree[];
  /**
   * Current scorecard results (`runChecks`): failures and waivers become each entry's known
   * problems and fill the known-broken list. Results that pass or are unknown are left out.
   */
  findings?: readonly CheckResult[];
  /**
   * Folders holding a previous copy of this guide: decision mentions found there are not
   * listed (the guide cites decisions itself, and must not cite its own last run).
   */
  generatedIn?: readonly GuideFolder[];
}

/** One file of the guide: a path relative to the output folder and its whole text. */
export interface GuideFile {
  path: string;
  content: string;
}

export type GuideSectionKind =
  | 'overview'
  | 'services'
  | 'service'
  | 'resources'
  | 'models'
  | 'model'
  | 'alias'
  | 'hostnames'
  | 'hostname'
  | 'kernel-args'
  | 'decisions'
  | 'known-broken'
  | 'upgrade';

/**
 * A piece of the guide with a stable anchor. The sections are disjoint and in reading order:
 * joining every section's Markdown gives the whole guide on one page (`handoffGuidePage`).
 */
export interface GuideSection {
  /** The anchor, also the section's id: `service-piler`, `hostnames`, `model-qwen3-4b`. */
  id: string;
  kind: GuideSectionKind;
  title: string;
  /** The file of `files` that holds it. */
  path: string;
  /** `path#id`. */
  href: string;
  /** Id of the section it belongs under (`hostnames` for `hostname-archive.sodimo.eu`). */
  parent?: string;
  /** Catalog entities it documents (`component:sodimo/piler`). */
  entityRefs: string[];
  /** Inventory unit ids (quadlet or systemd) it documents. */
  unitIds: string[];
  /**
   * The section alone, for rendering on one page: links to other sections are `#anchor`,
   * links to source files only when the tree has a web base.
   */
  markdown: string;
}

/** Where a thing is documented: the section, the anchor inside it, and the file. */
export interface GuideLocation {
  section: string;
  anchor: string;
  path: string;
  /** `path#anchor`, relative to the guide's root. */
  href: string;
}

export interface HandoffGuide {
  box: string;
  /** Sorted by path. */
  files: GuideFile[];
  sections: GuideSection[];
  /**
   * Entity ref (`component:sodimo/piler`, `resource:sodimo/piler-data.volume`,
   * `decision:sodimo/d-106`…) or inventory unit id → where it is documented. Resources
   * without a section of their own (volumes, networks, decisions) point at their table row.
   */
  locations: Record<string, GuideLocation>;
}
