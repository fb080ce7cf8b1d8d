/**
 * The pieces of the docker distribution/reference grammar, each as a small check that
 * returns an error message (or undefined when the piece is valid):
 *
 *   reference        := name [ ":" tag ] [ "@" digest ]
 *   name             := [domain "/"] path-component ["/" path-component]*
 *   domain           := host [":" port]        host := domain-name | "[" IPv6 "]"
 *   path-component   := [a-z0-9]+ (separator [a-z0-9]+)*     separator := [_.] | "__" | "-"+
 *   tag              := [\w][\w.-]{0,127}
 *   digest           := algorithm ":" hex
 *
 * The messages say what is wrong in the words a person fixing a unit file needs.
 */

/** distribution/reference refuses names longer than this (domain and path together). */
export const MAX_NAME_LENGTH = 255;
export const MAX_TAG_LENGTH = 128;

const DOMAIN_COMPONENT = '[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
const DOMAIN_RE = new RegExp(
  `^(?:\\[[0-9A-Fa-f:.]+\\]|${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*)(?::[0-9]+)?$`,
);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9_.-]*$/;
const DIGEST_ALGORITHM_RE = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*$/;

/** Hex lengths of the digest algorithms registries accept (OCI image-spec). */
const DIGEST_HEX_LENGTH: Record<string, number> = {
  sha256: 64,
  sha384: 96,
  sha512: 128,
};

/**
 * Whether the first path element names a registry. Podman (containers/image shortnames)
 * and docker agree: it must contain a `.` or a `:`, or be `localhost`.
 */
export function looksLikeDomain(firstComponent: string): boolean {
  return (
    firstComponent.includes('.') ||
    firstComponent.includes(':') ||
    firstComponent === 'localhost'
  );
}

export function checkDomain(domain: string): string | undefined {
  if (!DOMAIN_RE.test(domain)) {
    return `registry "${domain}" is not a valid host name with optional :port`;
  }
  return undefined;
}

export function checkPath(path: string): string | undefined {
  if (path.length === 0) {
    return 'the repository name is missing';
  }
  if (path !== path.toLowerCase()) {
    return `repository name "${path}" must be lowercase`;
  }
  for (const component of path.split('/')) {
    if (component.length === 0) {
      return `repository name "${path}" has an empty path component (double or trailing "/")`;
    }
    if (!PATH_COMPONENT_RE.test(component)) {
      return `path component "${component}" may only contain a-z, 0-9 and single ".", "_", "__" or "-" separators between them`;
    }
  }
  return undefined;
}

export function checkTag(tag: string): string | undefined {
  if (tag.length === 0) {
    return 'the tag after ":" is empty';
  }
  if (tag.length > MAX_TAG_LENGTH) {
    return `tag is ${tag.length} characters long; at most ${MAX_TAG_LENGTH} are allowed`;
  }
  if (!TAG_RE.test(tag)) {
    return `tag "${tag}" may only contain letters, digits, "_", "." and "-", and must not start with "." or "-"`;
  }
  return undefined;
}

export function checkDigest(digest: string): string | undefined {
  const colon = digest.indexOf(':');
  if (colon <= 0) {
    return `digest "${digest}" must look like sha256:<64 hex characters>`;
  }
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  if (!DIGEST_ALGORITHM_RE.test(algorithm)) {
    return `digest algorithm "${algorithm}" is not valid`;
  }
  const expected = DIGEST_HEX_LENGTH[algorithm];
  if (expected === undefined) {
    return `digest algorithm "${algorithm}" is not supported (use sha256, sha384 or sha512)`;
  }
  if (!/^[0-9a-fA-F]*$/.test(hex)) {
    return `digest "${algorithm}:…" contains characters that are not hexadecimal`;
  }
  if (hex !== hex.toLowerCase()) {
    return `digest "${algorithm}:…" must be lowercase hexadecimal`;
  }
  if (hex.length !== expected) {
    return `a ${algorithm} digest has ${expected} hex characters, this one has ${hex.length}`;
  }
  return undefined;
}
