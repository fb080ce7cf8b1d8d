import { diagnostic, type Diagnostic } from '../diagnostic';
import type { EffectiveEntry } from '../unit/effectiveUnit';
import {
  lookup,
  lookupAll,
  lookupAllArgs,
  lookupAllStrv,
  lookupBoolean,
  lookupNonEmpty,
} from '../unit/lookup';
import type { QuadletUnit } from './loadQuadlets';
import { mountSource, parseMountSpec } from './mountSpec';
import { parseUnitName } from '../unit/unitName';
import { quadletTypeOf } from './unitTypes';

/** How a dependency arose. */
export type ReferenceVia =
  | 'Network'
  | 'Volume'
  | 'Mount'
  | 'Pod'
  | 'Image'
  | 'Unit'
  | 'StartWithPod';

/** One edge of the dependency graph podman writes into the generated service. */
export interface QuadletDependency {
  /** File name of the unit that has the dependency. */
  from: string;
  /** The target as written: `db.network`, `basic.image`, `network-online.target`… */
  to: string;
  /** Set when `to` names a quadlet unit (a file name with a quadlet extension). */
  toUnit?: string;
  /** The systemd unit the generated service depends on, e.g. `db-network.service`. */
  toService: string;
  /** systemd dependency kinds it adds: `Requires`, `After`, `BindsTo`, `Wants`, `Before`… */
  kinds: string[];
  via: ReferenceVia;
  /** Key it comes from, e.g. `Network` or `After`. */
  key: string;
  file: string;
  line: number;
  /** For quadlet targets: whether the unit exists. `undefined` for plain systemd units. */
  exists?: boolean;
}

/** `[Unit]` keys whose unit lists podman translates (`foo.container` → `foo.service`). */
export const UNIT_DEPENDENCY_KEYS = [
  'After',
  'Before',
  'BindsTo',
  'Conflicts',
  'OnFailure',
  'OnSuccess',
  'PartOf',
  'PropagatesReloadTo',
  'PropagatesStopTo',
  'ReloadPropagatedFrom',
  'Requires',
  'Requisite',
  'StopPropagatedFrom',
  'Upholds',
  'Wants',
] as const;

export interface ReferenceResult {
  dependencies: QuadletDependency[];
  diagnostics: Diagnostic[];
}

type Lookup = (name: string) => QuadletUnit | undefined;

class Collector {
  readonly dependencies: QuadletDependency[] = [];
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    private readonly unit: QuadletUnit,
    private readonly find: Lookup,
  ) {}

  error(entry: EffectiveEntry, code: string, message: string) {
    this.diagnostics.push(
      diagnostic(entry.file, entry.line, 'error', code, message),
    );
  }

  /** Adds an edge to a quadlet unit; returns the target when it exists. */
  quadlet(
    target: string,
    kinds: string[],
    via: ReferenceVia,
    entry: EffectiveEntry,
  ): QuadletUnit | undefined {
    const found = this.find(target);
    this.dependencies.push({
      from: this.unit.fileName,
      to: target,
      toUnit: target,
      toService: found?.serviceFileName ?? guessServiceName(target),
      kinds,
      via,
      key: entry.key,
      file: entry.file,
      line: entry.line,
      exists: found !== undefined,
    });
    return found;
  }

  systemd(target: string, kinds: string[], entry: EffectiveEntry) {
    this.dependencies.push({
      from: this.unit.fileName,
      to: target,
      toService: target,
      kinds,
      via: 'Unit',
      key: entry.key,
      file: entry.file,
      line: entry.line,
    });
  }
}

/** The service name a missing quadlet would get, so edges stay readable. */
function guessServiceName(target: string): string {
  const info = quadletTypeOf(target);
  const base = target.slice(0, target.lastIndexOf('.'));
  const suffix = info?.serviceSuffix ?? '';
  const at = base.indexOf('@');
  return at >= 0 && suffix
    ? `${base.slice(0, at)}${suffix}${base.slice(at)}.service`
    : `${base}${suffix}.service`;
}

