import type { EffectiveEntry, EffectiveUnit } from '../unit/effectiveUnit';
import { lookup, lookupAllEntries, lookupNonEmpty } from '../unit/lookup';
import { parseUnitName } from '../unit/unitName';
import type { QuadletTypeInfo } from './unitTypes';

/**
 * Every key `serviceNameOf` and `resourceNameOf` read (in the unit's own section). A unit's
 * names can be learnt from these entries alone, e.g. with `parseUnitKeys`.
 */
export const NAME_KEYS: ReadonlySet<string> = new Set([
  'ServiceName',
  'ContainerName',
  'VolumeName',
  'NetworkName',
  'PodName',
  'Image',
  'ImageTag',
  'Artifact',
]);

/**
 * Base name without the last extension, as podman's `removeExtension` does it
 * (a leading dot is not an extension).
 */
function withoutExtension(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

export interface ServiceName {
  /** Without `.service`, e.g. `db-network`. */
  name: string;
  /** The `ServiceName=` entry when it overrides the default. */
  entry?: EffectiveEntry;
}

/**
 * The systemd service a quadlet generates: `ServiceName=` when set, else the base name plus
 * the type suffix, inserted before the `@` of templates (`web@.network` → `web-network@`).
 */
export function serviceNameOf(
  unit: EffectiveUnit,
  info: QuadletTypeInfo,
): ServiceName {
  const override = lookup(unit, info.section, 'ServiceName');
  if (override && override.value.length > 0) {
    return { name: override.value, entry: override.entry };
  }
  const base = withoutExtension(unit.fileName);
  const at = base.indexOf('@');
  if (at >= 0 && info.serviceSuffix) {
    return {
      name: `${base.slice(0, at)}${info.serviceSuffix}${base.slice(at)}`,
    };
  }
  return { name: base + info.serviceSuffix };
}

export interface ResourceName {
  /** The resolved podman name (container, network, volume, pod, image or artifact reference). */
  name?: string;
  /** The name as podman passes it, possibly with specifiers (`systemd-%p_%i`). */
  pattern: string;
  /** The entry that sets it (`ContainerName=`, `NetworkName=`, `ImageTag=`…), if any. */
  entry?: EffectiveEntry;
}

/**
 * The podman object a quadlet creates, named as podman names it: `systemd-<base>` unless the
 * type's name key is set; containers use `systemd-%N` (`systemd-%p_%i` for templates), which
 * resolves only when nothing but `%N` is left. `.kube` units create nothing named here.
 */
export function resourceNameOf(
  unit: EffectiveUnit,
  info: QuadletTypeInfo,
  serviceName: string,
): ResourceName | undefined {
  const base = withoutExtension(unit.fileName);
  switch (info.type) {
    case 'container': {
      const set = lookupNonEmpty(unit, info.section, 'ContainerName');
      const pattern =
        set?.value ??
        (parseUnitName(unit.fileName).instance !== undefined
          ? 'systemd-%p_%i'
          : 'systemd-%N');
      const resolved = pattern.split('%N').join(serviceName);
      return {
        name: resolved.includes('%') ? undefined : resolved,
        pattern,
        entry: set?.entry,
      };
    }
    case 'volume':
    case 'network':
    case 'pod': {
      const set = lookupNonEmpty(unit, info.section, info.nameKey!);
      const name = set?.value ?? `systemd-${base}`;
      return { name, pattern: name, entry: set?.entry };
    }
    case 'image': {
      const tag = lookupNonEmpty(unit, 'Image', 'ImageTag');
      const image = lookupNonEmpty(unit, 'Image', 'Image');
      const chosen = tag ?? image;
      return chosen
        ? { name: chosen.value, pattern: chosen.value, entry: chosen.entry }
        : undefined;
    }
    case 'build': {
      const first = lookupAllEntries(unit, 'Build', 'ImageTag')[0];
      return first
        ? { name: first.value, pattern: first.value, entry: first }
        : undefined;
    }
    case 'artifact': {
      const artifact = lookupNonEmpty(unit, 'Artifact', 'Artifact');
      return artifact
        ? {
            name: artifact.value,
            pattern: artifact.value,
            entry: artifact.entry,
          }
        : undefined;
    }
    default:
      return undefined;
  }
}
