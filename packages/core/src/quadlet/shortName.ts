/**
 * Podman's check for ambiguous image names (`cmd/quadlet`): a name is fully qualified when
 * what comes before the first `/` looks like a registry (has `.` or `:`, or is `localhost`),
 * or when it is an image ID (`sha256:…` or 64 hex digits).
 */
export function isImageId(name: string): boolean {
  return name.startsWith('sha256:') || /^[0-9a-fA-F]{64}$/.test(name);
}

export function isFullyQualifiedImageName(name: string): boolean {
  if (isImageId(name)) {
    return true;
  }
  const slash = name.indexOf('/');
  if (slash < 0) {
    return false;
  }
  const domain = name.slice(0, slash);
  return domain.includes('.') || domain.includes(':') || domain === 'localhost';
}

/** Podman's warning text, kept verbatim (grammar included) so it can be searched for. */
export function shortNameWarning(fileName: string, image: string): string {
  return `${fileName} specifies the image "${image}" which not a fully qualified image name. This is not ideal for performance and security reasons. See the podman-pull manpage discussion of short-name-aliases.conf for details.`;
}
