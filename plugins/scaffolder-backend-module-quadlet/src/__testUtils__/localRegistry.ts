import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * A private Debian docker-registry (distribution 2.8) on a free loopback port, and pushes
 * through the distribution API — the same approach as packages/registry's tests, whose
 * helpers that package does not export.
 */
export const DOCKER_REGISTRY_BIN = '/usr/bin/docker-registry';

/** Runs when the binary is there; with QP_REQUIRE_INTEGRATION set, a missing binary fails. */
export function registryTestsEnabled(): boolean {
  return (
    existsSync(DOCKER_REGISTRY_BIN) ||
    Boolean(process.env.QP_REQUIRE_INTEGRATION)
  );
}

export interface LocalRegistry {
  /** `127.0.0.1:PORT`, as image references name it. */
  host: string;
  baseUrl: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export async function startLocalRegistry(): Promise<LocalRegistry> {
  if (!existsSync(DOCKER_REGISTRY_BIN)) {
    throw new Error(
      `${DOCKER_REGISTRY_BIN} is missing: install the Debian package docker-registry`,
    );
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'qp-scaffolder-registry-'));
  const port = await freePort();
  const config = path.join(dir, 'config.yml');
  await writeFile(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      '  accesslog:',
      '    disabled: true',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${JSON.stringify(path.join(dir, 'data'))}`,
      'http:',
      `  addr: 127.0.0.1:${port}`,
      '',
    ].join('\n'),
  );
  const child = spawn(DOCKER_REGISTRY_BIN, ['serve', config], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>(resolve =>
    child.once('exit', () => resolve()),
  );
  const host = `127.0.0.1:${port}`;
  const baseUrl = `http://${host}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${baseUrl}/v2/`, {
        signal: AbortSignal.timeout(1000),
      });
      await response.body?.cancel();
      if (response.ok) return { host, baseUrl, stop };
    } catch {
      // not listening yet
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
  await stop();
  throw new Error('docker-registry did not start');
}

const sha256 = (bytes: Buffer) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function expectStatus(response: Response, status: number, what: string) {
  if (response.status !== status) {
    throw new Error(
      `${what}: HTTP ${response.status} ${await response.text()}`,
    );
  }
  await response.body?.cancel();
}

async function pushBlob(
  baseUrl: string,
  repository: string,
  bytes: Buffer,
): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(`${baseUrl}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
  });
  const location = new URL(start.headers.get('location') ?? '', baseUrl);
  await expectStatus(start, 202, 'starting an upload');
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/octet-stream' },
    body: bytes,
  });
  await expectStatus(put, 201, `uploading ${digest}`);
  return digest;
}

async function pushManifest(
  baseUrl: string,
  repository: string,
  reference: string | undefined,
  document: { mediaType: string; [key: string]: unknown },
): Promise<{ digest: string; size: number; mediaType: string }> {
  const bytes = Buffer.from(JSON.stringify(document));
  const digest = sha256(bytes);
  const put = await fetch(
    `${baseUrl}/v2/${repository}/manifests/${reference ?? digest}`,
    {
      method: 'PUT',
      headers: { 'Content-Type': document.mediaType },
      body: bytes,
    },
  );
  await expectStatus(put, 201, `putting ${repository}:${reference ?? digest}`);
  return { digest, size: bytes.length, mediaType: document.mediaType };
}

/** Pushes a one-platform image and an OCI index naming it under `tag`; resolves to the index digest. */
export async function pushImageIndex(
  baseUrl: string,
  repository: string,
  tag: string,
): Promise<string> {
  const layer = Buffer.from(`layer of ${repository}:${tag}\n`);
  const config = Buffer.from(
    JSON.stringify({
      architecture: 'amd64',
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [] },
      config: {},
    }),
  );
  const manifest = await pushManifest(baseUrl, repository, undefined, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: await pushBlob(baseUrl, repository, config),
      size: config.length,
    },
    layers: [
      {
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        digest: await pushBlob(baseUrl, repository, layer),
        size: layer.length,
      },
    ],
  });
  const index = await pushManifest(baseUrl, repository, tag, {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [
      { ...manifest, platform: { os: 'linux', architecture: 'amd64' } },
    ],
  });
  return index.digest;
}
