import type { Diagnostic } from '../diagnostic';
import { isLoopbackHost, looksLikeSecretName } from '../formats/common';
import { readLiteLlm, type LiteLlmDeployment } from '../formats/litellm';
import { readLlamaSwap, type CommandFlag } from '../formats/llama-swap';
import type { ConfigFile } from './configFiles';
import { redactAssignment } from './redact';
import type { ServerIndex } from './serverIndex';
import type {
  AliasDeployment,
  AliasResolution,
  LocalModel,
  ModelAlias,
  ModelCmdArg,
  UnitLink,
} from './types';
import type { UnitDirectory } from './unitDirectory';

const LLAMA_SWAP_IMAGE = /llama-swap/;
const LITELLM_IMAGE = /litellm/;

/** Providers LiteLLM reaches on the internet when no `api_base` says otherwise. */
const CLOUD_PROVIDERS = new Set([
  'openai',
  'anthropic',
  'azure',
  'azure_ai',
  'bedrock',
  'vertex_ai',
  'vertex_ai_beta',
  'gemini',
  'openrouter',
  'mistral',
  'groq',
  'cohere',
  'cohere_chat',
  'deepseek',
  'xai',
  'together_ai',
  'fireworks_ai',
  'perplexity',
  'huggingface',
  'replicate',
  'cerebras',
  'sambanova',
  'deepinfra',
  'anyscale',
  'voyage',
  'ai21',
  'nvidia_nim',
  'cloudflare',
  'databricks',
  'watsonx',
  'sagemaker',
  'text-completion-openai',
  'dashscope',
  'moonshot',
]);

/** What LiteLLM infers for a model named without a provider prefix. */
function inferredProvider(model: string): string | undefined {
  if (/^(gpt-|o\d|chatgpt|text-embedding|dall-e|whisper|tts-)/.test(model))
    return 'openai';
  if (/^claude/.test(model)) return 'anthropic';
  if (/^gemini/.test(model)) return 'gemini';
  if (/^(mistral|mixtral|codestral|open-mistral)/.test(model)) return 'mistral';
  if (/^command/.test(model)) return 'cohere';
  return undefined;
}

/**
 * A flag with its value, as the model may carry it: none for a secret-looking flag
 * (`--api-key`, `--hf-token`), credentials taken out of URLs and `name=value` words.
 */
function cmdArg({ flag, value }: CommandFlag): ModelCmdArg {
  if (value === true || looksLikeSecretName(flag.replace(/^-+/, '')))
    return { flag };
  return { flag, value: redactAssignment(value) };
}

export interface ModelsResult {
  models: LocalModel[];
  aliases: ModelAlias[];
  diagnostics: (Diagnostic & { tree: string })[];
}

/**
 * llama-swap models with the container serving them, and LiteLLM aliases resolved through
 * `api_base` to a llama-swap model (by id or alias) of the container it reaches, or to a
 * cloud provider.
 */
export function readModels(
  configs: readonly ConfigFile[],
  servers: ServerIndex,
  directory: UnitDirectory,
): ModelsResult {
  const diagnostics: ModelsResult['diagnostics'] = [];
  const models: LocalModel[] = [];
  for (const { tree, file } of configs.filter(c => c.kind === 'llama-swap')) {
    const { config, diagnostics: found } = readLlamaSwap({
      path: file.path,
      content: file.source.content,
    });
    diagnostics.push(...found.map(d => ({ ...d, tree: tree.name })));
    const server = servers.serverOf(tree.name, file.path, LLAMA_SWAP_IMAGE);
    for (const model of config.models) {
      const local: LocalModel = {
        id: model.id,
        aliases: model.aliases.map(a => a.id),
        groups: model.group !== undefined ? [model.group] : [],
        cmdFlags: model.cmd ? model.cmd.flagList.map(f => f.flag) : [],
        cmdArgs: model.cmd ? model.cmd.flagList.map(cmdArg) : [],
        source: {
          tree: tree.name,
          path: file.path,
          line: Math.max(1, model.line),
        },
        config: { tree: tree.name, path: file.path },
        decisions: [],
      };
      if (model.name !== undefined) local.displayName = model.name;
      if (!model.ttl.defaulted) local.ttl = model.ttl.value;
      if (!model.proxy.defaulted) {
        local.proxy = model.proxy.endpoint?.url ?? model.proxy.expanded;
        local.proxyLine = model.proxy.line;
      }
      if (model.cmd) local.cmdLine = model.cmd.line;
      const modelPath = model.cmd?.flags['--model'] ?? model.cmd?.flags['-m'];
      if (typeof modelPath === 'string') local.modelPath = modelPath;
      if (server) local.server = server;
      models.push(local);
    }
  }

  const servedBy = new Map<string, LocalModel[]>();
  for (const model of models) {
    const key = model.server?.id ?? '';
    const list = servedBy.get(key);
    if (list) list.push(model);
    else servedBy.set(key, [model]);
  }

  const aliases: ModelAlias[] = [];
  for (const { tree, file } of configs.filter(c => c.kind === 'litellm')) {
    const { config, diagnostics: found } = readLiteLlm({
      path: file.path,
      content: file.source.content,
    });
    diagnostics.push(...found.map(d => ({ ...d, tree: tree.name })));
    const gateway = servers.serverOf(tree.name, file.path, LITELLM_IMAGE);
    const byName = new Map<string, ModelAlias>();
    for (const deployment of config.deployments) {
      let alias = byName.get(deployment.alias);
      if (!alias) {
        alias = {
          name: deployment.alias,
          deployments: [],
          resolved: true,
          fallbacks: [],
          config: { tree: tree.name, path: file.path },
          source: {
            tree: tree.name,
            path: file.path,
            line: Math.max(1, deployment.line),
          },
          decisions: [],
        };
        if (gateway) alias.gateway = gateway;
        byName.set(deployment.alias, alias);
        aliases.push(alias);
      }
      const resolved = deploymentOf(
        deployment,
        tree.name,
        file.path,
        directory,
        servedBy,
        models,
      );
      alias.deployments.push(resolved);
      if (resolved.resolution.kind === 'unresolved') alias.resolved = false;
    }
    for (const fallback of config.fallbacks) {
      const targets =
        fallback.from === undefined
          ? [...byName.values()]
          : [byName.get(fallback.from)].filter(Boolean);
      for (const alias of targets as ModelAlias[]) {
        for (const to of fallback.to)
          if (!alias.fallbacks.includes(to)) alias.fallbacks.push(to);
      }
    }
  }
  return { models, aliases, diagnostics };
}

