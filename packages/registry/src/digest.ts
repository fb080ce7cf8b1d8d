import { createHash } from 'node:crypto';

const DIGEST_RE = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/** A `Docker-Content-Digest` value in a form podman can pin, or undefined. */
export function validDigest(
  value: string | null | undefined,
): string | undefined {
  const trimmed = value?.trim();
  return trimmed && DIGEST_RE.test(trimmed) ? trimmed : undefined;
}

/** The content digest of a manifest: sha256 of its exact bytes, as the registry computes it. */
export function sha256Digest(bytes: Uint8Array): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** The digest of `bytes` under the algorithm `expected` names, to check a registry's header. */
export function digestLike(expected: string, bytes: Uint8Array): string {
  const algorithm = expected.startsWith('sha512:') ? 'sha512' : 'sha256';
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}
