import type { QuadletDependency } from '../quadlet';
import { isQuadletFileName } from '../quadlet';
import type { StringPool } from './stringPool';
import type { UnitDirectory } from './unitDirectory';
import type {
  DependencyEdge,
  DependencyKind,
  SourceRef,
  UnitScope,
} from './types';
import { isWellKnownUnit } from './wellKnownUnits';

const KIND_BY_KEY: Record<string, DependencyKind> = {
  Requires: 'requires',
  Requisite: 'requisite',
  Wants: 'wants',
  BindsTo: 'bindsTo',
  PartOf: 'partOf',
  Upholds: 'upholds',
  After: 'after',
  Before: 'before',
  Conflicts: 'conflicts',
  OnFailure: 'onFailure',
  OnSuccess: 'onSuccess',
  WantedBy: 'wantedBy',
  RequiredBy: 'requiredBy',
};

const KIND_BY_VIA: Record<string, DependencyKind> = {
  Network: 'network',
  Volume: 'volume',
  Mount: 'mount',
  Pod: 'pod',
  Image: 'image',
  StartWithPod: 'wants',
};

export function dependencyKindOfKey(key: string): DependencyKind {
  return KIND_BY_KEY[key] ?? 'other';
}

/** Resolves one reference against the box: a quadlet by file name, else any unit by service name. */
export function edgeTo(
  directory: UnitDirectory,
  scope: UnitScope,
  kind: DependencyKind,
  key: string,
  target: string,
  service: string,
  source: SourceRef,
  strings?: StringPool,
): DependencyEdge {
  const found =
    (isQuadletFileName(target) ? directory.find(target, scope) : undefined) ??
    directory.find(service, scope);

  // Names repeat across units (`default.target`): the model keeps one copy of each.
  const keyName = strings ? strings.intern(key) : key;
  const targetName = strings ? strings.intern(target) : target;
  const serviceName = strings ? strings.intern(service) : service;
  // Written whole (not completed afterwards) so every edge is one compact object.
  return found
    ? {
        kind,
        key: keyName,
        target: targetName,
        service: serviceName,
        resolved: true,
        wellKnown: false,
        source,
        targetKind: found.kind,
        targetId: found.id,
      }
    : {
        kind,
        key: keyName,
        target: targetName,
        service: serviceName,
        resolved: false,
        wellKnown: isWellKnownUnit(serviceName),
        source,
      };
}

/** The quadlet module's dependencies of one unit as inventory edges. */
export function edgesOfQuadlet(
  dependencies: readonly QuadletDependency[],
  directory: UnitDirectory,
  scope: UnitScope,
  sourceOf: (file: string, line: number) => SourceRef,
  strings?: StringPool,
): DependencyEdge[] {
  return dependencies.map(d => {
    const kind =
      d.via === 'Unit'
        ? dependencyKindOfKey(d.key)
        : KIND_BY_VIA[d.via] ?? 'other';
    const key = d.via === 'StartWithPod' ? 'StartWithPod' : d.key;
    return edgeTo(
      directory,
      scope,
      kind,
      key,
      d.to,
      d.toService,
      sourceOf(d.file, d.line),
      strings,
    );
  });
}

/** `WantedBy=` / `RequiredBy=` of `[Install]`: the reverse direction, kept as edges to the target. */
export function installEdges(
  entries: readonly {
    key: 'WantedBy' | 'RequiredBy';
    value: string;
    source: SourceRef;
  }[],
  directory: UnitDirectory,
  scope: UnitScope,
  strings?: StringPool,
): DependencyEdge[] {
  return entries.map(e =>
    edgeTo(
      directory,
      scope,
      dependencyKindOfKey(e.key),
      e.key,
      e.value,
      e.value,
      e.source,
      strings,
    ),
  );
}
