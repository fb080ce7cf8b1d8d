import { quadletModel, type Fact, type QuadletUnit } from '../quadlet';
import { lookupAllEntries, parseUnitName, splitExecArgs } from '../unit';
import type { BoxFiles } from './boxFiles';
import { envFileKeyOf } from './envFileKey';
import { imageFactOf, type ImageFactCache } from './imageFact';
import type { LoadedQuadlet } from './loadQuadletUnits';
import { parsePublishedPort } from './publishedPort';
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
}

export interface ViewContext {
  files: BoxFiles;
  images: ImageFactCache;
}

export function quadletViewOf(
  loaded: LoadedQuadlet,
  quadlet: QuadletUnit,
  { files, images }: ViewContext,
): QuadletView {
  const { tree, parser } = loaded;
  const model = quadletModel(quadlet);
  const ref = (file: string, line: number): SourceRef => ({
    tree: tree.name,
    path: parser.sourcePath(file),
    line: Math.max(line, 1),
  });
  const at = (f: Fact<unknown>) => ref(f.file, f.line);
  const section = quadlet.info.section;
  const name = parseUnitName(quadlet.fileName);

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
    documentation: model.documentation.map(d => d.value),
    leadingComment: model.leadingComment?.value ?? '',
    dropIns: quadlet.dropIns.map(d => ({
      tree: tree.name,
      path: parser.sourcePath(d.path),
      directory: d.directoryName,
    })),
    ports: model.ports.map(p => parsePublishedPort(p.value, at(p))),
    volumes: [],
    networks: [],
    networkAliases: [],
    environment: model.environment.map(e => ({ name: e.value, source: at(e) })),
    envFiles: [],
    secrets: [],
    labels: model.labels.map(l => {
      const value =
        l.value.value === undefined
          ? undefined
          : redactValue(l.value.key, l.value.value);
      return value === undefined
        ? { key: l.value.key, source: at(l) }
        : { key: l.value.key, value, source: at(l) };
    }),
    wantedBy: model.wantedBy.map(w => w.value),
    requiredBy: model.requiredBy.map(w => w.value),
    groupAdd: model.groupAdd.map(g => g.value),
    devices: lookupAllEntries(quadlet.effective, section, 'AddDevice').map(e =>
      e.value.trim(),
    ),
    podmanArgs: redactArgs(model.podmanArgs.flatMap(a => a.value)),
    otherKeys: [],
    dependencies: [],
    decisions: [],
  };
  const target = loaded.link ? undefined : loaded.file.target;
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
    unit.image = imageFactOf(model.image.value, at(model.image), images);
  if (model.pod) unit.pod = model.pod.value;
  if (model.exec) unit.exec = redactArgs(model.exec.value);

  for (const v of model.volumes)
    unit.volumes.push(volumeOf(v.value, at(v), files));
  for (const n of model.networks) {
    const network = networkOf(n.value, at(n));
    unit.networks.push(network);
    const alias = /(?:^|,)alias=([^,]+)/.exec(network.options ?? '');
    if (alias) unit.networkAliases.push(alias[1]);
  }
  for (const entry of lookupAllEntries(
    quadlet.effective,
    section,
    'NetworkAlias',
  )) {
    unit.networkAliases.push(...entry.value.split(/\s+/).filter(Boolean));
  }
  for (const f of model.environmentFiles)
    unit.envFiles.push(envFileRefOf(f.value, at(f), unit.target));
  for (const entry of lookupAllEntries(quadlet.effective, section, 'Secret')) {
    for (const word of splitExecArgs(entry.value).words)
      unit.secrets.push(secretOf(word, ref(entry.file, entry.line)));
  }
  for (const entry of quadlet.effective.sections.get(section) ?? []) {
    if (MODELLED_KEYS.has(entry.key)) continue;
    const value = redactValue(entry.key, entry.value);
    unit.otherKeys.push({
      section,
      key: entry.key,
      value: value ?? '',
      source: ref(entry.file, entry.line),
    });
  }
  const install = [
    ...model.wantedBy.map(w => ({
      key: 'WantedBy' as const,
      value: w.value,
      source: at(w),
    })),
    ...model.requiredBy.map(w => ({
      key: 'RequiredBy' as const,
      value: w.value,
      source: at(w),
    })),
  ];
  return { unit, install };
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
): VolumeMount {
  const text = [v.source, v.destination, v.options]
    .filter(x => x !== undefined)
    .join(':');
  if (v.source === undefined || v.source === '') {
    return { text, kind: 'anonymous', to: v.destination, source };
  }
  const mount: VolumeMount = {
    text,
    kind: 'named',
    from: v.source,
    to: v.destination,
    source,
  };
  if (v.options !== undefined) mount.options = v.options;
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

function networkOf(value: string, source: SourceRef): NetworkRef {
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
  const network: NetworkRef = { text: value, kind, name, source };
  if (options !== undefined && options !== '') network.options = options;
  return network;
}

function secretOf(word: string, source: SourceRef): UnitSecretRef {
  const [name, ...options] = word.split(',');
  const secret: UnitSecretRef = { name, source };
  for (const option of options) {
    const eq = option.indexOf('=');
    const key = eq < 0 ? option : option.slice(0, eq);
    const value = eq < 0 ? '' : option.slice(eq + 1);
    if (key === 'type') secret.type = value;
    if (key === 'target') secret.target = value;
  }
  return secret;
}
