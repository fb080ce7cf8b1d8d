import type { EffectiveEntry, EffectiveUnit } from '../unit/effectiveUnit';
import {
  lookup,
  lookupAllArgs,
  lookupAllEntries,
  lookupAllStrv,
  lookupLastArgs,
  lookupNonEmpty,
} from '../unit/lookup';
import type { UnitDocument } from '../unit/unitDocument';
import { parseKeyValueWords } from '../unit/values';
import type { QuadletUnit } from './loadQuadlets';
import { mountDestination, mountSource, parseMountSpec } from './mountSpec';
import type { QuadletDependency } from './references';
import type { QuadletType } from './unitTypes';

/** A value with the file and line it was read from. */
export interface Fact<T = string> {
  value: T;
  file: string;
  line: number;
}

export interface VolumeFact {
  /** Host path, volume name or `x.volume`; absent for anonymous volumes. */
  source?: string;
  destination: string;
  options?: string;
  /** Set when the source is a quadlet volume unit. */
  sourceUnit?: string;
}

export interface MountFact {
  type: string;
  source?: string;
  destination?: string;
  /** Set when the source is a quadlet unit (`x.volume`, `x.image`, `x.artifact`). */
  sourceUnit?: string;
  /** The whole mount specification as podman reads it. */
  spec: string;
}

export interface LabelFact {
  key: string;
  value?: string;
}

/**
 * The typed view of one quadlet: what it runs, exposes, mounts and needs. Values stay as
 * written (specifiers unresolved). Secret values never appear: environment variables and
 * secrets are listed by name only.
 */
export interface QuadletModel {
  type: QuadletType;
  /** File name, e.g. `web.container`. */
  name: string;
  path: string;
  /** Generated service, without `.service`. */
  serviceName: string;
  /** Container / network / volume / pod name, or the image/artifact reference produced. */
  resourceName?: string;
  /** `Image=` as written (`.container`, `.image`, `.volume`); may name an `.image`/`.build` unit. */
  image?: Fact;
  rootfs?: Fact;
  /** `ImageTag=` values (`.build`, `.image`). */
  imageTags: Fact[];
  /** `Artifact=` (`.artifact`). */
  artifact?: Fact;
  /** `PublishPort=` values. */
  ports: Fact[];
  exposedPorts: Fact[];
  volumes: Fact<VolumeFact>[];
  mounts: Fact<MountFact>[];
  /** `Network=` values as written (`host`, `x.network`, `x.network:ip=…`). */
  networks: Fact[];
  pod?: Fact;
  containerName?: Fact;
  /** Names of `Environment=` variables (never their values). */
  environment: Fact[];
  environmentFiles: Fact[];
  /** `Secret=` names (the first field). */
  secrets: Fact[];
  labels: Fact<LabelFact>[];
  /** `Exec=` split exec-style. */
  exec?: Fact<string[]>;
  groupAdd: Fact[];
  podmanArgs: Fact<string[]>[];
  globalArgs: Fact<string[]>[];
  /** `Yaml=` files of a `.kube`. */
  yaml: Fact[];
  autoUpdate?: Fact;
  user?: Fact;
  description?: Fact;
  documentation: Fact[];
  wantedBy: Fact[];
  requiredBy: Fact[];
  /** The comment block at the top of the file, markers removed: the unit's role in words. */
  leadingComment?: Fact;
  dependencies: QuadletDependency[];
}

function fact<T>(value: T, entry: EffectiveEntry): Fact<T> {
  return { value, file: entry.file, line: entry.line };
}

function one(
  found: { value: string; entry: EffectiveEntry } | undefined,
): Fact | undefined {
  return found ? fact(found.value, found.entry) : undefined;
}

/** `LookupAll()` values as facts (each entry once, no intermediate list of pairs). */
function all(u: EffectiveUnit, s: string, key: string): Fact[] {
  return lookupAllEntries(u, s, key).map(e => fact(e.value, e));
}

/** `LookupAll()` values as facts, blanks around them trimmed. */
function allTrimmed(u: EffectiveUnit, s: string, key: string): Fact[] {
  return lookupAllEntries(u, s, key).map(e => fact(e.value.trim(), e));
}

function unitReference(
  source: string,
  suffixes: readonly string[],
): string | undefined {
  return suffixes.some(s => source.endsWith(s)) &&
    !source.startsWith('.') &&
    !source.startsWith('/')
    ? source
    : undefined;
}

