import {
  quadletModel,
  type Fact,
  type QuadletModel,
  type QuadletUnit,
} from '../quadlet';
import { lookupAllEntries, parseUnitName, splitExecArgs } from '../unit';
import type { BoxFiles } from './boxFiles';
import { envFileKeyOf } from './envFileKey';
import { imageFactOf, type ImageFactCache } from './imageFact';
import type { LoadedQuadlet } from './loadQuadletUnits';
import { parsePublishedPort } from './publishedPort';
import type { StringPool } from './stringPool';
import { redactArgs, redactValue } from './redact';
import type {
  EnvFileRef,
  InventoryUnit,
  NetworkRef,
  UnitSecretRef,
  SourceRef,
  VolumeMount,
} from './types';

/** Keys shown through a typed field; everything else of the quadlet section lands in `otherKeys`. */
const MODELLED_KEYS = new Set([
  'Image',
  'PublishPort',
  'Volume',
  'Network',
  'NetworkAlias',
  'Pod',
  'ContainerName',
  'Environment',
  'EnvironmentFile',
  'Secret',
  'Label',
  'Exec',
  'GroupAdd',
  'AddDevice',
  'PodmanArgs',
]);

/**
 * The inventory's view of one quadlet: the quadlet module's typed model, with every fact
 * pointing at its repository file and line, paths located in the box, and no secret values.
 * Dependencies and decisions are added later, once the whole box is known.
 */
export interface QuadletView {
  unit: InventoryUnit;
  /** `[Install]` entries with their lines, for the dependency pass. */
  install: {
    key: 'WantedBy' | 'RequiredBy';
    value: string;
    source: SourceRef;
  }[];
  /** The places its facts point at, one per line: edges from those lines reuse them. */
  sources: SourceRef[];
}

/** The place of `path` and `line` among `sources`, if one of them is it. */
export function sourceAt(
  sources: readonly SourceRef[],
  path: string,
  line: number,
): SourceRef | undefined {
  for (let i = 0; i < sources.length; i++) {
    const known = sources[i];
    if (known.line === line && known.path === path) return known;
  }
  return undefined;
}

export interface ViewContext {
  files: BoxFiles;
  images: ImageFactCache;
  /** Keeps one copy of the names and values that repeat across units. */
  strings: StringPool;
}

/**
 * Where facts come from, one object per line: facts of one line share their place (a unit
 * has a few dozen, a box tens of thousands).
 */
class Places {
  readonly sources: SourceRef[] = [];

  constructor(
    readonly tree: string,
    readonly parser: LoadedQuadlet['parser'],
  ) {}

  of(file: string, line: number): SourceRef {
    const path = this.parser.sourcePath(file);
    const at = Math.max(line, 1);
    const known = sourceAt(this.sources, path, at);
    if (known) return known;
    const source: SourceRef = { tree: this.tree, path, line: at };
    this.sources.push(source);
    return source;
  }

  ofFact(fact: Fact<unknown>): SourceRef {
    return this.of(fact.file, fact.line);
  }
}

export function quadletViewOf(
  loaded: LoadedQuadlet,
  quadlet: QuadletUnit,
  context: ViewContext,
): QuadletView {
  const { tree, parser } = loaded;
  const { images, strings } = context;
  const model = quadletModel(quadlet);
  const places = new Places(tree.name, parser);
  const name = parseUnitName(quadlet.fileName);
  const target = loaded.link ? undefined : loaded.file.target;
  const lists = listsOf(quadlet, model, places, target, context);

  const unit: InventoryUnit = {
    id: loaded.id,
    type: quadlet.info.type,
    name: quadlet.fileName,
    source: {
      tree: tree.name,
      path: loaded.link?.path ?? loaded.file.path,
      line: 1,
    },
    scope: loaded.scope,
    serviceName: quadlet.serviceFileName,
    documentation: lists.documentation,
    leadingComment: lists.leadingComment,
    dropIns: lists.dropIns,
    ports: lists.ports,
    volumes: lists.volumes,
    networks: lists.networks,
    networkAliases: lists.networkAliases,
    environment: lists.environment,
    envFiles: lists.envFiles,
    secrets: lists.secrets,
    labels: lists.labels,
    wantedBy: lists.wantedBy,
    requiredBy: lists.requiredBy,
    groupAdd: lists.groupAdd,
    devices: lists.devices,
    podmanArgs: lists.podmanArgs,
    otherKeys: lists.otherKeys,
    dependencies: [],
    decisions: [],
  };
  if (target !== undefined) unit.target = target;
  if (model.resourceName !== undefined) unit.resourceName = model.resourceName;
  else if (quadlet.resource?.pattern)
    unit.resourceNamePattern = quadlet.resource.pattern;
  if (name.instance !== undefined) {
    unit.systemdTemplate = { template: name.isTemplate };
    if (name.isInstance) unit.systemdTemplate.instance = name.instance;
    if (loaded.link) unit.systemdTemplate.readFrom = loaded.file.path;
  }
  if (loaded.file.chezmoi?.template)
    unit.chezmoiTemplate = { templateLines: loaded.templateLines };
  if (
    loaded.file.chezmoi &&
    (loaded.file.chezmoi.private ||
      loaded.file.chezmoi.executable ||
      loaded.file.chezmoi.readonly)
  ) {
    const { private: isPrivate, executable, readonly } = loaded.file.chezmoi;
    unit.chezmoi = { private: isPrivate, executable, readonly };
  }
  if (model.description) unit.description = model.description.value;
  if (model.image)
    unit.image = imageFactOf(
      model.image.value,
      places.ofFact(model.image),
      images,
    );
  if (model.pod) unit.pod = strings.intern(model.pod.value);
  if (model.exec) unit.exec = redactArgs(model.exec.value);

  return {
    unit,
    install: installOf(model, places),
    sources: places.sources.slice(),
  };
}

