import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { readBoxConfigs } from './config/readBoxConfigs';
import { DecisionEntityProcessor } from './processor/DecisionEntityProcessor';
import { QuadletEntityProvider } from './provider/QuadletEntityProvider';

/**
 * The quadlet-portal catalog module: one entity provider per `quadletPortal.boxes[]` entry and
 * the processor of the `Decision` kind.
 */
export const catalogModuleQuadlet = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'quadlet',
  register(reg) {
    reg.registerInit({
      deps: {
        catalog: catalogProcessingExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
      },
      async init({ catalog, config, logger, scheduler, urlReader }) {
        const boxes = readBoxConfigs(config);
        catalog.addProcessor(new DecisionEntityProcessor());
        catalog.addEntityProvider(
          boxes.map(
            box =>
              new QuadletEntityProvider(box, { logger, scheduler, urlReader }),
          ),
        );
        if (boxes.length === 0)
          logger.info(
            'quadlet-portal: no boxes configured (quadletPortal.boxes)',
          );
      },
    });
  },
});
