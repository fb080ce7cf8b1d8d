import type { Diagnostic } from '../diagnostic';
import type { CommitRecord } from '../formats/decisions';
import type { SourceFile } from '../sourceFile';

/**
 * The Inventory: one typed, JSON-serialisable model of a box (its dotfiles and OS trees).
 * Every array is in a deterministic order (documented per field in docs/inventory.md), so two
 * reads of the same files give byte-identical JSON. Secret values never enter it: only the
 * names of variables, secrets and files.
 */

/** Bumped when a field changes meaning or disappears (adding fields does not bump it). */
export const INVENTORY_SCHEMA_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Input
// ---------------------------------------------------------------------------------------------

export type TreeRole = 'dotfiles' | 'os';

/** A symbolic link inside a tree that points at another file of the same tree. */
export interface BoxLink {
  /** Path of the link, relative to the tree root (POSIX). */
  path: string;
  /** Path of the file it points at, relative to the tree root (POSIX). */
  target: string;
}

/** One repository (or directory) of the box, as plain files. */
export interface BoxTree {
  /** Short name shown everywhere, e.g. `dotfiles`, `harness`. Unique within a box. */
  name: string;
  /** Detected from the files when absent (see `detectTreeRole`). */
  role?: TreeRole;
  files: SourceFile[];
  /** Commit messages (as the decisions folder's `readGitLog` returns them), searched for decision ids. */
  commits?: CommitRecord[];
  /** In-tree symlinks (a `web@blue.container` → `web@.container` instance, say). */
  links?: BoxLink[];
  /** Where the tree was read from, when it came from disk; shown by the CLI, never interpreted. */
  location?: string;
}

export interface ReadBoxOptions {
  /** Called after each stage with its duration, for benchmarks and `--timings` style output. */
  onStage?: (stage: string, ms: number) => void;
}

// ---------------------------------------------------------------------------------------------
// Shared
// ---------------------------------------------------------------------------------------------

/** Where a fact came from: tree name, POSIX path relative to the tree root, 1-based line (1 for a whole file). */
export interface SourceRef {
  tree: string;
  path: string;
  line: number;
}

/** A diagnostic of the box: `Diagnostic` with `tree` set for every file of a tree. */
export type InventoryDiagnostic = Diagnostic;

/** Where a unit runs: `user` (rootless, `systemctl --user`), `system`, or `unknown`. */
export type UnitScope = 'user' | 'system' | 'unknown';

/** A registry image as the model shows it (see `image/` for the grammar and the tiers). */
export interface ImageFact {
  /** The value as written. */
  text: string;
  /** `registry` reference, quadlet `unit` (`x.image`/`x.build`), local `transport`, `templated`, or `invalid`. */
  kind: 'registry' | 'unit' | 'transport' | 'templated' | 'invalid';
  /** Fully qualified reference (`docker.io/library/redis:7-alpine`), for `registry`. */
  normalized?: string;
  registry?: string;
  repository?: string;
  tag?: string;
  digest?: string;
  /** No registry was written (podman's short-name policy then applies). */
  shortName?: boolean;
  /** `digest` | `version` | `floating`, for `registry`. */
  pinTier?: 'digest' | 'version' | 'floating';
  /** Why the tier was chosen. */
  pinReason?: string;
  /** The tag holds an unfilled placeholder (`pi0.x.y`). */
  placeholder?: boolean;
  /** The tag names one CI build of a commit. */
  commitTag?: boolean;
  /** For `unit`: the quadlet unit it names (`x.image`). */
  unit?: string;
  /** For `invalid`: why. */
  error?: string;
  source: SourceRef;
}

// ---------------------------------------------------------------------------------------------
// Trees
// ---------------------------------------------------------------------------------------------

export interface TreeSummary {
  name: string;
  /** Given or detected; `other` when nothing says which. */
  role: TreeRole | 'other';
  /** How the role was decided: `given`, or the marker found (`.chezmoiroot`, `mkosi.conf`, `dot_ name`…). */
  roleFrom: string;
  files: number;
  bytes: number;
  /** The chezmoi source directory (`.chezmoiroot`), `''` for the tree root; absent for non-chezmoi trees. */
  chezmoiRoot?: string;
  commits: number;
  location?: string;
}

