/** One repository (or local folder) of a box, as the portal's config names it. */
export interface BoxTreeDescriptor {
  /** The tree name the Inventory uses (`dotfiles`, `harness`). */
  name: string;
  /** A local folder (absolute path) or a repository URL. */
  location: string;
  /**
   * Prefix a file path is appended to for a browsable link, e.g.
   * `https://github.com/o/r/blob/<ref>/`; absent for local folders.
   */
  webBase?: string;
}

/** What the mapping needs to know about a box beyond its files. */
export interface BoxDescriptor {
  /** Box name from config (`sodimo`): the System's name and every entity's namespace. */
  name: string;
  title?: string;
  description?: string;
  /** Entity ref of the owner of every entity of the box (`group:default/box-admins`). */
  owner: string;
  trees: BoxTreeDescriptor[];
}
