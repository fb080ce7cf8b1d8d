import { isMap, isPair, isScalar, Node, visit } from 'yaml';
import { Diagnostic } from '../../diagnostic';
import { DiagnosticSink } from '../common/diagnosticSink';
import { parseEndpoint } from '../common/endpoint';
import { looksLikeSecretName } from '../common/secretNames';
import { SecretRef } from '../common/secretRef';
import { YamlReader } from '../common/yamlReader';
import { LiteLlmDocument } from './parse';
import {
  LiteLlmConfig,
  LiteLlmDeployment,
  LiteLlmEnvReference,
  LiteLlmFallback,
  LiteLlmFallbackKind,
} from './types';

export interface LiteLlmModelResult {
  config: LiteLlmConfig;
  diagnostics: Diagnostic[];
}

const ENV_PREFIX = 'os.environ/';
const TEMPLATE_RE = /\{\{|\$\{/;
/** `scheme://user:password@host`: a password riding inside a URL. */
const URL_CREDENTIALS_RE = /^[a-z][a-z0-9+.-]*:\/\/[^/\s@]*:[^/\s@]+@/i;
const URL_RE = /^[a-z][a-z0-9+.-]*:\/\//i;
/** Settings that name a connection URL (`database_url`, `redis_uri`). */
const CONNECTION_NAME_RE = /(?:^|_)(?:url|uri|connection_string)$/i;
/**
 * Values people write where a local OpenAI-compatible server needs *some* key: not secrets,
 * so not worth a warning.
 */
const PLACEHOLDER_KEY_RE =
  /^(none|null|dummy|empty|fake|unused|placeholder|not[-_ ]?(needed|used|required)|no[-_ ]?key|sk-no-key(-required)?|x+|-)$/i;
const FALLBACK_KINDS: LiteLlmFallbackKind[] = [
  'fallbacks',
  'context_window_fallbacks',
  'content_policy_fallbacks',
];

/**
 * Turns a parsed LiteLLM config into aliases, targets, the fallback graph and the names
 * of the environment variables it reads. Secret values are never copied: a literal key
 * becomes `{ kind: 'literal' }` plus a warning. Never throws.
 */
export function modelLiteLlm(document: LiteLlmDocument): LiteLlmModelResult {
  const reader = new YamlReader(document.yaml, 'last');
  const sink = new DiagnosticSink(document.yaml.file, 'litellm');
  const root = reader.root();
  const config: LiteLlmConfig = {
    file: document.yaml.file,
    deployments: [],
    aliases: [],
    fallbacks: [],
    envReferences: [],
    includes: [],
  };
  if (root !== null && !isMap(root)) {
    sink.error(
      reader.line(root),
      'not-a-mapping',
      'LiteLLM expects a mapping of settings at the top of the file',
    );
    return { config, diagnostics: sink.diagnostics };
  }

  config.envReferences = scanValues(reader, sink);
  config.deployments = readDeployments(reader, root, sink);
  config.aliases = [
    ...new Set(config.deployments.map(deployment => deployment.alias)),
  ];
  config.fallbacks = readFallbacks(reader, root);
  checkFallbacks(config, sink);

  const litellmSettings = reader.get(root, 'litellm_settings')?.value ?? null;
  const cacheEntry = reader.get(litellmSettings, 'cache');
  const cacheParams = reader.get(litellmSettings, 'cache_params');
  if (cacheEntry || cacheParams) {
    config.cache = {
      enabled: cacheEntry ? reader.boolean(cacheEntry.value) === true : false,
      line: (cacheEntry ?? cacheParams)!.line,
    };
    const type = reader.text(reader.get(cacheParams?.value, 'type')?.value);
    if (type !== undefined) config.cache.type = type;
    const ttl = reader.number(reader.get(cacheParams?.value, 'ttl')?.value);
    if (ttl !== undefined) config.cache.ttl = ttl;
  }

  const router = reader.get(root, 'router_settings');
  if (router) {
    config.routerSettings = { line: router.line };
    const strategy = reader.text(
      reader.get(router.value, 'routing_strategy')?.value,
    );
    if (strategy !== undefined)
      config.routerSettings.routingStrategy = strategy;
    const retries = reader.number(
      reader.get(router.value, 'num_retries')?.value,
    );
    if (retries !== undefined) config.routerSettings.numRetries = retries;
    const timeout = reader.number(reader.get(router.value, 'timeout')?.value);
    if (timeout !== undefined) config.routerSettings.timeout = timeout;
  }

  const general = reader.get(root, 'general_settings')?.value ?? null;
  const masterKey = reader.get(general, 'master_key');
  if (masterKey && reader.isSet(masterKey.value)) {
    config.masterKey = secretRefOf(
      reader.text(masterKey.value) ?? '',
      masterKey.line,
    );
  }
  const databaseUrl = reader.get(general, 'database_url');
  if (databaseUrl && reader.isSet(databaseUrl.value)) {
    config.databaseUrl = secretRefOf(
      reader.text(databaseUrl.value) ?? '',
      databaseUrl.line,
    );
  }

  const include = reader.get(root, 'include');
  for (const item of reader.items(include?.value)) {
    const path = reader.text(item);
    if (path) config.includes.push({ path, line: reader.line(item) });
  }

  return { config, diagnostics: sink.diagnostics };
}

function secretRefOf(text: string, line: number): SecretRef {
  const value = text.trim();
  if (value.startsWith(ENV_PREFIX))
    return { kind: 'env', name: value.slice(ENV_PREFIX.length), line };
  if (TEMPLATE_RE.test(value)) return { kind: 'template', line };
  return { kind: 'literal', line };
}

/**
 * One pass over every scalar (aliases not followed, so linear in the file): collects
 * `os.environ/NAME` references and warns about secrets written literally — a secret-looking
 * key with a plain value, or a password inside a URL. Messages never quote the value.
 */
function scanValues(
  reader: YamlReader,
  sink: DiagnosticSink,
): LiteLlmEnvReference[] {
  const references: LiteLlmEnvReference[] = [];
  visit(reader.yaml.document, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const path: string[] = [];
      for (const ancestor of ancestors) {
        if (isPair(ancestor) && isScalar(ancestor.key))
          path.push(String(ancestor.key.value));
      }
      const setting = path.join('.');
      const name = path[path.length - 1] ?? '';
      const value = node.value.trim();
      const line = reader.line(node);
      if (value.startsWith(ENV_PREFIX)) {
        references.push({
          name: value.slice(ENV_PREFIX.length),
          setting,
          line,
        });
      } else if (
        value === '' ||
        TEMPLATE_RE.test(value) ||
        PLACEHOLDER_KEY_RE.test(value)
      ) {
        // Nothing secret: empty, a dummy key, or filled in by a template before LiteLLM reads it.
      } else if (URL_CREDENTIALS_RE.test(value)) {
        sink.warning(
          line,
          'credentials-in-url',
          `${setting} carries a password inside the URL; use os.environ/NAME so the secret stays out of git`,
        );
      } else if (
        looksLikeSecretName(name) &&
        !(CONNECTION_NAME_RE.test(name) && URL_RE.test(value))
      ) {
        // A connection URL (`redis_url`) looks secret for the password it may hold; without one it is an address.
        sink.warning(
          line,
          'literal-secret',
          `${setting} is written literally in the file; use os.environ/NAME so the secret stays out of git`,
        );
      }
    },
  });
  return references;
}

function readDeployments(
  reader: YamlReader,
  root: Node | null,
  sink: DiagnosticSink,
): LiteLlmDeployment[] {
  const list = reader.get(root, 'model_list');
  if (!list) return [];
  if (reader.isSet(list.value) && !reader.isSeq(list.value)) {
    sink.error(
      list.line,
      'invalid-value',
      'model_list must be a list of models',
    );
    return [];
  }
  const deployments: LiteLlmDeployment[] = [];
  for (const item of reader.items(list.value)) {
    const line = reader.line(item);
    if (!reader.isMap(item)) {
      sink.error(
        line,
        'invalid-value',
        'each model_list entry must be a mapping with model_name and litellm_params',
      );
      continue;
    }
    const nameEntry = reader.get(item, 'model_name');
    const alias = reader.text(nameEntry?.value);
    if (!alias) {
      sink.error(
        line,
        'missing-model-name',
        'a model_list entry has no model_name, so no caller can reach it',
      );
      continue;
    }
    const deployment: LiteLlmDeployment = {
      alias,
      line: nameEntry?.line ?? line,
    };
    const params = reader.get(item, 'litellm_params');
    const modelEntry = reader.get(params?.value, 'model');
    const model = reader.text(modelEntry?.value);
    if (!model) {
      sink.error(
        params?.line ?? deployment.line,
        'missing-model',
        `model "${alias}" has no litellm_params.model, so LiteLLM cannot route it`,
      );
    } else {
      const slash = model.indexOf('/');
      const customProvider = reader.text(
        reader.get(params?.value, 'custom_llm_provider')?.value,
      );
      deployment.target =
        slash > 0
          ? {
              raw: model,
              provider: customProvider ?? model.slice(0, slash),
              model: model.slice(slash + 1),
            }
          : { raw: model, model };
      if (slash <= 0 && customProvider)
        deployment.target.provider = customProvider;
    }
    const apiBase = reader.get(params?.value, 'api_base');
    const apiBaseText = reader.text(apiBase?.value);
    if (apiBase && apiBaseText) {
      if (apiBaseText.startsWith(ENV_PREFIX)) {
        deployment.apiBase = {
          env: apiBaseText.slice(ENV_PREFIX.length),
          line: apiBase.line,
        };
      } else {
        deployment.apiBase = { line: apiBase.line };
        const endpoint = parseEndpoint(apiBaseText);
        if (endpoint) deployment.apiBase.endpoint = endpoint;
        else if (!TEMPLATE_RE.test(apiBaseText)) {
          sink.warning(
            apiBase.line,
            'invalid-api-base',
            `model "${alias}": api_base is not a URL`,
          );
        }
      }
    }
    const apiKey = reader.get(params?.value, 'api_key');
    if (apiKey && reader.isSet(apiKey.value)) {
      deployment.apiKey = secretRefOf(
        reader.text(apiKey.value) ?? '',
        apiKey.line,
      );
    }
    const id = reader.text(
      reader.get(reader.get(item, 'model_info')?.value, 'id')?.value,
    );
    if (id !== undefined) deployment.id = id;
    deployments.push(deployment);
  }
  return deployments;
}

function readFallbacks(
  reader: YamlReader,
  root: Node | null,
): LiteLlmFallback[] {
  const fallbacks: LiteLlmFallback[] = [];
  for (const section of ['router_settings', 'litellm_settings'] as const) {
    const settings = reader.get(root, section)?.value ?? null;
    for (const kind of FALLBACK_KINDS) {
      for (const item of reader.items(reader.get(settings, kind)?.value)) {
        for (const entry of reader.entries(item)) {
          const targets = reader.isSeq(entry.value)
            ? reader
                .items(entry.value)
                .flatMap(target => reader.text(target) ?? [])
            : [reader.text(entry.value)].filter(
                (target): target is string => !!target,
              );
          fallbacks.push({
            kind,
            section,
            from: entry.key,
            to: targets,
            line: entry.line,
          });
        }
      }
    }
    const defaults = reader.get(settings, 'default_fallbacks');
    if (defaults) {
      fallbacks.push({
        kind: 'default_fallbacks',
        section,
        to: reader
          .items(defaults.value)
          .flatMap(target => reader.text(target) ?? []),
        line: defaults.line,
      });
    }
  }
  return fallbacks;
}

/** Wildcard model names (`openai/*`, `*`) accept any matching alias. */
function aliasMatcher(aliases: readonly string[]): (name: string) => boolean {
  const exact = new Set(aliases);
  const patterns = aliases
    .filter(alias => alias.includes('*'))
    .map(
      alias =>
        new RegExp(
          `^${alias
            .split('*')
            .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
        ),
    );
  return name =>
    exact.has(name) || patterns.some(pattern => pattern.test(name));
}

function checkFallbacks(config: LiteLlmConfig, sink: DiagnosticSink): void {
  const known = aliasMatcher(config.aliases);
  for (const fallback of config.fallbacks) {
    const names =
      fallback.from === undefined
        ? fallback.to
        : [fallback.from, ...fallback.to];
    for (const name of new Set(names)) {
      if (!known(name)) {
        sink.warning(
          fallback.line,
          'unknown-fallback-model',
          `${fallback.section}.${fallback.kind} names "${name}", which is not a model_name in model_list`,
        );
      }
    }
  }
}