// ---------------------------------------------------------------------------------------------
// Quadlet units
// ---------------------------------------------------------------------------------------------

export type QuadletUnitType =
  | 'container'
  | 'volume'
  | 'network'
  | 'pod'
  | 'kube'
  | 'build'
  | 'image'
  | 'artifact';

export type DependencyKind =
  | 'requires'
  | 'requisite'
  | 'wants'
  | 'bindsTo'
  | 'partOf'
  | 'upholds'
  | 'after'
  | 'before'
  | 'wantedBy'
  | 'requiredBy'
  | 'volume'
  | 'network'
  | 'pod'
  | 'image'
  | 'mount'
  | 'conflicts'
  | 'onFailure'
  | 'onSuccess'
  | 'triggers'
  | 'other';

/** One reference from a unit to another unit. */
export interface DependencyEdge {
  kind: DependencyKind;
  /** The key it comes from (`Requires`, `Volume`, `WantedBy`…). */
  key: string;
  /** The name as written (`twenty-db.container`, `litellm.service`, `sodimo.network`). */
  target: string;
  /** The systemd unit it means: a quadlet file name becomes its service (`twenty-db.service`). */
  service: string;
  /** True when a unit of the box (quadlet or plain systemd) answers to it. */
  resolved: boolean;
  /** `quadlet` or `systemd` unit of the box, when resolved. */
  targetKind?: 'quadlet' | 'systemd';
  /** Id of the unit it resolved to (`InventoryUnit.id` / `InventorySystemdUnit.id`). */
  targetId?: string;
  /** A unit systemd or podman provides (`network-online.target`, `podman.socket`…). */
  wellKnown: boolean;
  source: SourceRef;
}

export interface PublishedPort {
  /** As written (`127.0.0.1:8091:80`). */
  text: string;
  hostIp?: string;
  /** Host port (first of a range); absent when podman picks one. */
  hostPort?: number;
  containerPort?: number;
  protocol: 'tcp' | 'udp' | 'sctp';
  source: SourceRef;
}

export interface VolumeMount {
  /** As written (`piler-data.volume:/var/piler`). */
  text: string;
  /**
   * `unit`: a `.volume` quadlet; `named`: a podman volume by name; `host`: a host path (bind mount);
   * `anonymous`: only a container path.
   */
  kind: 'unit' | 'named' | 'host' | 'anonymous';
  /** The source as written (`piler-data.volume`, `%h/.config/caddy/Caddyfile`). */
  from?: string;
  /** For host paths written with `%h/` or `~/`: the home-relative target (`.config/caddy/Caddyfile`). */
  homeTarget?: string;
  /** The repository file (or folder) behind a host path, when the box has it. */
  repoSource?: { tree: string; path: string; directory: boolean };
  /** Path inside the container. */
  to?: string;
  options?: string;
  source: SourceRef;
}

export interface NetworkRef {
  /** As written (`sodimo.network`, `host`, `container:x`). */
  text: string;
  kind: 'unit' | 'named' | 'host' | 'none' | 'container' | 'pod' | 'other';
  name: string;
  /** Options after the first `:` (`ip=…,alias=…`). */
  options?: string;
  source: SourceRef;
}

export interface NamedValueRef {
  name: string;
  source: SourceRef;
}

export interface UnitSecretRef {
  /** Podman secret name. */
  name: string;
  type?: string;
  target?: string;
  source: SourceRef;
}

export interface EnvFileRef {
  /** As written (`%h/.config/sodimo/piler.env`), a leading `-` removed. */
  path: string;
  /** Key of the matching `EnvFile` in `Inventory.envFiles`. */
  envFile: string;
  /** Written with a leading `-` (systemd: ignore a missing file). */
  optional: boolean;
  source: SourceRef;
}

export interface LabelRef {
  key: string;
  /** Labels are descriptive; a value whose key looks secret is dropped. */
  value?: string;
  source: SourceRef;
}

