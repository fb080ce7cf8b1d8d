import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  DefaultGithubCredentialsProvider,
  ScmIntegrations,
} from '@backstage/integration';
import { notificationService } from '@backstage/plugin-notifications-node';
import { readBoxConfigs } from '@quadlet-portal/plugin-catalog-backend-module-quadlet';
import { scorecardPermissions } from '@quadlet-portal/plugin-scorecard-common';
import { readScorecardConfig } from './config/readScorecardConfig';
import { RunStore } from './database/RunStore';
import { scorecardRegistryServiceRef } from './online/registryService';
import { ScorecardRunner } from './run/ScorecardRunner';
import { createRouter } from './service/router';

/** Id of the weekly task; one id for the whole cluster, so the scheduler runs it once. */
export const SCORECARD_TASK_ID = 'quadlet-portal:scorecard:run';

/**
 * The scorecard backend: runs the pin-hygiene checks over every configured box weekly and on
 * demand, keeps the history, and serves it at `/api/scorecard` (docs/scorecard.md).
 */
export const scorecardPlugin = createBackendPlugin({
  pluginId: 'scorecard',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        notifications: notificationService,
        registry: scorecardRegistryServiceRef,
      },
      async init(deps) {
        const { config, logger, scheduler, httpRouter } = deps;
        // The same validation as the catalog module: a typo stops the backend at start.
        const boxes = readBoxConfigs(config);
        const scorecardConfig = readScorecardConfig(config);
        const store = await RunStore.create({ database: deps.database });
        const integrations = ScmIntegrations.fromConfig(config);
        const runner = new ScorecardRunner({
          boxes,
          config: scorecardConfig,
          store,
          urlReader: deps.urlReader,
          logger,
          registry: deps.registry,
          github: {
            integrations,
            credentials:
              DefaultGithubCredentialsProvider.fromIntegrations(integrations),
          },
          notifications: deps.notifications,
        });

        deps.permissionsRegistry.addPermissions(scorecardPermissions);

        await scheduler.scheduleTask({
          id: SCORECARD_TASK_ID,
          ...scorecardConfig.schedule,
          fn: async signal => {
            await runner.runAll(signal);
          },
        });

        httpRouter.use(
          await createRouter({
            store,
            runner,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
          }),
        );
        logger.info(
          `scorecard: ${
            boxes.length
          } boxes, task ${SCORECARD_TASK_ID} (${JSON.stringify(
            scorecardConfig.schedule.frequency,
          )})`,
        );
      },
    });
  },
});