const REQUIRES_AFTER = ['Requires', 'After'];

/** `Network=` (containers, kubes, builds, pods): `x.network[:opts]` or `x.container`. */
function networks(c: Collector, unit: QuadletUnit) {
  for (const { value, entry } of lookupAll(
    unit.effective,
    unit.info.section,
    'Network',
  )) {
    const colon = value.indexOf(':');
    const name = colon >= 0 ? value.slice(0, colon) : value;
    const isNetwork = name.endsWith('.network');
    const isContainer = name.endsWith('.container');
    if (!isNetwork && !isContainer) continue;
    const target = c.quadlet(name, REQUIRES_AFTER, 'Network', entry);
    if (!target) {
      c.error(
        entry,
        'quadlet/unit-not-found',
        `requested Quadlet unit ${name} was not found`,
      );
      continue;
    }
    if (!target.resource?.name) {
      c.error(
        entry,
        'quadlet/no-resource-name',
        `cannot get the resource name of ${name}`,
      );
    } else if (colon >= 0 && isContainer) {
      c.error(
        entry,
        'quadlet/network-options',
        "extra options are not supported when joining another container's network",
      );
    }
  }
}

/** A storage source: relative and absolute paths pass, `x.volume` (and for mounts `x.image`, `x.artifact`) refer to units. */
function storageSource(
  c: Collector,
  source: string,
  suffixes: string[],
  via: ReferenceVia,
  entry: EffectiveEntry,
) {
  if (source.startsWith('.') || source.startsWith('/')) return;
  if (!suffixes.some(s => source.endsWith(s))) return;
  if (!c.quadlet(source, REQUIRES_AFTER, via, entry)) {
    c.error(
      entry,
      'quadlet/source-not-found',
      `requested Quadlet source ${source} was not found`,
    );
  }
}

/** `Volume=SOURCE:DEST[:OPTIONS]`. */
function volumes(c: Collector, unit: QuadletUnit) {
  for (const { value, entry } of lookupAll(
    unit.effective,
    unit.info.section,
    'Volume',
  )) {
    const parts = value.split(':');
    if (parts.length >= 2 && parts[0] !== '') {
      storageSource(c, parts[0], ['.volume'], 'Volume', entry);
    }
  }
}

const MOUNT_TYPES_WITH_SOURCE = new Set([
  'volume',
  'bind',
  'glob',
  'image',
  'artifact',
]);

/** `Mount=type=…,source=…` (containers only). */
function mounts(c: Collector, unit: QuadletUnit) {
  for (const { args, entry } of lookupAllArgs(
    unit.effective,
    'Container',
    'Mount',
  )) {
    for (const arg of args) {
      const spec = parseMountSpec(arg);
      if ('error' in spec) {
        c.error(entry, 'quadlet/invalid-mount', spec.error);
        continue;
      }
      if (!MOUNT_TYPES_WITH_SOURCE.has(spec.type)) continue;
      const source = mountSource(spec.tokens);
      if (!source) {
        if (spec.type !== 'volume') {
          c.error(
            entry,
            'quadlet/mount-source-missing',
            `source parameter is required for mount type ${spec.type}`,
          );
        }
        continue;
      }
      if (!source.hasValue) {
        c.error(
          entry,
          'quadlet/mount-source-missing',
          'source parameter does not include a value',
        );
        continue;
      }
      storageSource(
        c,
        source.value,
        ['.volume', '.image', '.artifact'],
        'Mount',
        entry,
      );
    }
  }
}

/** `Image=x.image` / `Image=x.build` (containers, and volumes with `Driver=image`). */
function image(c: Collector, unit: QuadletUnit) {
  const section = unit.info.section;
  if (section === 'Volume') {
    const driver = lookup(unit.effective, 'Volume', 'Driver');
    if (driver?.value !== 'image') return;
  } else if (section !== 'Container') {
    return;
  }
  const found = lookup(unit.effective, section, 'Image');
  if (!found) return;
  for (const suffix of ['.build', '.image']) {
    if (found.value.endsWith(suffix)) {
      if (!c.quadlet(found.value, REQUIRES_AFTER, 'Image', found.entry)) {
        c.error(
          found.entry,
          'quadlet/image-not-found',
          `requested Quadlet image ${found.value} was not found`,
        );
      }
    }
  }
}

