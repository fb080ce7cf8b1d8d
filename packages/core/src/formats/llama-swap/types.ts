import { Endpoint } from '../common/endpoint';
import { SecretRef } from '../common/secretRef';
import { CommandFlag } from './command';
import { LlamaSwapMacro } from './macros';

/** A top-level setting with the line it was written on (0 and `defaulted` when it was not). */
export interface LlamaSwapSetting<T> {
  value: T;
  line: number;
  defaulted: boolean;
}

export interface LlamaSwapCommand {
  /** As written in the YAML (after YAML block folding). */
  raw: string;
  /** Comment lines dropped, macros and `${PORT}` substituted. */
  expanded: string;
  argv: string[];
  /** argv[0]: `/app/llama-server`, `podman`, … */
  program?: string;
  /** Flag → value, last occurrence wins: `--ctx-size` → `65536`, `--no-mmap` → true. */
  flags: Record<string, string | true>;
  /** Every flag occurrence in order, for checks that care about repeats. */
  flagList: CommandFlag[];
  line: number;
}

export interface LlamaSwapProxy {
  raw: string;
  expanded: string;
  /** Host and port the proxy targets, when the expanded text is a URL. */
  endpoint?: Endpoint;
  /** No `proxy:` was written; llama-swap uses `http://localhost:${PORT}`. */
  defaulted: boolean;
  line: number;
}

export interface LlamaSwapAlias {
  id: string;
  line: number;
  /** Newer llama-swap writes aliases as `{id, name, unlisted}`. */
  name?: string;
  unlisted?: boolean;
}

export interface LlamaSwapEnvEntry {
  name: string;
  /** Left out when the name looks like a secret (`HF_TOKEN`, `*_API_KEY`). */
  value?: string;
  line: number;
}

export interface LlamaSwapModel {
  id: string;
  line: number;
  name?: string;
  description?: string;
  cmd?: LlamaSwapCommand;
  cmdStop?: LlamaSwapCommand;
  proxy: LlamaSwapProxy;
  /** Seconds before unloading; `ttl: -1` or none means the global TTL; 0 means never. */
  ttl: LlamaSwapSetting<number>;
  aliases: LlamaSwapAlias[];
  env: LlamaSwapEnvEntry[];
  unlisted: boolean;
  checkEndpoint?: string;
  useModelName?: string;
  concurrencyLimit?: number;
  /** Model-level macros as written. */
  macros: LlamaSwapMacro[];
  /** The port llama-swap assigns to `${PORT}` for this model (ids sorted, from startPort). */
  port?: number;
  /** The group holding the model (group router only); absent means llama-swap's `(default)` group. */
  group?: string;
}

export interface LlamaSwapGroupMember {
  id: string;
  line: number;
}

export interface LlamaSwapGroup {
  id: string;
  line: number;
  /** Only one member runs at a time (default true). */
  swap: boolean;
  /** Loading a member unloads every other group (default true). */
  exclusive: boolean;
  /** Other groups cannot unload this one (default false). */
  persistent: boolean;
  members: LlamaSwapGroupMember[];
}

export interface LlamaSwapMatrixSet {
  name: string;
  /** The DSL as written: `(g | q | m) & v`. */
  expression: string;
  /** Variables and `+set` references the expression uses. */
  variables: string[];
  sets: string[];
  line: number;
}

export interface LlamaSwapMatrix {
  line: number;
  vars: { name: string; model: string; line: number }[];
  evictCosts: { name: string; cost: number; line: number }[];
  sets: LlamaSwapMatrixSet[];
}

/**
 * How llama-swap decides which models run together. Two spellings exist:
 * - `legacy`: top-level `groups:` (or `matrix:`);
 * - `routing`: `routing: { router: { use: group|matrix, settings: { groups, matrix } } }`,
 *   the newer block that replaces them. A file may use one spelling, never both.
 * `none` means neither is written: llama-swap then runs one model at a time.
 */
export interface LlamaSwapRouting {
  form: 'none' | 'legacy' | 'routing';
  router: 'group' | 'matrix';
  line: number;
  groups: LlamaSwapGroup[];
  matrix?: LlamaSwapMatrix;
}

export interface LlamaSwapPeer {
  id: string;
  line: number;
  proxy?: Endpoint;
  models: string[];
  apiKey?: SecretRef;
}

export interface LlamaSwapConfig {
  file: string;
  healthCheckTimeout: LlamaSwapSetting<number>;
  logLevel: LlamaSwapSetting<string>;
  startPort: LlamaSwapSetting<number>;
  globalTTL: LlamaSwapSetting<number>;
  macros: LlamaSwapMacro[];
  models: LlamaSwapModel[];
  routing: LlamaSwapRouting;
  /** `hooks.on_startup.preload`. */
  preload: { id: string; line: number }[];
  peers: LlamaSwapPeer[];
  /** `apiKeys:` — where each key comes from, never the key. */
  apiKeys: SecretRef[];
  /** Environment variables read through `${env.NAME}` anywhere in the file. */
  envReferences: { name: string; line: number }[];
}
