import { ProxiedSignInPage, SignInPage } from '@backstage/core-components';
import { configApiRef, useApi } from '@backstage/core-plugin-api';
import type { SignInPageProps } from '@backstage/plugin-app-react';

/**
 * Local default: a guest button (one shared identity, no accounts).
 * Behind Cloudflare Access (`quadletPortal.signIn: cfaccess`): the edge already
 * authenticated the user, so the page only exchanges the CF Access JWT silently.
 */
export function QuadletPortalSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const mode = config.getOptionalString('quadletPortal.signIn') ?? 'guest';
  if (mode === 'cfaccess') {
    return <ProxiedSignInPage {...props} provider="cfaccess" />;
  }
  return (
    <SignInPage
      {...props}
      title="quadlet-portal"
      align="center"
      providers={['guest']}
    />
  );
}
