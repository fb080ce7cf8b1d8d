import { createApp } from '@backstage/frontend-defaults';
import { navModule } from './modules/nav';
import { signInModule } from './modules/signIn';

// Plugins listed in package.json are discovered (`app.packages: all`);
// only the app's own modules are named here.
export default createApp({
  features: [navModule, signInModule],
});
