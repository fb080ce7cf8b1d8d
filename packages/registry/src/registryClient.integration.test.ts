import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OCI_IMAGE_INDEX,
  DOCKER_MANIFEST_LIST,
  DOCKER_MANIFEST_V2,
} from './mediaTypes';
import { RegistryClient } from './registryClient';
import {
  registryTestsEnabled,
  startDockerRegistry,
  type RunningRegistry,
} from './testing/dockerRegistry';
import {
  startPaginatingProxy,
  startRegistryProxy,
  startSilentServer,
  type LoopbackServer,
} from './testing/emulators';
import { freePort } from './testing/freePort';
import {
  pushManifest,
  pushMultiArchImage,
  pushPlatformImage,
  type PushedManifest,
} from './testing/pushImages';
import { runTool } from './testing/runTool';
import { startTokenServer, type TokenServer } from './testing/tokenServer';
import type { RegistryClientOptions, RegistryRequestEvent } from './types';

/** Requests a client made, for asserting how many lookups reached the registry. */
function recorder() {
  const events: RegistryRequestEvent[] = [];
  return { events, onRequest: (e: RegistryRequestEvent) => events.push(e) };
}

/** No real waiting in tests: sleeps are recorded and return at once. */
function instantSleep() {
  const slept: number[] = [];
  return { slept, sleep: async (ms: number) => void slept.push(ms) };
}

const quick: RegistryClientOptions = {
  requestTimeoutMs: 5000,
  deadlineMs: 30_000,
  sleep: async () => undefined,
};

