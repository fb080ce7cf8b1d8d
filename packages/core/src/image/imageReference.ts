import { classifyPin, Pin } from './pinTier';
import {
  checkDigest,
  checkDomain,
  checkPath,
  checkTag,
  looksLikeDomain,
  MAX_NAME_LENGTH,
} from './referenceGrammar';

/** Docker Hub, where podman and docker send references that name no registry. */
export const DEFAULT_REGISTRY = 'docker.io';
const LEGACY_DEFAULT_REGISTRY = 'index.docker.io';
const OFFICIAL_REPOSITORY_PREFIX = 'library/';
const DOCKER_TRANSPORT_PREFIX = 'docker://';

/**
 * A registry image reference, both as the user wrote it (`domain`, `path`, `tag`, `digest`
 * are substrings of `text`, so writing it back changes nothing) and normalised the way
 * podman resolves it (`registry`, `repository`, `normalized`).
 */
export interface ImageReference {
  /** The reference exactly as written, transport prefix included. */
  text: string;
  /** `docker` when the user wrote the `docker://` transport prefix. */
  transport?: 'docker';
  /** Registry host[:port] as written; absent when the user named none. */
  domain?: string;
  /** Repository path as written: `redis`, `mostlygeek/llama-swap`. */
  path: string;
  tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. */
  digest?: string;
  /** The registry podman contacts: the domain, or docker.io. */
  registry: string;
  /** Repository inside the registry: `library/redis` for Docker Hub official images. */
  repository: string;
  /** `registry/repository`. */
  name: string;
  /** Fully qualified: `docker.io/library/redis:latest`, digest kept, `:latest` only if neither. */
  normalized: string;
  /**
   * No registry was written. Podman's short-name-mode=enforcing asks which registry to use and
   * fails when there is no TTY (systemd units, `podman auto-update`), so this is a finding.
   */
  shortName: boolean;
  pin: Pin;
}

export type ImageReferenceResult =
  | { ok: true; reference: ImageReference }
  | { ok: false; error: string };

function fail(error: string): ImageReferenceResult {
  return { ok: false, error };
}

/** Guards the regular expressions below against pathological input; real references are short. */
const MAX_REFERENCE_LENGTH = 1024;

/**
 * Parses a registry reference (`[docker://]name[:tag][@digest]`). Never throws: malformed
 * input gives `{ ok: false, error }` with a message that names the broken part.
 */
export function parseImageReference(text: string): ImageReferenceResult {
  if (text.length === 0) {
    return fail('the image reference is empty');
  }
  if (text.length > MAX_REFERENCE_LENGTH) {
    return fail(`the image reference is ${text.length} characters long`);
  }
  if (/\s/.test(text)) {
    return fail(`image reference "${text}" contains whitespace`);
  }

  let rest = text;
  let transport: 'docker' | undefined;
  if (rest.startsWith(DOCKER_TRANSPORT_PREFIX)) {
    transport = 'docker';
    rest = rest.slice(DOCKER_TRANSPORT_PREFIX.length);
  }

  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    const digestError = checkDigest(digest);
    if (digestError) {
      return fail(digestError);
    }
  }

  let tag: string | undefined;
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > rest.lastIndexOf('/')) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    const tagError = checkTag(tag);
    if (tagError) {
      return fail(tagError);
    }
  }

  if (rest.length === 0) {
    return fail(`image reference "${text}" has no repository name`);
  }
  if (rest.length > MAX_NAME_LENGTH) {
    return fail(
      `repository name is ${rest.length} characters long; at most ${MAX_NAME_LENGTH} are allowed`,
    );
  }
  if (
    /^[a-f0-9]{64}$/.test(rest) &&
    tag === undefined &&
    digest === undefined
  ) {
    return fail(
      `"${rest}" is a 64-character image ID, not a reference a registry can serve`,
    );
  }

  let domain: string | undefined;
  let path = rest;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0 && looksLikeDomain(rest.slice(0, firstSlash))) {
    domain = rest.slice(0, firstSlash);
    path = rest.slice(firstSlash + 1);
    const domainError = checkDomain(domain);
    if (domainError) {
      return fail(domainError);
    }
  }
  const pathError = checkPath(path);
  if (pathError) {
    return fail(pathError);
  }

  return {
    ok: true,
    reference: buildReference({ text, transport, domain, path, tag, digest }),
  };
}

interface ReferenceParts {
  text: string;
  transport?: 'docker';
  domain?: string;
  path: string;
  tag?: string;
  digest?: string;
}

function buildReference(parts: ReferenceParts): ImageReference {
  const { domain, path, tag, digest } = parts;
  let registry = domain ?? DEFAULT_REGISTRY;
  if (registry === LEGACY_DEFAULT_REGISTRY) {
    registry = DEFAULT_REGISTRY;
  }
  const repository =
    registry === DEFAULT_REGISTRY && !path.includes('/')
      ? `${OFFICIAL_REPOSITORY_PREFIX}${path}`
      : path;
  const name = `${registry}/${repository}`;
  let normalized = name;
  if (tag !== undefined) {
    normalized += `:${tag}`;
  } else if (digest === undefined) {
    normalized += ':latest';
  }
  if (digest !== undefined) {
    normalized += `@${digest}`;
  }

  const reference: ImageReference = {
    text: parts.text,
    path,
    registry,
    repository,
    name,
    normalized,
    shortName: domain === undefined,
    pin: classifyPin(tag, digest),
  };
  // Optional fields are left out rather than set to undefined, so models compare and serialise cleanly.
  if (parts.transport) reference.transport = parts.transport;
  if (domain !== undefined) reference.domain = domain;
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}
