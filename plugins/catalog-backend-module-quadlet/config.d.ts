import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  quadletPortal?: {
    /**
     * The boxes the catalog shows: each becomes one System with every quadlet, model, hostname,
     * OS fact and decision record of its trees (see docs/catalog.md).
     */
    boxes?: Array<{
      /**
       * Box name: the catalog namespace and System name of its entities. Lowercase letters,
       * digits and single dashes, at most 63 characters (`sodimo`).
       */
      name: string;
      /** Shown as the System's title. */
      title?: string;
      /** Shown as the System's description. */
      description?: string;
      /** Entity ref of the owner of every entity of the box (`group:default/sodimo-ops`, or just `sodimo-ops`). */
      owner: string;
      /**
       * The dotfiles repository (chezmoi source with the quadlets). Either a local path, relative
       * to the backend's working directory like catalog file locations, or a repository URL read
       * through the URL reader, e.g. `https://github.com/sodimo/dotfiles/tree/main`.
       */
      dotfiles?: string;
      /** The OS repository (mkosi / bootc image, kargs.d, decision records). Same forms as `dotfiles`. */
      os?: string;
      /** More trees of the box, each with a name unique within the box. */
      trees?: Array<{
        /** Short tree name shown in annotations (`quadlet-portal.io/source: <name>:<path>:<line>`). */
        name: string;
        /** A local path or a repository URL, like `dotfiles`. */
        source: string;
      }>;
      /**
       * When to read the box again. Default: every 30 minutes, 3 minutes timeout, first run
       * 15 seconds after start.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    }>;
  };
}
