import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { RegistryClient } from '@quadlet-portal/registry';
import { LocalRepositories } from './config/localRepositories';
import {
  readRegistryOptions,
  type RegistryClientFactory,
} from './config/registryOptions';
import { bumpImageAction } from './actions/bumpImage';
import { createQuadletAction } from './actions/createQuadlet';
import { fetchLocalAction } from './actions/fetchLocal';
import { publishLocalBranchAction } from './actions/publishLocalBranch';

/**
 * The quadlet scaffolder actions: `quadlet:create`, `quadlet:image:bump`,
 * `quadlet:fetch:local` and `quadlet:publish:local-branch` (docs/scaffolder.md).
 */
export const scaffolderModuleQuadlet = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'quadlet',
  register(reg) {
    reg.registerInit({
      deps: {
        scaffolder: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
        logger: coreServices.logger,
      },
      async init({ scaffolder, config, logger }) {
        const registryOptions = readRegistryOptions(config);
        // One client per task: its answers, tokens and deadline belong to that run.
        const registry: RegistryClientFactory = run =>
          new RegistryClient({ ...registryOptions, ...run });
        const local = LocalRepositories.fromConfig(config);
        if (local.root === undefined) {
          logger.info(
            'quadlet-portal: local boxes are off (set quadletPortal.scaffolder.localRoot to publish to local branches)',
          );
        }
        scaffolder.addActions(
          createQuadletAction({ registry }),
          bumpImageAction({ registry }),
          fetchLocalAction({ local }),
          publishLocalBranchAction({
            local,
            defaultAuthor: {
              name: config.getOptionalString(
                'quadletPortal.scaffolder.gitAuthor.name',
              ),
              email: config.getOptionalString(
                'quadletPortal.scaffolder.gitAuthor.email',
              ),
            },
          }),
        );
      },
    });
  },
});
