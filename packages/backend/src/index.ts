/*
 * The quadlet-portal backend: stock Backstage plugins plus the quadlet-portal
 * modules (added by their own issues). Local default: SQLite, guest sign-in.
 * Production (app-config.production.yaml): PostgreSQL, Cloudflare Access sign-in.
 */
import { createBackend } from '@backstage/backend-defaults';

const backend = createBackend();

// Serves the built frontend (packages/app) from the backend in the local default.
backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Guest sign-in for the local default; disabled in production config.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
// Sign-in behind Cloudflare Access (the box puts every hostname behind CF Access).
backend.add(
  import('@backstage/plugin-auth-backend-module-cloudflare-access-provider'),
);

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));
// The boxes of quadletPortal.boxes as entities, and the Decision kind.
backend.add(import('@quadlet-portal/plugin-catalog-backend-module-quadlet'));
// The handoff guide of every box for the Handoff page and Reference tabs (docs/handoff.md).
backend.add(import('@quadlet-portal/plugin-quadlet-backend'));

backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);
// quadlet:create, quadlet:image:bump and the local-branch fetch/publish actions (docs/scaffolder.md).
backend.add(
  import('@quadlet-portal/plugin-scaffolder-backend-module-quadlet'),
);

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

backend.add(import('@backstage/plugin-search-backend'));
// PostgreSQL full-text search in production; falls back to the in-memory engine on SQLite.
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));

backend.add(import('@backstage/plugin-notifications-backend'));
// The weekly pin-hygiene scorecard of every box (docs/scorecard.md).
backend.add(import('@quadlet-portal/plugin-scorecard-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

backend.start();