function stripCommentMarker(text: string): string {
  return text.replace(/^[#;]+ ?/, '');
}

/**
 * The first block of comment lines before any assignment: at the top of the file, or right
 * under the first section header when the file starts with one.
 */
export function leadingCommentOf(doc: UnitDocument): Fact | undefined {
  const lines: string[] = [];
  let first = 0;
  for (const item of doc.items) {
    if (item.kind === 'comment') {
      if (item.text === '') {
        if (lines.length > 0) break;
        continue;
      }
      if (lines.length === 0) first = item.line;
      lines.push(stripCommentMarker(item.text));
    } else if (item.kind === 'section' && lines.length === 0) {
      continue;
    } else {
      break;
    }
  }
  return lines.length > 0
    ? { value: lines.join('\n'), file: doc.path, line: first }
    : undefined;
}

/** Builds the typed view of a loaded (ideally analysed) quadlet. */
export function quadletModel(unit: QuadletUnit): QuadletModel {
  const u = unit.effective;
  const s = unit.info.section;

  const volumes: Fact<VolumeFact>[] = lookupAllEntries(u, s, 'Volume').map(
    entry => {
      const parts = entry.value.split(':');
      if (parts.length < 2) return fact({ destination: parts[0] }, entry);
      const source = parts[0];
      const v: VolumeFact = { source, destination: parts[1] };
      if (parts.length > 2) v.options = parts.slice(2).join(':');
      const ref = unitReference(source, ['.volume']);
      if (ref) v.sourceUnit = ref;
      return fact(v, entry);
    },
  );

  const mounts: Fact<MountFact>[] = [];
  for (const { args, entry } of lookupAllArgs(u, s, 'Mount')) {
    for (const spec of args) {
      const parsed = parseMountSpec(spec);
      if ('error' in parsed) continue;
      const m: MountFact = { type: parsed.type, spec };
      const source = mountSource(parsed.tokens);
      if (source?.hasValue) {
        m.source = source.value;
        const ref = unitReference(source.value, [
          '.volume',
          '.image',
          '.artifact',
        ]);
        if (ref) m.sourceUnit = ref;
      }
      const destination = mountDestination(parsed.tokens);
      if (destination !== undefined) m.destination = destination;
      mounts.push(fact(m, entry));
    }
  }

  const environment: Fact[] = [];
  for (const entry of lookupAllEntries(u, s, 'Environment')) {
    for (const pair of parseKeyValueWords(entry.value).pairs) {
      environment.push(fact(pair.key, entry));
    }
  }

  const labels: Fact<LabelFact>[] = [];
  for (const entry of lookupAllEntries(u, s, 'Label')) {
    for (const pair of parseKeyValueWords(entry.value).pairs) {
      labels.push(
        fact(
          pair.value === undefined
            ? { key: pair.key }
            : { key: pair.key, value: pair.value },
          entry,
        ),
      );
    }
  }

  const argsFacts = (key: string) => {
    const out: Fact<string[]>[] = [];
    for (const a of lookupAllArgs(u, s, key))
      if (!a.error) out.push(fact(a.args, a.entry));
    return out;
  };

  const exec = lookupLastArgs(u, s, 'Exec');
  const model: QuadletModel = {
    type: unit.info.type,
    name: unit.fileName,
    path: unit.path,
    serviceName: unit.service.name,
    resourceName: unit.resource?.name,
    image: s === 'Build' ? undefined : one(lookupNonEmpty(u, s, 'Image')),
    rootfs: one(lookupNonEmpty(u, s, 'Rootfs')),
    imageTags: all(u, s, 'ImageTag'),
    artifact: one(lookupNonEmpty(u, s, 'Artifact')),
    ports: allTrimmed(u, s, 'PublishPort'),
    exposedPorts: allTrimmed(u, s, 'ExposeHostPort'),
    volumes,
    mounts,
    networks: all(u, s, 'Network'),
    pod: one(lookupNonEmpty(u, s, 'Pod')),
    containerName: one(lookupNonEmpty(u, s, 'ContainerName')),
    environment,
    environmentFiles: argsFacts('EnvironmentFile').flatMap(f =>
      f.value.map(v => ({ ...f, value: v })),
    ),
    secrets: argsFacts('Secret').flatMap(f =>
      f.value.map(v => ({ ...f, value: v.split(',')[0] })),
    ),
    labels,
    exec: exec && !exec.error ? fact(exec.args, exec.entry) : undefined,
    groupAdd: all(u, s, 'GroupAdd'),
    podmanArgs: argsFacts('PodmanArgs'),
    globalArgs: argsFacts('GlobalArgs'),
    yaml: all(u, s, 'Yaml'),
    autoUpdate: one(lookupNonEmpty(u, s, 'AutoUpdate')),
    user: one(lookupNonEmpty(u, s, 'User')),
    description: one(lookup(u, 'Unit', 'Description')),
    documentation: lookupAllStrv(u, 'Unit', 'Documentation').map(x =>
      fact(x.value, x.entry),
    ),
    wantedBy: lookupAllStrv(u, 'Install', 'WantedBy').map(x =>
      fact(x.value, x.entry),
    ),
    requiredBy: lookupAllStrv(u, 'Install', 'RequiredBy').map(x =>
      fact(x.value, x.entry),
    ),
    leadingComment: leadingCommentOf(unit.document),
    dependencies: unit.dependencies,
  };
  return model;
}
