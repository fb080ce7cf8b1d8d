import { Endpoint } from '../common/endpoint';
import { SecretRef } from '../common/secretRef';

/** `litellm_params.model`: `openai/gpt-4o` → provider `openai`, model `gpt-4o`. */
export interface LiteLlmTarget {
  raw: string;
  /** The provider prefix, or `custom_llm_provider`; absent when LiteLLM must infer it. */
  provider?: string;
  model: string;
}

/** `api_base`: a URL (kept without credentials) or an `os.environ/NAME` reference. */
export interface LiteLlmApiBase {
  endpoint?: Endpoint;
  env?: string;
  line: number;
}

/** One entry of `model_list`: an alias (model_name) routed to a provider model. */
export interface LiteLlmDeployment {
  /** `model_name`: what callers ask for. Several deployments may share it (load balancing). */
  alias: string;
  line: number;
  target?: LiteLlmTarget;
  apiBase?: LiteLlmApiBase;
  apiKey?: SecretRef;
  /** `model_info.id`, when set. */
  id?: string;
}

export type LiteLlmFallbackKind =
  | 'fallbacks'
  | 'context_window_fallbacks'
  | 'content_policy_fallbacks'
  | 'default_fallbacks';

/** One edge list of the fallback graph: when `from` fails, try `to` in order. */
export interface LiteLlmFallback {
  kind: LiteLlmFallbackKind;
  section: 'router_settings' | 'litellm_settings';
  /** Absent for `default_fallbacks`, which apply to every alias. */
  from?: string;
  to: string[];
  line: number;
}

export interface LiteLlmCache {
  enabled: boolean;
  /** `cache_params.type`: `redis`, `local`, `s3`, … */
  type?: string;
  /** `cache_params.ttl` in seconds. */
  ttl?: number;
  line: number;
}

export interface LiteLlmRouterSettings {
  routingStrategy?: string;
  numRetries?: number;
  timeout?: number;
  line: number;
}

/** A reference to an environment variable (`os.environ/NAME`) and where it is used. */
export interface LiteLlmEnvReference {
  name: string;
  /** Dotted path of the setting: `model_list.litellm_params.api_key`. */
  setting: string;
  line: number;
}

export interface LiteLlmConfig {
  file: string;
  deployments: LiteLlmDeployment[];
  /** Distinct model_name values in file order. */
  aliases: string[];
  fallbacks: LiteLlmFallback[];
  cache?: LiteLlmCache;
  routerSettings?: LiteLlmRouterSettings;
  masterKey?: SecretRef;
  databaseUrl?: SecretRef;
  envReferences: LiteLlmEnvReference[];
  /** Files pulled in with top-level `include:`. */
  includes: { path: string; line: number }[];
}
