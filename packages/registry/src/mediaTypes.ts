/** Manifest media types a digest lookup accepts, most specific first. */
export const OCI_IMAGE_INDEX = 'application/vnd.oci.image.index.v1+json';
export const DOCKER_MANIFEST_LIST =
  'application/vnd.docker.distribution.manifest.list.v2+json';
export const OCI_IMAGE_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const DOCKER_MANIFEST_V2 =
  'application/vnd.docker.distribution.manifest.v2+json';

/**
 * Without the index types in `Accept`, a registry answers for a multi-arch image with one
 * platform's manifest (or a converted schema 1), whose digest is not what podman pins.
 */
export const MANIFEST_ACCEPT = [
  OCI_IMAGE_INDEX,
  DOCKER_MANIFEST_LIST,
  OCI_IMAGE_MANIFEST,
  DOCKER_MANIFEST_V2,
].join(', ');
