/**
 * The `spec.quadlet` block of every entity of a box: the facts its entity page shows.
 *
 * Type declarations only, with no imports at all, so the frontend plugin can
 * `import type { QuadletSpec } from '@quadlet-portal/core'` without pulling in Node code.
 * Every variant has a `kind` to switch on. Entity refs are full (`component:sodimo/piler`) and
 * only point at entities of the same box; a fact whose target is not an entity has no `ref`.
 * Secret values never appear: only the names of variables, secrets and files.
 */

/** Where a fact was written: tree, POSIX path in the tree, 1-based line; `url` when the tree is browsable. */
export interface SourcePlace {
  tree: string;
  path: string;
  line: number;
  url?: string;
}

export type QuadletSpec =
  | BoxQuadletSpec
  | UnitQuadletSpec
  | SystemdUnitQuadletSpec
  | DistroboxQuadletSpec
  | ModelQuadletSpec
  | AliasQuadletSpec
  | HostnameQuadletSpec
  | OsImageQuadletSpec
  | KernelArgsQuadletSpec
  | DecisionQuadletSpec;

export type QuadletSpecKind = QuadletSpec['kind'];

// ---------------------------------------------------------------------------------------------
// The box (System)
// ---------------------------------------------------------------------------------------------

export interface BoxQuadletSpec {
  kind: 'box';
  /** The box name as configured (the namespace is derived from it). */
  box: string;
  trees: {
    name: string;
    role: 'dotfiles' | 'os' | 'other';
    roleFrom: string;
    /** Local folder or repository URL. */
    location?: string;
    /** Link to the tree's root, when browsable. */
    url?: string;
    files: number;
    bytes: number;
    commits: number;
    chezmoiRoot?: string;
  }[];
  os?: { distribution?: string; release?: string };
  /** Entities emitted for the box, by `<kind>:<spec.type>` (`component:quadlet-container`). */
  entityCounts: Record<string, number>;
  diagnosticCounts: { error: number; warning: number; info: number };
  /** The first 500 diagnostics, sorted by tree, file, line, severity, code, message. */
  diagnostics: BoxDiagnostic[];
  /** How many diagnostics did not fit in `diagnostics`. */
  diagnosticsOmitted: number;
}

export interface BoxDiagnostic {
  tree?: string;
  file: string;
  /** 1-based; 0 for the whole file. */
  line: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  url?: string;
}

// ---------------------------------------------------------------------------------------------
// Quadlet units (Components for container/pod/kube, Resources for the rest)
// ---------------------------------------------------------------------------------------------

export type QuadletUnitSpecType = 'container' | 'volume' | 'network' | 'pod' | 'kube' | 'build' | 'image' | 'artifact';

export interface QuadletImage {
  /** As written. */
  text: string;
  /** `registry` reference, quadlet `unit` (`x.image`/`x.build`), local `transport`, `templated`, `invalid`. */
  kind: 'registry' | 'unit' | 'transport' | 'templated' | 'invalid';
  normalized?: string;
  registry?: string;
  repository?: string;
  tag?: string;
  digest?: string;
  /** No registry written: podman's short-name policy applies. */
  shortName?: boolean;
  pinTier?: 'digest' | 'version' | 'floating';
  pinReason?: string;
  /** The tag holds an unfilled placeholder (`pi0.x.y`). */
  placeholder?: boolean;
  commitTag?: boolean;
  /** For `unit`: the unit file it names, and its entity. */
  unit?: string;
  ref?: string;
  error?: string;
  source: SourcePlace;
}

export interface UnitDependencyFact {
  /** `requires`, `wants`, `bindsTo`, `after`, `volume`, `network`, `pod`, `image`, `wantedBy`, `triggers`… */
  kind: string;
  /** The key it comes from (`Requires`, `Volume`…). */
  key: string;
  /** As written (`twenty-db.container`, `network-online.target`). */
  target: string;
  /** The systemd unit it means (`twenty-db.service`). */
  service: string;
  /** A unit of the box answers to it. */
  resolved: boolean;
  /** A unit systemd or podman provides. */
  wellKnown: boolean;
  /** The entity it points at; set only for targets that are entities. */
  ref?: string;
  /** True when it is drawn as a `dependsOn` relation. */
  relation: boolean;
  source: SourcePlace;
}

