import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { readBoxConfigs } from '@quadlet-portal/plugin-catalog-backend-module-quadlet';
import { BoxHandoffGuides } from './guide/BoxHandoffGuides';
import { createRouter } from './service/router';

/**
 * The quadlet backend: the handoff guide of every box in `quadletPortal.boxes`, generated from
 * the box's trees like `yarn quadlet-portal docs`, served at `/api/quadlet` for the Handoff page
 * and the Reference tabs (docs/handoff.md).
 */
export const quadletPlugin = createBackendPlugin({
  pluginId: 'quadlet',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        urlReader: coreServices.urlReader,
      },
      async init({ config, logger, httpRouter, httpAuth, urlReader }) {
        // The same validation as the catalog module: a typo stops the backend at start.
        const boxes = readBoxConfigs(config);
        const guides = new BoxHandoffGuides({ boxes, urlReader, logger });
        httpRouter.use(await createRouter({ guides, httpAuth }));
        logger.info(`quadlet handoff: ${boxes.length} boxes`);
      },
    });
  },
});
