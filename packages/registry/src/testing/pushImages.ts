import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import {
  DOCKER_MANIFEST_LIST,
  DOCKER_MANIFEST_V2,
  OCI_IMAGE_INDEX,
  OCI_IMAGE_MANIFEST,
} from '../mediaTypes';

/**
 * Pushes images through the distribution API itself (blob upload POST + PUT, manifest PUT),
 * the way `podman push` does, so the tests need no container tooling.
 */
export interface PushTarget {
  baseUrl: string;
  /** `Authorization` header value, when the registry wants one. */
  authorization?: string;
}

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
}

export interface PushedManifest extends Descriptor {
  bytes: Buffer;
  /** `Docker-Content-Digest` the registry answered the PUT with. */
  registryDigest: string | null;
}

const sha256 = (bytes: Buffer) =>
  `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

function headers(target: PushTarget, extra: Record<string, string> = {}) {
  return target.authorization
    ? { ...extra, Authorization: target.authorization }
    : extra;
}

async function expectStatus(response: Response, status: number, what: string) {
  if (response.status !== status) {
    throw new Error(
      `${what}: HTTP ${response.status} ${await response.text()}`,
    );
  }
}

export async function pushBlob(
  target: PushTarget,
  repository: string,
  bytes: Buffer,
): Promise<string> {
  const digest = sha256(bytes);
  const start = await fetch(
    `${target.baseUrl}/v2/${repository}/blobs/uploads/`,
    {
      method: 'POST',
      headers: headers(target),
    },
  );
  await expectStatus(start, 202, `starting an upload to ${repository}`);
  await start.body?.cancel();
  const location = new URL(start.headers.get('location') ?? '', target.baseUrl);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: headers(target, {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(bytes.length),
    }),
    body: bytes,
  });
  await expectStatus(put, 201, `uploading ${digest} to ${repository}`);
  await put.body?.cancel();
  return digest;
}

/** PUTs a manifest under `reference` (a tag), or under its own digest when none is given. */
export async function pushManifest(
  target: PushTarget,
  repository: string,
  reference: string | undefined,
  mediaType: string,
  document: object,
): Promise<PushedManifest> {
  // Indented JSON on purpose: the digest is of these exact bytes, not of a canonical form.
  const bytes = Buffer.from(JSON.stringify(document, null, 3));
  const ref = reference ?? sha256(bytes);
  const put = await fetch(
    `${target.baseUrl}/v2/${repository}/manifests/${ref}`,
    {
      method: 'PUT',
      headers: headers(target, { 'Content-Type': mediaType }),
      body: bytes,
    },
  );
  await expectStatus(put, 201, `putting ${repository}:${ref}`);
  await put.body?.cancel();
  return {
    mediaType,
    digest: sha256(bytes),
    size: bytes.length,
    bytes,
    registryDigest: put.headers.get('docker-content-digest'),
  };
}

/**
 * A one-layer image for one platform, in OCI or Docker v2 media types. The same platform gives
 * the same bytes (and digest) unless `variant` tells two images apart (`wiki:2.5.1`, `wiki:2.6.0`).
 */
export async function pushPlatformImage(
  target: PushTarget,
  repository: string,
  platform: { os: string; architecture: string },
  flavour: 'oci' | 'docker' = 'oci',
  variant?: string,
): Promise<PushedManifest> {
  const layer = gzipSync(
    Buffer.from(
      `layer for ${platform.architecture}${variant ? ` of ${variant}` : ''}\n`,
    ),
  );
  const config = Buffer.from(
    JSON.stringify({
      ...platform,
      rootfs: { type: 'layers', diff_ids: [] },
      config: {},
    }),
  );
  const layerDigest = await pushBlob(target, repository, layer);
  const configDigest = await pushBlob(target, repository, config);
  const oci = flavour === 'oci';
  return pushManifest(
    target,
    repository,
    // Platform manifests go in by digest, as `podman manifest push` does.
    undefined,
    oci ? OCI_IMAGE_MANIFEST : DOCKER_MANIFEST_V2,
    {
      schemaVersion: 2,
      mediaType: oci ? OCI_IMAGE_MANIFEST : DOCKER_MANIFEST_V2,
      config: {
        mediaType: oci
          ? 'application/vnd.oci.image.config.v1+json'
          : 'application/vnd.docker.container.image.v1+json',
        digest: configDigest,
        size: config.length,
      },
      layers: [
        {
          mediaType: oci
            ? 'application/vnd.oci.image.layer.v1.tar+gzip'
            : 'application/vnd.docker.image.rootfs.diff.tar.gzip',
          digest: layerDigest,
          size: layer.length,
        },
      ],
    },
  );
}

/**
 * A multi-arch image: one manifest per platform, then the index (OCI) or manifest list
 * (Docker) naming them, under `tag`. Give `variant` to push different images (digests)
 * under two tags of one repository.
 */
export async function pushMultiArchImage(
  target: PushTarget,
  repository: string,
  tag: string,
  flavour: 'oci' | 'docker' = 'oci',
  variant?: string,
): Promise<{ index: PushedManifest; platforms: PushedManifest[] }> {
  const platforms = [
    { os: 'linux', architecture: 'amd64' },
    { os: 'linux', architecture: 'arm64' },
  ];
  const pushed: PushedManifest[] = [];
  for (const platform of platforms) {
    pushed.push(
      await pushPlatformImage(target, repository, platform, flavour, variant),
    );
  }
  const indexType = flavour === 'oci' ? OCI_IMAGE_INDEX : DOCKER_MANIFEST_LIST;
  const index = await pushManifest(target, repository, tag, indexType, {
    schemaVersion: 2,
    mediaType: indexType,
    manifests: pushed.map((manifest, i) => ({
      mediaType: manifest.mediaType,
      digest: manifest.digest,
      size: manifest.size,
      platform: platforms[i],
    })),
  });
  return { index, platforms: pushed };
}
