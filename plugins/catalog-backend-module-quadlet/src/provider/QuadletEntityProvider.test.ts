import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import type {
  EntityProviderConnection,
  EntityProviderMutation,
} from '@backstage/plugin-catalog-node';
import type { BoxConfig } from '../config/types';
import { DEFAULT_SCHEDULE } from '../config/readBoxConfigs';
import { QuadletEntityProvider } from './QuadletEntityProvider';

const brokenBox = path.resolve(
  __dirname,
  '../__fixtures__/broken-box/dotfiles',
);

describe('QuadletEntityProvider', () => {
  let dir: string;
  let box: BoxConfig;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'qp-provider-'));
    await cp(brokenBox, dir, { recursive: true });
    box = {
      name: 'lab',
      owner: 'group:default/ops',
      trees: [
        {
          name: 'dotfiles',
          role: 'dotfiles',
          source: { type: 'directory', path: dir },
        },
      ],
      schedule: DEFAULT_SCHEDULE,
    };
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function connect(
    applyMutation: (m: EntityProviderMutation) => Promise<void>,
  ) {
    const scheduler = mockServices.scheduler.mock();
    const provider = new QuadletEntityProvider(box, {
      logger: mockServices.logger.mock(),
      scheduler,
      urlReader: mockServices.urlReader.mock(),
    });
    const connection: EntityProviderConnection = {
      applyMutation,
      refresh: jest.fn(),
    };
    return { provider, scheduler, connected: provider.connect(connection) };
  }

  it('schedules one task per box under a stable id, with the configured schedule', async () => {
    const { provider, scheduler, connected } = connect(async () => {});
    await connected;
    expect(provider.getProviderName()).toBe('quadlet-portal:lab');
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'quadlet-portal:lab:refresh',
        frequency: { minutes: 30 },
        timeout: { minutes: 3 },
        initialDelay: { seconds: 15 },
      }),
    );
  });

  it('applies one full mutation with every entity keyed to the box', async () => {
    const mutations: EntityProviderMutation[] = [];
    const { provider, connected } = connect(async m => {
      mutations.push(m);
    });
    await connected;
    await expect(provider.refresh()).resolves.toEqual({
      status: 'applied',
      entities: 4,
    });
    expect(mutations).toHaveLength(1);
    const [mutation] = mutations;
    expect(mutation.type).toBe('full');
    const entities = mutation.type === 'full' ? mutation.entities : [];
    expect(entities.map(e => e.locationKey)).toEqual(
      Array(4).fill('quadlet-portal:lab'),
    );
    expect(
      entities.map(e => `${e.entity.kind}:${e.entity.metadata.name}`).sort(),
    ).toEqual([
      'Component:cache',
      'Component:web',
      'Resource:web-data.volume',
      'System:lab',
    ]);
  });

  it('does not parse an untouched folder again, and parses it once a file changes', async () => {
    const mutations: EntityProviderMutation[] = [];
    const { provider, connected } = connect(async m => {
      mutations.push(m);
    });
    await connected;
    await provider.refresh();
    await expect(provider.refresh()).resolves.toEqual({
      status: 'unchanged',
      entities: 4,
    });
    // The very entities of the last parse, not a new parse of the same files.
    const entitiesOf = (m: EntityProviderMutation) =>
      m.type === 'full' ? m.entities : undefined;
    expect(entitiesOf(mutations[1])).toBe(entitiesOf(mutations[0]));

    await writeFile(
      path.join(dir, 'home/dot_config/containers/systemd/db.volume'),
      '[Volume]\n',
    );
    await expect(provider.refresh()).resolves.toEqual({
      status: 'applied',
      entities: 5,
    });
  });

  it('reads everything again after a failed apply instead of trusting what never reached the catalog', async () => {
    let fail = true;
    const { provider, connected } = connect(async () => {
      if (fail) throw new Error('database is locked');
    });
    await connected;
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'failed',
      error: { message: 'database is locked' },
    });
    fail = false;
    await expect(provider.refresh()).resolves.toEqual({
      status: 'applied',
      entities: 4,
    });
  });

  it('fails without touching the catalog when a local tree is gone', async () => {
    const applyMutation = jest.fn(async () => {});
    const { provider, connected } = connect(applyMutation);
    await connected;
    await provider.refresh();
    await rm(dir, { recursive: true, force: true });
    await expect(provider.refresh()).resolves.toMatchObject({
      status: 'failed',
      tree: 'dotfiles',
      error: { message: expect.stringMatching(/ENOENT/) },
    });
    expect(applyMutation).toHaveBeenCalledTimes(1);
  });

  it('refuses to run before the catalog connected it', async () => {
    const provider = new QuadletEntityProvider(box, {
      logger: mockServices.logger.mock(),
      scheduler: mockServices.scheduler.mock(),
      urlReader: mockServices.urlReader.mock(),
    });
    await expect(provider.refresh()).rejects.toThrow(
      'quadlet-portal:lab is not connected to the catalog',
    );
  });
});