/**
 * The list fields of a unit's view, in the model's key order. Lists the model keeps are
 * built by `map` (exactly sized) or copied with `slice` once complete: a list grown by
 * `push` keeps room for more items it never gets.
 */
function listsOf(
  quadlet: QuadletUnit,
  model: QuadletModel,
  places: Places,
  target: string | undefined,
  { files, strings }: ViewContext,
): Pick<
  InventoryUnit,
  | 'documentation'
  | 'leadingComment'
  | 'dropIns'
  | 'ports'
  | 'volumes'
  | 'networks'
  | 'networkAliases'
  | 'environment'
  | 'envFiles'
  | 'secrets'
  | 'labels'
  | 'wantedBy'
  | 'requiredBy'
  | 'groupAdd'
  | 'devices'
  | 'podmanArgs'
  | 'otherKeys'
> {
  const section = quadlet.info.section;
  const networkAliases: string[] = [];
  const networks = model.networks.map(n => {
    const network = networkOf(n.value, places.ofFact(n), strings);
    const alias = /(?:^|,)alias=([^,]+)/.exec(network.options ?? '');
    if (alias) networkAliases.push(strings.intern(alias[1]));
    return network;
  });
  for (const entry of lookupAllEntries(
    quadlet.effective,
    section,
    'NetworkAlias',
  )) {
    for (const alias of entry.value.split(/\s+/))
      if (alias) networkAliases.push(strings.intern(alias));
  }
  const secrets: UnitSecretRef[] = [];
  for (const entry of lookupAllEntries(quadlet.effective, section, 'Secret')) {
    for (const word of splitExecArgs(entry.value).words)
      secrets.push(secretOf(word, places.of(entry.file, entry.line), strings));
  }
  return {
    documentation: internedValues(model.documentation, strings),
    leadingComment: model.leadingComment?.value ?? '',
    dropIns: quadlet.dropIns.map(d => ({
      tree: places.tree,
      path: places.parser.sourcePath(d.path),
      directory: strings.intern(d.directoryName),
    })),
    ports: model.ports.map(p => {
      const port = parsePublishedPort(p.value, places.ofFact(p));
      if (port.hostIp !== undefined) port.hostIp = strings.intern(port.hostIp);
      return port;
    }),
    volumes: model.volumes.map(v =>
      volumeOf(v.value, places.ofFact(v), files, strings),
    ),
    networks,
    networkAliases:
      networkAliases.length === 0 ? networkAliases : networkAliases.slice(),
    environment: model.environment.map(e => ({
      name: strings.intern(e.value),
      source: places.ofFact(e),
    })),
    envFiles: model.environmentFiles.map(f => {
      const envFile = envFileRefOf(f.value, places.ofFact(f), target);
      envFile.path = strings.intern(envFile.path);
      envFile.envFile = strings.intern(envFile.envFile);
      return envFile;
    }),
    secrets: secrets.length === 0 ? secrets : secrets.slice(),
    labels: model.labels.map(l => {
      const value =
        l.value.value === undefined
          ? undefined
          : redactValue(l.value.key, l.value.value);
      const key = strings.intern(l.value.key);
      return value === undefined
        ? { key, source: places.ofFact(l) }
        : { key, value: strings.intern(value), source: places.ofFact(l) };
    }),
    wantedBy: internedValues(model.wantedBy, strings),
    requiredBy: internedValues(model.requiredBy, strings),
    groupAdd: internedValues(model.groupAdd, strings),
    devices: lookupAllEntries(quadlet.effective, section, 'AddDevice').map(e =>
      strings.intern(e.value.trim()),
    ),
    podmanArgs: redactArgs(model.podmanArgs.flatMap(a => a.value)).map(word =>
      strings.intern(word),
    ),
    otherKeys: (quadlet.effective.sections.get(section) ?? [])
      .filter(entry => !MODELLED_KEYS.has(entry.key))
      .map(entry => {
        const value = redactValue(entry.key, entry.value);
        return {
          section,
          key: strings.intern(entry.key),
          value: value === undefined ? '' : strings.intern(value),
          source: places.of(entry.file, entry.line),
        };
      }),
  };
}