/** `Pod=x.pod`: the container is bound to the pod's service. */
function pod(c: Collector, unit: QuadletUnit) {
  if (unit.info.type !== 'container') return;
  const found = lookupNonEmpty(unit.effective, 'Container', 'Pod');
  if (!found) return;
  if (!found.value.endsWith('.pod')) {
    c.error(
      found.entry,
      'quadlet/pod-not-quadlet',
      `pod ${found.value} is not Quadlet based`,
    );
    return;
  }
  if (!c.quadlet(found.value, ['BindsTo', 'After'], 'Pod', found.entry)) {
    c.error(
      found.entry,
      'quadlet/pod-not-found',
      `quadlet pod unit ${found.value} does not exist`,
    );
  }
}

/** `[Unit]` dependency lists: quadlet file names are translated to their services. */
function unitSection(c: Collector, unit: QuadletUnit) {
  const entries = unit.effective.sections.get('Unit');
  if (!entries) return;
  for (const key of UNIT_DEPENDENCY_KEYS) {
    // Most units use one or two of these keys: the others are not looked up at all.
    if (!entries.some(e => e.key === key)) continue;
    for (const { value, entry } of lookupAllStrv(unit.effective, 'Unit', key)) {
      if (quadletTypeOf(value)) {
        if (!c.quadlet(value, [key], 'Unit', entry)) {
          c.error(
            entry,
            'quadlet/dependency-not-found',
            `unable to translate dependency for ${value}`,
          );
        }
      } else {
        c.systemd(value, [key], entry);
      }
    }
  }
}

const WITH_NETWORKS: ReadonlySet<string> = new Set([
  'container',
  'kube',
  'build',
  'pod',
]);
const WITH_VOLUMES: ReadonlySet<string> = new Set([
  'container',
  'build',
  'pod',
]);

/**
 * Every dependency a quadlet's generated service gets from its references, and an error
 * for each reference to a quadlet unit that does not exist (podman refuses the unit).
 */
export function resolveReferences(
  unit: QuadletUnit,
  find: Lookup,
): ReferenceResult {
  const c = new Collector(unit, find);
  unitSection(c, unit);
  image(c, unit);
  pod(c, unit);
  if (WITH_NETWORKS.has(unit.info.type)) {
    networks(c, unit);
  }
  if (WITH_VOLUMES.has(unit.info.type)) {
    volumes(c, unit);
  }
  if (unit.info.type === 'container') {
    mounts(c, unit);
  }
  return { dependencies: c.dependencies, diagnostics: c.diagnostics };
}

/**
 * The pod side of `Pod=`: a pod's service wants (and starts before) each container that
 * joins it, unless the container says `StartWithPod=no`.
 */
export function podMemberDependencies(
  units: readonly QuadletUnit[],
  find: Lookup,
): QuadletDependency[] {
  const out: QuadletDependency[] = [];
  for (const unit of units) {
    // A template has no service of its own to start; its instances do.
    if (
      unit.info.type !== 'container' ||
      parseUnitName(unit.fileName).isTemplate
    )
      continue;
    const found = lookupNonEmpty(unit.effective, 'Container', 'Pod');
    if (!found || !found.value.endsWith('.pod')) continue;
    const podUnit = find(found.value);
    if (!podUnit) continue;
    const start = lookupBoolean(unit.effective, 'Container', 'StartWithPod');
    if (start && !start.value) continue;
    out.push({
      from: podUnit.fileName,
      to: unit.fileName,
      toUnit: unit.fileName,
      toService: unit.serviceFileName,
      kinds: ['Wants', 'Before'],
      via: 'StartWithPod',
      key: 'Pod',
      file: found.entry.file,
      line: found.entry.line,
      exists: true,
    });
  }
  return out;
}
