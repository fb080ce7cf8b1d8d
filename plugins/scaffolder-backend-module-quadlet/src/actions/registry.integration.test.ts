import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { RegistryClient } from '@quadlet-portal/registry';
import {
  pushMultiArchImage,
  registryTestsEnabled,
  startDockerRegistry,
  type RunningRegistry,
} from '@quadlet-portal/registry/testing';
import type { RegistryClientFactory } from '../config/registryOptions';
import { copySodimoBox } from '../__testUtils__/testWorkspace';
import { bumpImageAction } from './bumpImage';
import { createQuadletAction } from './createQuadlet';

const EXAMPLES = path.resolve(__dirname, '../../../../examples');
const Q = 'home/dot_config/containers/systemd';
const NOW = () => new Date('2026-05-01T00:00:00Z');

/**
 * The actions with the real registry client against Debian's docker-registry on loopback
 * (plain HTTP, as for any loopback registry), with images pushed through the registry API.
 * Runs when /usr/bin/docker-registry exists, and always when QP_REQUIRE_INTEGRATION is set.
 */
(registryTestsEnabled() ? describe : describe.skip)(
  'quadlet actions against docker-registry',
  () => {
    jest.setTimeout(60_000);
    const mockDir = createMockDirectory();
    let registry: RunningRegistry | undefined;
    let wikiDigest: string;
    let wiki2Digest: string;
    const factory: RegistryClientFactory = run =>
      new RegistryClient({
        requestTimeoutMs: 5000,
        deadlineMs: 30_000,
        ...run,
      });

    beforeAll(async () => {
      registry = await startDockerRegistry();
      // An image index per tag, told apart by `variant` so the two tags have two digests.
      const pushIndex = async (repository: string, tag: string) =>
        (
          await pushMultiArchImage(
            { baseUrl: registry!.baseUrl },
            repository,
            tag,
            'oci',
            `${repository}:${tag}`,
          )
        ).index.digest;
      wikiDigest = await pushIndex('example/wiki', '2.5.1');
      wiki2Digest = await pushIndex('example/wiki', '2.6.0');
    });
    afterAll(async () => {
      await registry?.stop();
    });
    beforeEach(() => mockDir.clear());

    it('quadlet:create pins the image to the index digest the registry serves', async () => {
      const workspace = mockDir.resolve('workspace');
      await copySodimoBox(EXAMPLES, workspace);
      const image = `${registry!.host}/example/wiki:2.5.1`;
      const ctx = createMockActionContext({
        input: {
          box: 'sodimo',
          name: 'wiki',
          image,
          dotfilesPath: 'dotfiles',
          osPath: 'os',
        },
        workspacePath: workspace,
      });
      await createQuadletAction({ registry: factory, now: NOW }).handler(
        ctx as any,
      );
      const unit = await readFile(
        path.join(workspace, 'dotfiles', Q, 'wiki.container'),
        'utf8',
      );
      expect(unit).toContain(`\nImage=${image}@${wikiDigest}\n`);
      expect(ctx.output).toHaveBeenCalledWith('digest', wikiDigest);

      await expect(
        createQuadletAction({ registry: factory, now: NOW }).handler(
          createMockActionContext({
            input: {
              box: 'sodimo',
              name: 'other',
              image: `${registry!.host}/example/wiki:9.9.9`,
              dotfilesPath: 'dotfiles',
            },
            workspacePath: workspace,
          }) as any,
        ),
      ).rejects.toThrow(
        `image: the registry has no ${registry!.host}/example/wiki:9.9.9`,
      );
    });

    it('quadlet:image:bump moves to the newest tag through the real tag listing', async () => {
      await copySodimoBox(EXAMPLES, mockDir.resolve('copy'));
      const created = createMockActionContext({
        input: {
          box: 'sodimo',
          name: 'wiki',
          image: `${registry!.host}/example/wiki:2.5.1@${wikiDigest}`,
        },
        workspacePath: mockDir.resolve('copy/dotfiles'),
      });
      await createQuadletAction({ registry: factory, now: NOW }).handler(
        created as any,
      );
      const ctx = createMockActionContext({
        input: {
          box: 'sodimo',
          unit: 'wiki',
          mode: 'newest',
          pattern: '^\\d+\\.\\d+\\.\\d+$',
        },
        workspacePath: mockDir.resolve('copy/dotfiles'),
      });
      await bumpImageAction({ registry: factory, now: NOW }).handler(
        ctx as any,
      );
      expect(ctx.output).toHaveBeenCalledWith('changes', [
        expect.objectContaining({
          from: `${registry!.host}/example/wiki:2.5.1@${wikiDigest}`,
          to: `${registry!.host}/example/wiki:2.6.0@${wiki2Digest}`,
          digest: wiki2Digest,
        }),
      ]);
    });
  },
);
