import { ImageReference, parseImageReference } from './imageReference';

/**
 * The containers/image transports podman understands in `Image=` and `podman pull`.
 * Only `docker` (written `docker://`) reaches a registry.
 */
export const IMAGE_TRANSPORTS = [
  'docker',
  'docker-archive',
  'docker-daemon',
  'oci',
  'oci-archive',
  'containers-storage',
  'dir',
  'sif',
  'tarball',
  'ostree',
] as const;

export type ImageTransport = (typeof IMAGE_TRANSPORTS)[number];

const TRANSPORT_NAMES: ReadonlySet<string> = new Set(IMAGE_TRANSPORTS);

/**
 * What an image value (quadlet `Image=`, distrobox `image=`, a `podman run` argument)
 * points at:
 * - `registry`: a registry reference, parsed;
 * - `unit`: a quadlet `.image` or `.build` unit, whose own file says what to pull or build;
 * - `transport`: a local source (`oci-archive:/x.tar`, `containers-storage:…`), kept as written;
 * - `templated`: still holds template syntax (`{{ .tag }}`, `${TAG}`, `%i`), so cannot be judged;
 * - `invalid`: none of the above, with the reason.
 */
export type ImageSource =
  | { kind: 'registry'; text: string; reference: ImageReference }
  | { kind: 'unit'; text: string; unit: string; unitType: 'image' | 'build' }
  | {
      kind: 'transport';
      text: string;
      transport: ImageTransport;
      location: string;
    }
  | { kind: 'templated'; text: string }
  | { kind: 'invalid'; text: string; error: string };

const TEMPLATE_RE = /\{\{|\$\{|\$[A-Za-z_]|%[a-zA-Z%]/;
const TRANSPORT_RE = /^([a-z][a-z0-9-]*):/;

/** Classifies and parses an image value. Never throws. */
export function parseImageSource(text: string): ImageSource {
  if (TEMPLATE_RE.test(text)) {
    return { kind: 'templated', text };
  }
  // Quadlet resolves any value ending in .image/.build to the unit of that name.
  if (text.endsWith('.image') || text.endsWith('.build')) {
    return {
      kind: 'unit',
      text,
      unit: text,
      unitType: text.endsWith('.image') ? 'image' : 'build',
    };
  }

  const transport = TRANSPORT_RE.exec(text);
  if (transport && TRANSPORT_NAMES.has(transport[1])) {
    const name = transport[1] as ImageTransport;
    const location = text.slice(transport[0].length);
    if (name === 'docker') {
      if (!location.startsWith('//')) {
        return {
          kind: 'invalid',
          text,
          error:
            'the docker transport is written "docker://" followed by the reference',
        };
      }
    } else {
      if (location.length === 0) {
        return {
          kind: 'invalid',
          text,
          error: `the ${name}: transport needs a location after the colon`,
        };
      }
      return { kind: 'transport', text, transport: name, location };
    }
  }

  const parsed = parseImageReference(text);
  return parsed.ok
    ? { kind: 'registry', text, reference: parsed.reference }
    : { kind: 'invalid', text, error: parsed.error };
}