(registryTestsEnabled() ? describe : describe.skip)(
  'RegistryClient against docker-registry',
  () => {
    jest.setTimeout(60_000);

    let dir: string;
    let open: RunningRegistry | undefined;
    let tokenAuth: RunningRegistry | undefined;
    let basicAuth: RunningRegistry | undefined;
    let tokens: TokenServer | undefined;
    const servers: LoopbackServer[] = [];
    let ociIndex: PushedManifest;
    let dockerList: PushedManifest;
    let single: PushedManifest;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'qp-registry-test-'));
      open = await startDockerRegistry();
      const target = { baseUrl: open.baseUrl };
      ociIndex = (
        await pushMultiArchImage(target, 'example/app', '1.4.5', 'oci')
      ).index;
      dockerList = (
        await pushMultiArchImage(target, 'example/legacy', '2.0', 'docker')
      ).index;
      single = await pushPlatformImage(
        target,
        'example/tool',
        { os: 'linux', architecture: 'amd64' },
        'docker',
      );
      const tags = [
        '1.2.0',
        '1.9.3',
        '1.10.0',
        '2.0.0-rc1',
        'latest',
        'main',
        'v3',
      ];
      for (const tag of tags) {
        await pushManifest(
          target,
          'example/tool',
          tag,
          DOCKER_MANIFEST_V2,
          JSON.parse(single.bytes.toString()),
        );
      }

      tokens = await startTokenServer(dir);
      tokenAuth = await startDockerRegistry({
        token: {
          realm: tokens.realm,
          service: tokens.service,
          issuer: tokens.issuer,
          rootCertBundle: tokens.certificatePath,
        },
      });
      for (const repository of ['public/app', 'private/app']) {
        await pushMultiArchImage(
          {
            baseUrl: tokenAuth.baseUrl,
            authorization: `Bearer ${tokens.pushToken(repository)}`,
          },
          repository,
          '1.0.0',
        );
      }

      const htpasswd = join(dir, 'htpasswd');
      const stdout = await runTool(
        'htpasswd',
        ['-Bbn', 'basic-user', 's3cret-pass'],
        'apache2-utils',
      );
      await writeFile(htpasswd, stdout);
      basicAuth = await startDockerRegistry({ htpasswd: { path: htpasswd } });
      await pushMultiArchImage(
        {
          baseUrl: basicAuth.baseUrl,
          authorization: `Basic ${Buffer.from(
            'basic-user:s3cret-pass',
          ).toString('base64')}`,
        },
        'team/app',
        '5.1',
      );
    });

    afterAll(async () => {
      // Each stop runs even when another fails, so no registry outlives the test.
      await Promise.allSettled([
        open?.stop(),
        tokenAuth?.stop(),
        basicAuth?.stop(),
        tokens?.stop(),
        ...servers.map(s => s.stop()),
      ]);
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    describe('digests', () => {
      it('resolves a multi-arch OCI index to the digest the registry stores', async () => {
        const client = new RegistryClient(quick);
        const result = await client.resolveDigest(
          `${open!.host}/example/app:1.4.5`,
        );
        expect(ociIndex.registryDigest).toBe(ociIndex.digest);
        expect(result).toEqual({
          status: 'ok',
          digest: ociIndex.digest,
          mediaType: OCI_IMAGE_INDEX,
        });
      });

      it('resolves a Docker manifest list and a single Docker v2 manifest', async () => {
        const client = new RegistryClient(quick);
        expect(
          await client.resolveDigest(`${open!.host}/example/legacy:2.0`),
        ).toEqual({
          status: 'ok',
          digest: dockerList.digest,
          mediaType: DOCKER_MANIFEST_LIST,
        });
        expect(
          await client.resolveDigest(`${open!.host}/example/tool:latest`),
        ).toEqual({
          status: 'ok',
          digest: single.digest,
          mediaType: DOCKER_MANIFEST_V2,
        });
      });

      it('speaks plain HTTP to localhost as to 127.0.0.1', async () => {
        const port = open!.host.split(':')[1];
        const client = new RegistryClient(quick);
        const result = await client.resolveDigest(
          `localhost:${port}/example/app:1.4.5`,
        );
        expect(result).toMatchObject({ status: 'ok', digest: ociIndex.digest });
      });

      it('says not-found for an unknown tag or repository', async () => {
        const client = new RegistryClient(quick);
        expect(
          await client.resolveDigest(`${open!.host}/example/app:9.9.9`),
        ).toEqual({ status: 'not-found' });
        expect(
          await client.resolveDigest(`${open!.host}/example/nothing:1`),
        ).toEqual({ status: 'not-found' });
      });

      it('checks a digest reference exists', async () => {
        const client = new RegistryClient(quick);
        expect(
          await client.resolveDigest(
            `${open!.host}/example/app@${ociIndex.digest}`,
          ),
        ).toMatchObject({
          status: 'ok',
          digest: ociIndex.digest,
        });
        expect(
          await client.resolveDigest(
            `${open!.host}/example/app@sha256:${'0'.repeat(64)}`,
          ),
        ).toEqual({ status: 'not-found' });
      });

      it('asks the registry once per distinct image:tag', async () => {
        const { events, onRequest } = recorder();
        const client = new RegistryClient({ ...quick, onRequest });
        const ref = `${open!.host}/example/app:1.4.5`;
        const answers = await Promise.all([
          client.resolveDigest(ref),
          client.resolveDigest(ref),
          client.resolveDigest(`docker://${ref}`),
        ]);
        await client.resolveDigest(ref);
        expect(
          new Set(answers.map(a => (a.status === 'ok' ? a.digest : a.status))),
        ).toEqual(new Set([ociIndex.digest]));
        expect(
          events.map(e => `${e.method} ${new URL(e.url).pathname}`),
        ).toEqual(['HEAD /v2/example/app/manifests/1.4.5']);
      });

      it('hashes the manifest itself when the registry omits Docker-Content-Digest', async () => {
        const proxy = await startRegistryProxy(open!.baseUrl, {
          dropHeaders: ['docker-content-digest'],
        });
        servers.push(proxy);
        const { events, onRequest } = recorder();
        const client = new RegistryClient({ ...quick, onRequest });
        expect(
          await client.resolveDigest(`${proxy.host}/example/app:1.4.5`),
        ).toEqual({
          status: 'ok',
          digest: ociIndex.digest,
          mediaType: OCI_IMAGE_INDEX,
        });
        expect(events.map(e => e.method)).toEqual(['HEAD', 'GET']);
      });
    });

    describe('tags', () => {
      it('reads every tag from a registry that ignores n and last', async () => {
        // Debian's docker-registry 2.8 answers tag lists whole, unsorted, without a Link header.
        const { events, onRequest } = recorder();
        const client = new RegistryClient({
          ...quick,
          tagPageSize: 3,
          onRequest,
        });
        expect(await client.listTags(`${open!.host}/example/tool`)).toEqual({
          status: 'ok',
          tags: [
            '1.10.0',
            '1.2.0',
            '1.9.3',
            '2.0.0-rc1',
            'latest',
            'main',
            'v3',
          ],
        });
        // A full page without Link makes the client ask what follows; a page with nothing new ends it.
        expect(
          events.map(e => new URL(e.url).searchParams.get('last')),
        ).toEqual([null, expect.any(String)]);
      });

      it('follows the Link header across pages', async () => {
        const proxy = await startPaginatingProxy(open!.baseUrl);
        servers.push(proxy);
        const { events, onRequest } = recorder();
        const client = new RegistryClient({
          ...quick,
          tagPageSize: 3,
          onRequest,
        });
        expect(await client.listTags(`${proxy.host}/example/tool`)).toEqual({
          status: 'ok',
          tags: [
            '1.10.0',
            '1.2.0',
            '1.9.3',
            '2.0.0-rc1',
            'latest',
            'main',
            'v3',
          ],
        });
        expect(events.map(e => new URL(e.url).search)).toEqual([
          '?n=3',
          '?n=3&last=1.9.3',
          '?n=3&last=main',
        ]);
      });

      it('says not-found for a repository the registry does not have', async () => {
        const client = new RegistryClient(quick);
        expect(await client.listTags(`${open!.host}/example/nothing`)).toEqual({
          status: 'not-found',
        });
      });

      it('finds the newest version tag matching a pattern, in version order', async () => {
        const client = new RegistryClient({ ...quick, tagPageSize: 2 });
        const tool = `${open!.host}/example/tool:1.2.0`;
        expect(await client.newestTag(tool, /^\d+\.\d+\.\d+$/)).toEqual({
          status: 'ok',
          tag: '1.10.0',
        });
        expect(await client.newestTag(tool, '^1\\.9')).toEqual({
          status: 'ok',
          tag: '1.9.3',
        });
        expect(await client.newestTag(tool)).toEqual({
          status: 'ok',
          tag: '1.10.0',
        });
        expect(await client.newestTag(tool, '^4\\.')).toEqual({
          status: 'not-found',
          reason: `no version tag of ${
            open!.host
          }/example/tool matches /^4\\./`,
        });
      });
    });

    describe('Bearer token flow (docker-registry with auth: token)', () => {
      it('gets an anonymous token for a public repository and reuses it per scope', async () => {
        const before = tokens!.requests.length;
        const client = new RegistryClient(quick);
        const result = await client.resolveDigest(
          `${tokenAuth!.host}/public/app:1.0.0`,
        );
        expect(result).toMatchObject({
          status: 'ok',
          mediaType: OCI_IMAGE_INDEX,
        });
        expect(await client.listTags(`${tokenAuth!.host}/public/app`)).toEqual({
          status: 'ok',
          tags: ['1.0.0'],
        });
        expect(tokens!.requests.slice(before)).toEqual([
          { scope: ['repository:public/app:pull'], authenticated: false },
        ]);
      });

      it('reports an anonymous token the registry refuses as unknown, never as missing', async () => {
        const client = new RegistryClient(quick);
        expect(
          await client.resolveDigest(`${tokenAuth!.host}/private/app:1.0.0`),
        ).toEqual({
          status: 'unknown',
          reason: `${
            tokenAuth!.host
          } refused access to private/app (401 after authenticating)`,
        });
      });

      it('sends configured credentials to the token realm', async () => {
        const before = tokens!.requests.length;
        const client = new RegistryClient({
          ...quick,
          credentials: [
            {
              registry: tokenAuth!.host,
              username: tokens!.username,
              password: tokens!.password,
            },
          ],
        });
        expect(
          await client.resolveDigest(`${tokenAuth!.host}/private/app:1.0.0`),
        ).toMatchObject({
          status: 'ok',
        });
        expect(tokens!.requests.slice(before)).toEqual([
          {
            scope: ['repository:private/app:pull'],
            account: tokens!.username,
            authenticated: true,
          },
        ]);
      });

      it('reports refused credentials as unknown, without the password', async () => {
        const client = new RegistryClient({
          ...quick,
          credentials: [
            {
              registry: tokenAuth!.host,
              username: tokens!.username,
              password: 'wrong-password-123',
            },
          ],
        });
        const result = await client.resolveDigest(
          `${tokenAuth!.host}/private/app:1.0.0`,
        );
        expect(result).toEqual({
          status: 'unknown',
          reason: `the token service ${
            new URL(tokens!.realm).host
          } refused the configured credentials for ${
            tokenAuth!.host
          } (HTTP 401)`,
        });
        expect(JSON.stringify(result)).not.toContain('wrong-password-123');
      });
    });

    describe('Basic auth (docker-registry with htpasswd)', () => {
      it('needs credentials, and uses them once configured', async () => {
        const ref = `${basicAuth!.host}/team/app:5.1`;
        expect(await new RegistryClient(quick).resolveDigest(ref)).toEqual({
          status: 'unknown',
          reason: `${
            basicAuth!.host
          } asks for credentials (Basic) and none are configured`,
        });
        const { events, onRequest } = recorder();
        const client = new RegistryClient({
          ...quick,
          onRequest,
          credentials: [
            {
              registry: basicAuth!.host,
              username: 'basic-user',
              password: 's3cret-pass',
            },
          ],
        });
        expect(await client.resolveDigest(ref)).toMatchObject({
          status: 'ok',
          mediaType: OCI_IMAGE_INDEX,
        });
        expect(await client.listTags(ref)).toEqual({
          status: 'ok',
          tags: ['5.1'],
        });
        // One 401 teaches the client the scheme; the tag list then authenticates up front.
        expect(events.map(e => `${e.method} ${e.status}`)).toEqual([
          'HEAD 401',
          'HEAD 200',
          'GET 200',
        ]);
      });
    });

    describe('timeouts and retries', () => {
      it('gives up on a registry that never answers, as unknown', async () => {
        const silent = await startSilentServer();
        servers.push(silent);
        const { slept, sleep } = instantSleep();
        const client = new RegistryClient({
          requestTimeoutMs: 200,
          maxAttempts: 2,
          sleep,
          random: () => 0.5,
        });
        expect(
          await client.resolveDigest(`${silent.host}/example/app:1`),
        ).toEqual({
          status: 'unknown',
          reason: `${silent.host}: no answer within 200 ms after 2 tries`,
        });
        expect(slept).toEqual([250]);
      });

      it('stops at the overall deadline', async () => {
        const silent = await startSilentServer();
        servers.push(silent);
        const client = new RegistryClient({
          requestTimeoutMs: 10_000,
          deadlineMs: 300,
        });
        expect(
          await client.resolveDigest(`${silent.host}/example/app:1`),
        ).toEqual({
          status: 'unknown',
          reason: `${silent.host}: the overall deadline of 300 ms ran out`,
        });
      });

      it('retries 429 and 503, honouring Retry-After', async () => {
        let refused = 0;
        const proxy = await startRegistryProxy(open!.baseUrl, {
          intercept: (req, respond) => {
            if (!req.url?.includes('/manifests/') || refused >= 2) return false;
            refused++;
            if (refused === 1) respond(429, { 'Retry-After': '3' });
            else respond(503, {});
            return true;
          },
        });
        servers.push(proxy);
        const { slept, sleep } = instantSleep();
        const client = new RegistryClient({
          ...quick,
          sleep,
          random: () => 0.5,
          backoffBaseMs: 400,
        });
        expect(
          await client.resolveDigest(`${proxy.host}/example/app:1.4.5`),
        ).toMatchObject({
          status: 'ok',
          digest: ociIndex.digest,
        });
        // 3 s from Retry-After, then full jitter over 400·2¹ ms for the 503.
        expect(slept).toEqual([3000, 400]);
      });

      it('does not wait past the deadline for a long Retry-After', async () => {
        const proxy = await startRegistryProxy(open!.baseUrl, {
          intercept: (_req, respond) => {
            respond(429, { 'Retry-After': '120' });
            return true;
          },
        });
        servers.push(proxy);
        const client = new RegistryClient({ deadlineMs: 5000 });
        expect(
          await client.resolveDigest(`${proxy.host}/example/app:1.4.5`),
        ).toEqual({
          status: 'unknown',
          reason: `${proxy.host}: HTTP 429; the registry asked to retry after 120 s, past the overall deadline of 5000 ms`,
        });
      });

      it('reports a refused connection as unknown after retrying', async () => {
        const port = await freePort();
        const { slept, sleep } = instantSleep();
        const client = new RegistryClient({
          maxAttempts: 3,
          sleep,
          random: () => 1,
          backoffBaseMs: 100,
        });
        expect(
          await client.resolveDigest(`127.0.0.1:${port}/example/app:1`),
        ).toEqual({
          status: 'unknown',
          reason: `127.0.0.1:${port}: connection refused after 3 tries`,
        });
        expect(slept).toEqual([100, 200]);
      });
    });
  },
);
