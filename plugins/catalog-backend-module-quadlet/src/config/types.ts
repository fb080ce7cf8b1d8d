import type { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import type { TreeRole } from '@quadlet-portal/core';

/** Where a tree of a box is read from. */
export type TreeSource =
  /** A local checkout; `path` is absolute (resolved against the backend's working directory). */
  | { type: 'directory'; path: string }
  /** A repository tree read through Backstage's URL reader (`https://github.com/o/r/tree/main`). */
  | { type: 'url'; url: string };

export interface BoxTreeConfig {
  /** Unique within the box; the `<tree>` of `quadlet-portal.io/source` annotations. */
  name: string;
  /** Given for `dotfiles` / `os`; detected by the core for extra trees. */
  role?: TreeRole;
  source: TreeSource;
}

/** One validated entry of `quadletPortal.boxes`. */
export interface BoxConfig {
  name: string;
  title?: string;
  description?: string;
  owner: string;
  /** The dotfiles tree first, then the OS tree, then the extra trees in config order. */
  trees: BoxTreeConfig[];
  schedule: SchedulerServiceTaskScheduleDefinition;
}
