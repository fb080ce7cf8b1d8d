import type { Entity } from '@backstage/catalog-model';
import { ANNOTATION_BOX, ANNOTATION_SOURCE } from './annotations';

/**
 * Which card shows on which entity page (kinds and `spec.type`s of docs/entity-model.md). Plain
 * functions, so the new frontend system's `filter` and a legacy app's `EntitySwitch.Case if={…}`
 * apply the very same rule.
 */

function kindIs(entity: Entity, kind: string): boolean {
  return entity.kind.toLocaleLowerCase('en-US') === kind;
}

function specType(entity: Entity): string {
  const type = entity.spec?.type;
  return typeof type === 'string' ? type : '';
}

/** Components for `.container`, `.pod` and `.kube` units. */
export const QUADLET_WORKLOAD_TYPES = [
  'quadlet-container',
  'quadlet-pod',
  'quadlet-kube',
];
/** Components for plain systemd units with a role in the box. */
export const SYSTEMD_UNIT_TYPES = ['systemd-service', 'systemd-timer'];
/** Resources for `.volume`, `.network`, `.image`, `.build`, `.artifact` units. */
export const QUADLET_RESOURCE_TYPES = [
  'quadlet-volume',
  'quadlet-network',
  'quadlet-image',
  'quadlet-build',
  'quadlet-artifact',
];

export function isQuadletWorkload(entity: Entity): boolean {
  return (
    kindIs(entity, 'component') &&
    QUADLET_WORKLOAD_TYPES.includes(specType(entity))
  );
}

export function isSystemdUnit(entity: Entity): boolean {
  return (
    kindIs(entity, 'component') && SYSTEMD_UNIT_TYPES.includes(specType(entity))
  );
}

export function isQuadletResource(entity: Entity): boolean {
  return (
    kindIs(entity, 'resource') &&
    QUADLET_RESOURCE_TYPES.includes(specType(entity))
  );
}

/** Components that are units of the box (quadlet workloads, systemd services and timers): they have unit dependencies. */
export function isQuadletUnitComponent(entity: Entity): boolean {
  return isQuadletWorkload(entity) || isSystemdUnit(entity);
}

/** Units that read env files and variables: containers and systemd services (pods, kube units and timers cannot). */
export function hasUnitEnvironment(entity: Entity): boolean {
  const type = specType(entity);
  return (
    kindIs(entity, 'component') &&
    (type === 'quadlet-container' || type === 'systemd-service')
  );
}

export function isDistrobox(entity: Entity): boolean {
  return kindIs(entity, 'component') && specType(entity) === 'distrobox';
}

export function isLlmModel(entity: Entity): boolean {
  return kindIs(entity, 'resource') && specType(entity) === 'llm-model';
}

export function isLlmAlias(entity: Entity): boolean {
  return kindIs(entity, 'resource') && specType(entity) === 'llm-alias';
}

export function isHostname(entity: Entity): boolean {
  return kindIs(entity, 'resource') && specType(entity) === 'hostname';
}

export function isKernelArgs(entity: Entity): boolean {
  return kindIs(entity, 'resource') && specType(entity) === 'kernel-args';
}

export function isOsImage(entity: Entity): boolean {
  return kindIs(entity, 'resource') && specType(entity) === 'os-image';
}

export function isDecision(entity: Entity): boolean {
  return kindIs(entity, 'decision');
}

/** The System of a box: it carries the box's diagnostics and trees. */
export function isQuadletBox(entity: Entity): boolean {
  return (
    kindIs(entity, 'system') &&
    (specType(entity) === 'quadlet-box' ||
      Boolean(entity.metadata.annotations?.[ANNOTATION_BOX]))
  );
}

/** Any entity read from a file of a box, so its page can link to that file. */
export function hasQuadletSource(entity: Entity): boolean {
  return Boolean(entity.metadata.annotations?.[ANNOTATION_SOURCE]);
}

/** A box's System the backend can generate the handoff guide of: the Handoff tab. */
export function hasHandoffGuide(entity: Entity): boolean {
  return (
    kindIs(entity, 'system') &&
    Boolean(entity.metadata.annotations?.[ANNOTATION_BOX])
  );
}

/** Components with an entry of their own in the box's handoff guide: the Reference tab. */
export function hasHandoffReference(entity: Entity): boolean {
  return (
    Boolean(entity.metadata.annotations?.[ANNOTATION_BOX]) &&
    (isQuadletWorkload(entity) || isSystemdUnit(entity) || isDistrobox(entity))
  );
}
