export interface Config {
  quadletPortal?: {
    /**
     * Sign-in page of the portal: `guest` for the local default (no accounts),
     * `cfaccess` when the portal sits behind Cloudflare Access.
     * @visibility frontend
     */
    signIn?: 'guest' | 'cfaccess';
  };
}