function deploymentOf(
  deployment: LiteLlmDeployment,
  tree: string,
  path: string,
  directory: UnitDirectory,
  servedBy: Map<string, LocalModel[]>,
  allModels: LocalModel[],
): AliasDeployment {
  const model = deployment.target?.raw ?? '';
  const provider =
    deployment.target?.provider ??
    inferredProvider(deployment.target?.model ?? '');
  const out: AliasDeployment = {
    model,
    envNames: [],
    resolution: { kind: 'unresolved', reason: 'no litellm_params.model' },
    source: { tree, path, line: Math.max(1, deployment.line) },
  };
  if (provider !== undefined) out.provider = provider;
  if (deployment.apiKey?.kind === 'env')
    out.envNames.push(deployment.apiKey.name);
  if (deployment.apiBase?.env) out.envNames.push(deployment.apiBase.env);
  if (deployment.apiBase?.endpoint)
    out.apiBase = deployment.apiBase.endpoint.url;
  if (!deployment.target) return out;
  out.resolution = resolveDeployment(
    deployment,
    provider,
    directory,
    servedBy,
    allModels,
  );
  return out;
}

function resolveDeployment(
  deployment: LiteLlmDeployment,
  provider: string | undefined,
  directory: UnitDirectory,
  servedBy: Map<string, LocalModel[]>,
  allModels: LocalModel[],
): AliasResolution {
  const target = deployment.target!;
  const endpoint = deployment.apiBase?.endpoint;
  if (deployment.apiBase?.env) {
    return { kind: 'endpoint', url: `os.environ/${deployment.apiBase.env}` };
  }
  if (!endpoint) {
    if (provider !== undefined && CLOUD_PROVIDERS.has(provider))
      return { kind: 'cloud', provider };
    return {
      kind: 'unresolved',
      reason: provider
        ? `provider ${provider} needs an api_base`
        : `cannot tell the provider of ${target.raw}`,
    };
  }
  const server = serverAt(endpoint.host, endpoint.port, directory);
  const served = server ? servedBy.get(server.id) : undefined;
  if (server && served) {
    const byId = served.find(m => m.id === target.model);
    if (byId) return { kind: 'local', model: byId.id, via: 'id', server };
    const byAlias = served.find(m => m.aliases.includes(target.model));
    if (byAlias)
      return { kind: 'local', model: byAlias.id, via: 'alias', server };
    return {
      kind: 'unresolved',
      reason: `${server.name} serves no llama-swap model or alias named ${target.model}`,
    };
  }
  // llama-swap outside any container the box defines (on the host): match by model name only.
  if (
    !server &&
    (isLoopbackHost(endpoint.host) ||
      endpoint.host === 'host.containers.internal')
  ) {
    const unserved = allModels.filter(m => m.server === undefined);
    const local =
      unserved.find(m => m.id === target.model) ??
      unserved.find(m => m.aliases.includes(target.model));
    if (local)
      return {
        kind: 'local',
        model: local.id,
        via: local.id === target.model ? 'id' : 'alias',
      };
  }
  if (server) return { kind: 'endpoint', url: endpoint.url };
  if (isPublicHost(endpoint.host))
    return { kind: 'endpoint', url: endpoint.url };
  return {
    kind: 'unresolved',
    reason: `api_base host ${endpoint.host} is no container of the box`,
  };
}

/** The container an `api_base` reaches: by name on the container network, or by published host port. */
function serverAt(
  host: string,
  port: number | undefined,
  directory: UnitDirectory,
): UnitLink | undefined {
  const named = directory.containersNamed(host)[0];
  if (named)
    return { id: named.unit.id, name: named.unit.name, reason: 'api-base' };
  if (
    (isLoopbackHost(host) || host === 'host.containers.internal') &&
    port !== undefined
  ) {
    const published = directory.containersPublishing(port)[0];
    if (published)
      return { id: published.id, name: published.name, reason: 'api-base' };
  }
  return undefined;
}

function isPublicHost(host: string): boolean {
  return (
    host.includes('.') &&
    !/^\d+\.\d+\.\d+\.\d+$/.test(host) &&
    !/\.(internal|local|lan|localhost)$/.test(host)
  );
}
