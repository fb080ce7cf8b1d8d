import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  scaffolderActionsExtensionPoint,
  type TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleQuadlet } from './module';

describe('scaffolderModuleQuadlet', () => {
  it('registers the four quadlet actions, each with examples and dry-run support', async () => {
    const actions: TemplateAction<any, any, any>[] = [];
    await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          {
            addActions: (...added: TemplateAction<any, any, any>[]) =>
              actions.push(...added),
          },
        ],
      ],
      features: [
        scaffolderModuleQuadlet,
        mockServices.rootConfig.factory({
          data: {
            quadletPortal: {
              registry: {
                insecure: ['registry.lan:5000'],
                credentials: [
                  { registry: 'ghcr.io', username: 'u', password: 'p' },
                ],
              },
              scaffolder: { localRoot: '/srv/boxes' },
            },
          },
        }),
      ],
    });
    expect(actions.map(a => a.id)).toEqual([
      'quadlet:create',
      'quadlet:image:bump',
      'quadlet:fetch:local',
      'quadlet:publish:local-branch',
    ]);
    for (const action of actions) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples?.length).toBeGreaterThan(0);
      expect(action.schema?.input).toMatchObject({ type: 'object' });
    }
  });
});