function internedValues(facts: readonly Fact[], strings: StringPool): string[] {
  return facts.map(f => strings.intern(f.value));
}

/** `[Install]` entries with their places, for the dependency pass. */
function installOf(
  model: QuadletModel,
  places: Places,
): QuadletView['install'] {
  const wantedBy: QuadletView['install'] = model.wantedBy.map(w => ({
    key: 'WantedBy',
    value: w.value,
    source: places.ofFact(w),
  }));
  if (model.requiredBy.length === 0) return wantedBy;
  return wantedBy.concat(
    model.requiredBy.map(w => ({
      key: 'RequiredBy',
      value: w.value,
      source: places.ofFact(w),
    })),
  );
}

export function envFileRefOf(
  value: string,
  source: SourceRef,
  unitTarget: string | undefined,
): EnvFileRef {
  const key = envFileKeyOf(value, unitTarget);
  return {
    path: key.written,
    envFile: key.key,
    optional: key.optional,
    source,
  };
}

function volumeOf(
  v: {
    source?: string;
    destination: string;
    options?: string;
    sourceUnit?: string;
  },
  source: SourceRef,
  files: BoxFiles,
  strings: StringPool,
): VolumeMount {
  const text = [v.source, v.destination, v.options]
    .filter(x => x !== undefined)
    .join(':');
  if (v.source === undefined || v.source === '') {
    return {
      text,
      kind: 'anonymous',
      to: strings.intern(v.destination),
      source,
    };
  }
  // `text` and `from` are mostly one unit's own; the rest repeats across units.
  const mount: VolumeMount = {
    text,
    kind: 'named',
    from: v.source,
    to: strings.intern(v.destination),
    source,
  };
  if (v.options !== undefined) mount.options = strings.intern(v.options);
  if (v.sourceUnit) {
    mount.kind = 'unit';
  } else if (/^[/.~%$]/.test(v.source)) {
    mount.kind = 'host';
    const located = files.resolveWritten(v.source);
    if (located?.home) mount.homeTarget = located.target;
    if (located?.file)
      mount.repoSource = {
        tree: located.file.tree,
        path: located.file.path,
        directory: false,
      };
    else if (located?.directory)
      mount.repoSource = { ...located.directory, directory: true };
  }
  return mount;
}

function networkOf(
  value: string,
  source: SourceRef,
  strings: StringPool,
): NetworkRef {
  const colon = value.indexOf(':');
  const name = colon >= 0 ? value.slice(0, colon) : value;
  const options = colon >= 0 ? value.slice(colon + 1) : undefined;
  let kind: NetworkRef['kind'] = 'named';
  if (name.endsWith('.network') || name.endsWith('.container')) kind = 'unit';
  else if (
    name === 'host' ||
    name === 'none' ||
    name === 'pod' ||
    name === 'container'
  )
    kind = name;
  else if (
    name === 'private' ||
    name === 'bridge' ||
    name === 'slirp4netns' ||
    name === 'pasta' ||
    name === 'ns'
  )
    kind = 'other';
  const network: NetworkRef = {
    text: strings.intern(value),
    kind,
    name: strings.intern(name),
    source,
  };
  if (options !== undefined && options !== '')
    network.options = strings.intern(options);
  return network;
}

function secretOf(
  word: string,
  source: SourceRef,
  strings: StringPool,
): UnitSecretRef {
  const [name, ...options] = word.split(',');
  const secret: UnitSecretRef = { name, source };
  for (const option of options) {
    const eq = option.indexOf('=');
    const key = eq < 0 ? option : option.slice(0, eq);
    const value = eq < 0 ? '' : option.slice(eq + 1);
    if (key === 'type') secret.type = strings.intern(value);
    if (key === 'target') secret.target = strings.intern(value);
  }
  return secret;
}
