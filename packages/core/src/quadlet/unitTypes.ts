import type { PodmanVersion, QuadletSection } from './supportedKeys';

export type QuadletType =
  | 'container'
  | 'volume'
  | 'network'
  | 'pod'
  | 'kube'
  | 'build'
  | 'image'
  | 'artifact';

export interface QuadletTypeInfo {
  type: QuadletType;
  /** File extension, e.g. `.network`. */
  extension: string;
  /** The section podman reads, e.g. `Network`. */
  section: Exclude<QuadletSection, 'Quadlet'>;
  /** Added to the base name for the service: `db.network` → `db-network.service`. */
  serviceSuffix: string;
  /** Key that names the podman resource (`NetworkName=`…), when the type has one. */
  nameKey?: string;
  /** First podman release that generates services for this type. */
  since: PodmanVersion;
}

const TYPES: readonly QuadletTypeInfo[] = [
  {
    type: 'container',
    extension: '.container',
    section: 'Container',
    serviceSuffix: '',
    nameKey: 'ContainerName',
    since: '4.4',
  },
  {
    type: 'volume',
    extension: '.volume',
    section: 'Volume',
    serviceSuffix: '-volume',
    nameKey: 'VolumeName',
    since: '4.4',
  },
  {
    type: 'network',
    extension: '.network',
    section: 'Network',
    serviceSuffix: '-network',
    nameKey: 'NetworkName',
    since: '4.4',
  },
  {
    type: 'kube',
    extension: '.kube',
    section: 'Kube',
    serviceSuffix: '',
    since: '4.4',
  },
  {
    type: 'image',
    extension: '.image',
    section: 'Image',
    serviceSuffix: '-image',
    since: '4.8',
  },
  {
    type: 'pod',
    extension: '.pod',
    section: 'Pod',
    serviceSuffix: '-pod',
    nameKey: 'PodName',
    since: '5.0',
  },
  {
    type: 'build',
    extension: '.build',
    section: 'Build',
    serviceSuffix: '-build',
    since: '5.2',
  },
  {
    type: 'artifact',
    extension: '.artifact',
    section: 'Artifact',
    serviceSuffix: '-artifact',
    since: '5.7',
  },
];

const BY_EXTENSION = new Map(TYPES.map(t => [t.extension, t]));
const BY_TYPE = new Map(TYPES.map(t => [t.type, t]));

export const QUADLET_TYPES: readonly QuadletTypeInfo[] = TYPES;

/** The quadlet type of a file name or path, from its extension (`undefined` when not a quadlet). */
export function quadletTypeOf(name: string): QuadletTypeInfo | undefined {
  // `parseUnitName(name).extension`, without building the other parts: this runs for every
  // file of a tree and every name a unit refers to.
  const dot = name.lastIndexOf('.');
  if (dot < 0 || dot < name.lastIndexOf('/')) return undefined;
  return BY_EXTENSION.get(name.slice(dot));
}

export function quadletTypeInfo(type: QuadletType): QuadletTypeInfo {
  return BY_TYPE.get(type)!;
}

/** True for names like `db.network` that refer to a quadlet unit rather than a systemd unit. */
export function isQuadletFileName(name: string): boolean {
  return quadletTypeOf(name) !== undefined;
}