export interface QuadletEnvFile {
  /** As written in the unit (`%h/.config/sodimo/piler.env`). */
  path: string;
  /** Home-relative or absolute target (`.config/sodimo/piler.env`). */
  key: string;
  optional: boolean;
  /** `present` in a tree, rendered from a `template`, `missing`, or `external` to the box's trees. */
  status: 'present' | 'template' | 'missing' | 'external' | 'unknown';
  /** The repository file behind it. */
  file?: SourcePlace;
  /** Variable names it sets (never values). */
  variables: string[];
  source: SourcePlace;
}

export interface UnitQuadletSpec {
  kind: 'quadlet-unit';
  unitType: QuadletUnitSpecType;
  /** Unit file name as podman loads it (`piler.container`). */
  unitFile: string;
  serviceName: string;
  scope: 'user' | 'system' | 'unknown';
  /** Where the file lands on the box (`.config/containers/systemd/piler.container`). */
  target?: string;
  /** Podman object name (container, volume, network…), or the pattern when specifiers remain. */
  resourceName?: string;
  resourceNamePattern?: string;
  description?: string;
  /** The comment block at the top of the file. */
  leadingComment: string;
  /** `Documentation=` values. */
  documentation: string[];
  source: SourcePlace;
  dropIns: SourcePlace[];
  template?: { template: boolean; instance?: string; readFrom?: string };
  /** Lines of a chezmoi template (`.tmpl`) that were neutralised before reading. */
  chezmoiTemplateLines?: number[];
  image?: QuadletImage;
  ports: { text: string; hostIp?: string; hostPort?: number; containerPort?: number; protocol: string; source: SourcePlace }[];
  volumes: {
    text: string;
    kind: 'unit' | 'named' | 'host' | 'anonymous';
    from?: string;
    to?: string;
    options?: string;
    /** Home-relative target of a `%h/` host path. */
    homeTarget?: string;
    /** The repository file or folder behind a host path. */
    repoSource?: SourcePlace & { directory: boolean };
    /** The volume entity, for `x.volume`. */
    ref?: string;
    source: SourcePlace;
  }[];
  networks: { text: string; kind: string; name: string; options?: string; ref?: string; source: SourcePlace }[];
  networkAliases: string[];
  pod?: { name: string; ref?: string };
  /** `Environment=` variable names. */
  environment: { name: string; source: SourcePlace }[];
  envFiles: QuadletEnvFile[];
  secrets: { name: string; type?: string; target?: string; source: SourcePlace }[];
  devices: string[];
  groupAdd: string[];
  /** For volumes, networks, images, builds, artifacts: the other keys of their section (secret-looking values are dropped). */
  settings?: { section: string; key: string; value: string; source: SourcePlace }[];
  dependencies: UnitDependencyFact[];
  /** Public hostnames whose route chain ends at this unit. */
  hostnames: { hostname: string; ref: string; port?: number; path?: string }[];
  /** Models this unit serves (llama-swap) and aliases it is the gateway of (LiteLLM), as refs. */
  serves: string[];
  /** Decision ids cited by the unit, its drop-ins and its env files. */
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// Plain systemd units (Components)
// ---------------------------------------------------------------------------------------------

export interface SystemdUnitQuadletSpec {
  kind: 'systemd-unit';
  unitType: 'service' | 'timer';
  unitFile: string;
  scope: 'user' | 'system' | 'unknown';
  target?: string;
  description?: string;
  leadingComment: string;
  documentation: string[];
  source: SourcePlace;
  dropIns: SourcePlace[];
  /** The program each `ExecStart=` runs (first word only: arguments may carry secrets). */
  commands: string[];
  onCalendar: string[];
  /** For timers: the unit it starts. */
  activates?: { name: string; ref?: string };
  environment: { name: string; source: SourcePlace }[];
  envFiles: QuadletEnvFile[];
  /** Images it runs with `podman run`, directly or through a script of the box. */
  images: (QuadletImage & { via: 'exec' | 'script'; script?: SourcePlace })[];
  dependencies: UnitDependencyFact[];
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// Distrobox containers (Components)
// ---------------------------------------------------------------------------------------------

export interface DistroboxQuadletSpec {
  kind: 'distrobox';
  name: string;
  image?: QuadletImage;
  packages: string[];
  volumes: string[];
  startNow?: boolean;
  init?: boolean;
  source: SourcePlace;
}

// ---------------------------------------------------------------------------------------------
// Models and aliases (Resources)
// ---------------------------------------------------------------------------------------------

export interface ServingUnit {
  /** Unit file name (`llama-swap.container`). */
  name: string;
  /** Why this unit: `mounts-config`, `image`, `api-base`. */
  reason: string;
  ref?: string;
}

export interface ModelQuadletSpec {
  kind: 'model';
  /** llama-swap model id. */
  id: string;
  displayName?: string;
  /** llama-swap's own aliases of the model. */
  aliases: string[];
  /** LiteLLM alias entities that resolve to it. */
  aliasRefs: string[];
  groups: string[];
  /** Seconds of idle before unload. */
  ttl?: number;
  /** `proxy:` URL (credentials removed). */
  proxy?: string;
  /**
   * Flags of the server command in order, with their values (`-ngl` → `999`; none for a switch,
   * none for a flag whose name looks secret such as `--api-key`; credentials taken out of URLs).
   */
  flags: { flag: string; value?: string }[];
  modelPath?: string;
  /** The llama-swap config file. */
  config: SourcePlace;
  source: SourcePlace;
  server?: ServingUnit;
  decisions: string[];
}

export interface AliasResolutionFact {
  kind: 'local' | 'cloud' | 'endpoint' | 'unresolved';
  /** `local`: the llama-swap model id and its entity. */
  model?: string;
  modelRef?: string;
  via?: 'id' | 'alias';
  /** `cloud`: the provider (`anthropic`). */
  provider?: string;
  /** `endpoint`: the URL (credentials removed). */
  url?: string;
  /** `unresolved`: why. */
  reason?: string;
}

export interface AliasQuadletSpec {
  kind: 'alias';
  /** LiteLLM `model_name`. */
  name: string;
  /** Every deployment resolves to a local model or a cloud provider. */
  resolved: boolean;
  deployments: {
    model: string;
    provider?: string;
    apiBase?: string;
    /** Names of the variables it reads (`os.environ/X`). */
    envNames: string[];
    resolution: AliasResolutionFact;
    source: SourcePlace;
  }[];
  fallbacks: { name: string; ref?: string }[];
  config: SourcePlace;
  source: SourcePlace;
  gateway?: ServingUnit;
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// Hostnames (Resources)
// ---------------------------------------------------------------------------------------------

export interface HostnameChain {
  /** Path matcher when the route serves only some paths. */
  path?: string;
  /** cloudflared ingress rule. */
  ingress?: { service: string; source: SourcePlace; ref?: string };
  /** Caddy route. */
  proxy?: { siteAddress: string; matcher?: string; pathMatcher?: string; source: SourcePlace; ref?: string };
  upstream?: { host: string; port?: number; scheme: string; raw: string };
  container?: { unitFile: string; containerName?: string; port?: number; via: string; ref?: string };
  /** The chain reaches a container of the box. */
  complete: boolean;
  unresolved: { hop: 'ingress' | 'proxy' | 'upstream' | 'container'; reason: string }[];
}

export interface HostnameQuadletSpec {
  kind: 'hostname';
  hostname: string;
  declaredBy: ('cloudflared' | 'caddy' | 'tailnet')[];
  chains: HostnameChain[];
  sources: SourcePlace[];
  /** The components at the end of its chains. */
  servedBy: string[];
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// OS image and kernel arguments (Resources)
// ---------------------------------------------------------------------------------------------

export interface OsImageQuadletSpec {
  kind: 'os-image';
  distribution?: string;
  release?: string;
  architecture?: string;
  imageId?: string;
  imageVersion?: string;
  format?: string;
  baseImage?: string;
  packages: string[];
  source: SourcePlace;
  decisions: string[];
}

export interface KernelArgsQuadletSpec {
  kind: 'kernel-args';
  args: {
    /** As written (`amd_iommu=off`). */
    arg: string;
    key: string;
    value?: string;
    /** Architectures it is limited to; empty for all. */
    architectures: string[];
    /** The comments that explain it. */
    rationale: string;
    from: 'kargs.d' | 'mkosi';
    source: SourcePlace;
    decisions: string[];
  }[];
  /** The files the args come from. */
  files: SourcePlace[];
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// Decisions (kind Decision)
// ---------------------------------------------------------------------------------------------

export interface DecisionQuadletSpec {
  kind: 'decision';
  /** `D-097`. */
  id: string;
  /** `defined` when a document has a heading or file for it; `cited-only` otherwise. */
  status: 'defined' | 'cited-only';
  /** The record's own status line (`Accepted`, `Superseded by D-170`). */
  recordStatus?: string;
  title?: string;
  /** Markdown of the record's section, without its heading (when the inventory carries it). */
  text?: string;
  definition?: SourcePlace;
  citations: {
    /** A file citation, or */
    source?: SourcePlace;
    /** a commit citation (sha). */
    commit?: string;
    /** Entities the citing place belongs to. */
    refs: string[];
  }[];
}
