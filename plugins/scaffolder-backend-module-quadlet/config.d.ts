export interface Config {
  quadletPortal?: {
    /**
     * How the portal speaks to OCI registries (docs/registry.md): the scaffolder actions pin
     * images by digest and list tags through it.
     */
    registry?: {
      /** Limit for one HTTP exchange with a registry, body included, in milliseconds. Default 10000. */
      requestTimeoutMs?: number;
      /** Limit for all registry lookups of one task, in milliseconds. Default 60000. */
      deadlineMs?: number;
      /** Tries per request (the first included) for 429, 5xx and network errors. Default 4. */
      maxAttempts?: number;
      /**
       * Registries spoken to over plain HTTP although not on loopback (`host:port`, or a host
       * for any port). Loopback registries always use plain HTTP, as docker and podman do.
       */
      insecure?: string[];
      /** Credentials per registry; a registry without an entry is spoken to anonymously. */
      credentials?: Array<{
        /** As image references name it: `ghcr.io`, `docker.io`, `registry.example:5000`. */
        registry: string;
        username: string;
        /**
         * A password or access token (for ghcr.io a token with read:packages). Take it from the
         * environment: `${GHCR_TOKEN}`.
         * @visibility secret
         */
        password: string;
      }>;
    };
    /** Settings of the quadlet scaffolder actions (docs/scaffolder.md). */
    scaffolder?: {
      /**
       * The folder under which `quadlet:fetch:local` and `quadlet:publish:local-branch` may read
       * and write git repositories (local boxes). Template paths are relative to it, and no path
       * may leave it. Relative to the backend's working directory (`packages/backend` with
       * `yarn start`, so `../..` is the repository root). Unset: the local actions refuse to run.
       */
      localRoot?: string;
      /** Author and committer of local-branch commits when the task's user has no name or email. */
      gitAuthor?: {
        name?: string;
        email?: string;
      };
    };
  };
}