export interface UnitKeyValue {
  section: string;
  key: string;
  value: string;
  source: SourceRef;
}

/** A `*.conf` drop-in merged into a unit. */
export interface DropInRef {
  tree: string;
  path: string;
  /** The drop-in directory it came from (`llama-swap.container.d`, `container.d`). */
  directory: string;
}

export interface InventoryUnit {
  /** Unique in the box: `<tree>:<path>`, or `<tree>:<link path>` for an instance read through a link. */
  id: string;
  type: QuadletUnitType;
  /** Unit file name as podman loads it (chezmoi prefixes and `.tmpl` removed): `vaultwarden.container`. */
  name: string;
  source: SourceRef;
  /** Path where the file lands on the box, home-relative for user files (`.config/containers/systemd/x.container`) or absolute. */
  target?: string;
  scope: UnitScope;
  /** Generated systemd service, with `.service`. */
  serviceName: string;
  /** Podman object name (container, volume, network, pod, image); absent when it depends on runtime specifiers. */
  resourceName?: string;
  /** The name pattern when specifiers are left (`systemd-%p_%i`). */
  resourceNamePattern?: string;
  /** `foo@.container` (a template) or `foo@bar.container` (an instance). */
  systemdTemplate?: { template: boolean; instance?: string; readFrom?: string };
  /** Set when the file is a chezmoi template (`.tmpl`): these lines were neutralised before parsing. */
  chezmoiTemplate?: { templateLines: number[] };
  /** chezmoi attributes of the source name, when any is set (`private_`, `executable_`, `readonly_`). */
  chezmoi?: { private: boolean; executable: boolean; readonly: boolean };
  description?: string;
  documentation: string[];
  /** The comment block at the top of the file, markers removed. */
  leadingComment: string;
  dropIns: DropInRef[];
  image?: ImageFact;
  ports: PublishedPort[];
  volumes: VolumeMount[];
  networks: NetworkRef[];
  /** Network aliases (`NetworkAlias=`, `alias=` in `Network=`), which other containers resolve by DNS. */
  networkAliases: string[];
  pod?: string;
  /** Variable names from `Environment=` (values are never kept). */
  environment: NamedValueRef[];
  envFiles: EnvFileRef[];
  secrets: UnitSecretRef[];
  labels: LabelRef[];
  wantedBy: string[];
  requiredBy: string[];
  groupAdd: string[];
  devices: string[];
  podmanArgs: string[];
  /** Exec= / command of the container (words), when set. */
  exec?: string[];
  /** Every other assignment of the quadlet section, for consumers that need a key not modelled. Values of secret-looking keys are dropped. */
  otherKeys: UnitKeyValue[];
  dependencies: DependencyEdge[];
  /** Decision ids cited in the unit or its drop-ins. */
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// Plain systemd units
// ---------------------------------------------------------------------------------------------

export type SystemdUnitType =
  | 'service'
  | 'timer'
  | 'target'
  | 'socket'
  | 'path'
  | 'mount';

export interface InventorySystemdUnit {
  id: string;
  type: SystemdUnitType;
  name: string;
  source: SourceRef;
  target?: string;
  scope: UnitScope;
  /** Only drop-ins exist in the box (`tailscaled.service.d/10-x.conf`): it overrides a unit the OS provides. */
  overrideOnly: boolean;
  description?: string;
  documentation: string[];
  leadingComment: string;
  dropIns: DropInRef[];
  execStart: string[];
  /** For timers: `OnCalendar=` values, and the unit it activates. */
  onCalendar: string[];
  activates?: string;
  envFiles: EnvFileRef[];
  environment: NamedValueRef[];
  wantedBy: string[];
  /** Images it runs: `podman run … image` in ExecStart or in a script of the box it calls. */
  images: (ImageFact & { via: 'exec' | 'script'; script?: SourceRef })[];
  dependencies: DependencyEdge[];
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// Models and aliases
// ---------------------------------------------------------------------------------------------

export interface UnitLink {
  /** `InventoryUnit.id`. */
  id: string;
  name: string;
  /** Why this unit: `mounts-config`, `image`, `api-base`. */
  reason: string;
}

/** One flag of a model's server command. */
export interface ModelCmdArg {
  flag: string;
  /** Absent for a switch (`--no-mmap`) and for a secret-looking flag's value. */
  value?: string;
}

export interface LocalModel {
  /** llama-swap model id (the `models:` key). */
  id: string;
  displayName?: string;
  aliases: string[];
  ttl?: number;
  groups: string[];
  /** Safe URL of `proxy:` (credentials and query removed). */
  proxy?: string;
  /** Line of the `proxy:` key, when written. */
  proxyLine?: number;
  /** Flags of the `cmd:` (words starting with `-`), for flag-group checks. */
  cmdFlags: string[];
  /**
   * The same flags in order with their values, as llama-swap expands them (`-ngl` → `999`; no
   * value for a switch). The value of a flag whose name looks secret (`--api-key`) is left out.
   */
  cmdArgs: ModelCmdArg[];
  /** Line of the `cmd:` key, when written. */
  cmdLine?: number;
  /** The `--model` path, when written. */
  modelPath?: string;
  source: SourceRef;
  /** The llama-swap config file it is defined in. */
  config: { tree: string; path: string };
  /** The container that serves it: the one mounting the config file, else one running a llama-swap image. */
  server?: UnitLink;
  decisions: string[];
}

export type AliasResolution =
  | { kind: 'local'; model: string; via: 'id' | 'alias'; server?: UnitLink }
  | { kind: 'cloud'; provider: string }
  | { kind: 'endpoint'; url: string }
  | { kind: 'unresolved'; reason: string };

export interface AliasDeployment {
  /** `litellm_params.model` (`openai/qwen3-4b`). */
  model: string;
  provider?: string;
  /** Safe URL of `api_base`. */
  apiBase?: string;
  /** Names of the variables it reads (`os.environ/X`), never values. */
  envNames: string[];
  resolution: AliasResolution;
  source: SourceRef;
}

export interface ModelAlias {
  /** LiteLLM `model_name`. */
  name: string;
  /** One per `model_list` entry of that name (several = load balancing). */
  deployments: AliasDeployment[];
  /** True when every deployment resolves (local model or cloud provider). */
  resolved: boolean;
  fallbacks: string[];
  config: { tree: string; path: string };
  /** The LiteLLM container: the one mounting the config, else one running a LiteLLM image. */
  gateway?: UnitLink;
  source: SourceRef;
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// Hostnames
// ---------------------------------------------------------------------------------------------

export interface IngressHop {
  kind: 'cloudflared';
  /** Safe URL of `service:`. */
  service: string;
  source: SourceRef;
}

export interface ProxyHop {
  kind: 'caddy';
  siteAddress: string;
  matcher?: string;
  pathMatcher?: string;
  source: SourceRef;
}

export interface UpstreamHop {
  host: string;
  port?: number;
  scheme: string;
  raw: string;
}

export interface ContainerHop {
  /** `InventoryUnit.id`. */
  unit: string;
  name: string;
  containerName?: string;
  /** Port inside the container. */
  port?: number;
  /** How the upstream host was matched. */
  via:
    | 'container-name'
    | 'systemd-name'
    | 'network-alias'
    | 'host-port'
    | 'service-name';
}

export interface RouteChain {
  /** Path matcher of the route, when it serves only some paths. */
  path?: string;
  ingress?: IngressHop;
  proxy?: ProxyHop;
  upstream?: UpstreamHop;
  container?: ContainerHop;
  /** True when the chain reaches a container of the box. */
  complete: boolean;
  /** Links that could not be followed, with why. */
  unresolved: {
    hop: 'ingress' | 'proxy' | 'upstream' | 'container';
    reason: string;
  }[];
}

export interface Hostname {
  hostname: string;
  /** Where it is declared: `cloudflared`, `caddy`, `tailnet`. */
  declaredBy: ('cloudflared' | 'caddy' | 'tailnet')[];
  chains: RouteChain[];
  sources: SourceRef[];
  decisions: string[];
}

// ---------------------------------------------------------------------------------------------
// OS, kernel, decisions, env files, distrobox, summaries
// ---------------------------------------------------------------------------------------------

export interface KernelArg {
  /** As written: `amd_iommu=off`. */
  arg: string;
  key: string;
  value?: string;
  /** Architectures it is limited to (`match-architectures`), empty for all. */
  architectures: string[];
  /** Comment lines that explain it (the file's comment block and comments on the line before). */
  rationale: string;
  source: SourceRef;
  /** `kargs.d` file, or `kernel-cmdline` (mkosi `KernelCommandLine=`). */
  from: 'kargs.d' | 'mkosi';
  decisions: string[];
}

export interface OsFacts {
  distribution?: string;
  release?: string;
  architecture?: string;
  imageId?: string;
  imageVersion?: string;
  format?: string;
  /** Base image for bootc images built from a Containerfile (`FROM`). */
  baseImage?: string;
  packages: string[];
  source: SourceRef;
}

export interface InventoryDecisionCitation {
  /** File citation (tree/path/line) or commit (sha). */
  source?: SourceRef;
  commit?: string;
  /** What the citing place belongs to. */
  subjects: {
    kind:
      | 'unit'
      | 'systemd-unit'
      | 'model'
      | 'alias'
      | 'hostname'
      | 'kernel-arg'
      | 'env-file'
      | 'os';
    id: string;
  }[];
}

export interface InventoryDecision {
  /** `D-097`. */
  id: string;
  /** `defined` when a document has a heading or file for it; `cited` when only cited. */
  status: 'defined' | 'cited';
  title?: string;
  state?: string;
  /** Markdown of the record: its section (or file) without the heading; absent when empty or only cited. */
  text?: string;
  definition?: SourceRef;
  citations: InventoryDecisionCitation[];
}

export interface EnvFile {
  /** Key: the home-relative (`.config/sodimo/piler.env`) or absolute target path; else the reference as written. */
  key: string;
  /** Every way units wrote it. */
  references: string[];
  /** `present`: in the repo; `template`: rendered from a `.env.tmpl` (or chezmoi `.tmpl`); `missing`; `external`: outside what the box's trees hold (e.g. `/etc/…` with no OS tree file). */
  status: 'present' | 'template' | 'missing' | 'external';
  file?: { tree: string; path: string };
  /** Variable names only. */
  variables: NamedValueRef[];
  /** Unit ids (quadlet or systemd) that use it. */
  usedBy: string[];
  decisions: string[];
}

export interface Distrobox {
  name: string;
  image?: ImageFact;
  packages: string[];
  volumes: string[];
  startNow?: boolean;
  init?: boolean;
  source: SourceRef;
}

export interface CaddySummary {
  tree: string;
  path: string;
  files: string[];
  sites: { address: string; source: SourceRef }[];
  routes: number;
  /** Host ports of the loopback the site listens on (`:80` → 80). */
  listens: number[];
  /** The Caddy container: mounts this Caddyfile, or runs a Caddy image. */
  server?: UnitLink;
}

export interface CloudflaredSummary {
  tree: string;
  path: string;
  /** The tunnel id (a name, not a secret; the credentials file stays out). */
  tunnel?: string;
  ingress: {
    hostname?: string;
    path?: string;
    service: string;
    source: SourceRef;
  }[];
  catchAll?: string;
}

/** An in-tree symlink kept as a fact (the instance it defines, when it is a quadlet). */
export interface LinkFact {
  tree: string;
  path: string;
  target: string;
  /** `InventoryUnit.id` of the unit read through it. */
  unit?: string;
}

export interface Inventory {
  schemaVersion: number;
  trees: TreeSummary[];
  units: InventoryUnit[];
  systemdUnits: InventorySystemdUnit[];
  models: LocalModel[];
  aliases: ModelAlias[];
  hostnames: Hostname[];
  kernelArgs: KernelArg[];
  os?: OsFacts;
  decisions: InventoryDecision[];
  envFiles: EnvFile[];
  distroboxes: Distrobox[];
  caddy: CaddySummary[];
  cloudflared: CloudflaredSummary[];
  links: LinkFact[];
  diagnostics: InventoryDiagnostic[];
}
