import { isMap, isSeq, Node } from 'yaml';
import { Diagnostic } from '../../diagnostic';
import { DiagnosticSink } from '../common/diagnosticSink';
import { parseEndpoint } from '../common/endpoint';
import { looksLikeSecretName } from '../common/secretNames';
import { SecretRef } from '../common/secretRef';
import { YamlEntry, YamlReader } from '../common/yamlReader';
import { flagMap, readFlags, splitCommand, stripCommentLines } from './command';
import {
  effectiveMacros,
  envReferences,
  expandMacros,
  LlamaSwapMacro,
  MACRO_NAME_RE,
  macroReferences,
  RESERVED_MACROS,
} from './macros';
import { LlamaSwapDocument } from './parse';
import { readRouting } from './routing';
import {
  LlamaSwapAlias,
  LlamaSwapCommand,
  LlamaSwapConfig,
  LlamaSwapEnvEntry,
  LlamaSwapModel,
  LlamaSwapPeer,
  LlamaSwapSetting,
} from './types';

export interface LlamaSwapModelResult {
  config: LlamaSwapConfig;
  diagnostics: Diagnostic[];
}

const DEFAULT_PROXY = 'http://localhost:${PORT}';
const PORT_MACRO = '${PORT}';
const LOG_LEVELS = new Set(['debug', 'info', 'warn', 'error']);

const TOP_LEVEL_KEYS = new Set([
  'healthCheckTimeout',
  'logRequests',
  'logLevel',
  'logTimeFormat',
  'logToStdout',
  'metricsMaxInMemory',
  'captureBuffer',
  'globalTTL',
  'models',
  'profiles',
  'groups',
  'matrix',
  'routing',
  'macros',
  'startPort',
  'hooks',
  'sendLoadingState',
  'includeAliasesInList',
  'apiKeys',
  'peers',
]);

const MODEL_KEYS = new Set([
  'cmd',
  'cmdStop',
  'proxy',
  'aliases',
  'env',
  'checkEndpoint',
  'ttl',
  'unlisted',
  'useModelName',
  'name',
  'description',
  'filters',
  'macros',
  'metadata',
  'concurrencyLimit',
  'sendLoadingState',
  'timeouts',
]);

/** A model after the first pass: macros expanded, `${PORT}` not yet assigned. */
interface Draft {
  model: LlamaSwapModel;
  cmd?: { raw: string; text: string; line: number };
  cmdStop?: { raw: string; text: string; line: number };
  proxyText: string;
  checkEndpoint?: string;
  name?: string;
  description?: string;
}

/**
 * Turns a parsed `llama-swap.yaml` into typed facts and the diagnostics llama-swap itself
 * would raise at load time (plus a few it silently tolerates). Never throws.
 */
export function modelLlamaSwap(
  document: LlamaSwapDocument,
): LlamaSwapModelResult {
  const reader = new YamlReader(document.yaml);
  const sink = new DiagnosticSink(document.yaml.file, 'llama-swap');
  const root = reader.root();

  const config: LlamaSwapConfig = {
    file: document.yaml.file,
    healthCheckTimeout: { value: 120, line: 0, defaulted: true },
    logLevel: { value: 'info', line: 0, defaulted: true },
    startPort: { value: 5800, line: 0, defaulted: true },
    globalTTL: { value: 0, line: 0, defaulted: true },
    macros: [],
    models: [],
    routing: { form: 'none', router: 'group', line: 0, groups: [] },
    preload: [],
    peers: [],
    apiKeys: [],
    envReferences: scanEnvReferences(document.yaml.text),
  };

  if (root !== null && !isMap(root)) {
    sink.error(
      reader.line(root),
      'not-a-mapping',
      'llama-swap expects a mapping of settings at the top of the file',
    );
    return { config, diagnostics: sink.diagnostics };
  }

  for (const entry of reader.entries(root)) {
    if (!TOP_LEVEL_KEYS.has(entry.key)) {
      sink.info(
        entry.line,
        'unknown-key',
        `llama-swap does not know the setting "${entry.key}" and ignores it`,
      );
    }
  }

  config.healthCheckTimeout = readNumberSetting(
    reader,
    root,
    'healthCheckTimeout',
    120,
    sink,
  );
  if (config.healthCheckTimeout.value < 15) {
    sink.info(
      config.healthCheckTimeout.line,
      'health-check-timeout-raised',
      'llama-swap raises healthCheckTimeout below 15 seconds to 15',
    );
    config.healthCheckTimeout = { ...config.healthCheckTimeout, value: 15 };
  }
  config.startPort = readNumberSetting(reader, root, 'startPort', 5800, sink);
  if (config.startPort.value < 1) {
    sink.error(
      config.startPort.line,
      'invalid-value',
      'startPort must be greater than 1; llama-swap refuses the file',
    );
  }
  config.globalTTL = readNumberSetting(reader, root, 'globalTTL', 0, sink);
  if (config.globalTTL.value < 0) {
    sink.error(
      config.globalTTL.line,
      'invalid-value',
      'globalTTL must be 0 or more; llama-swap refuses the file',
    );
  }
  const logLevel = reader.get(root, 'logLevel');
  if (logLevel) {
    const value = reader.text(logLevel.value) ?? '';
    config.logLevel = { value, line: logLevel.line, defaulted: false };
    if (!LOG_LEVELS.has(value)) {
      sink.warning(
        logLevel.line,
        'invalid-value',
        `logLevel "${value}" is not one of debug, info, warn, error`,
      );
    }
  }

  config.macros = readMacros(
    reader,
    reader.get(root, 'macros'),
    sink,
    'macros',
  );

  const drafts: Draft[] = [];
  const seenIds = new Set<string>();
  const modelsEntry = reader.get(root, 'models');
  if (!modelsEntry) {
    sink.warning(
      0,
      'no-models',
      'the file defines no models, so llama-swap has nothing to serve',
    );
  } else if (
    reader.isSet(modelsEntry.value) &&
    !reader.isMap(modelsEntry.value)
  ) {
    sink.error(
      modelsEntry.line,
      'invalid-value',
      'models must be a mapping from model id to settings',
    );
  }
  for (const entry of reader.entries(modelsEntry?.value)) {
    // A repeated id is already reported by the parser; the first definition is the one modelled.
    if (seenIds.has(entry.key)) continue;
    seenIds.add(entry.key);
    drafts.push(readModel(reader, entry, config.macros, sink));
  }

  assignPorts(drafts, config.startPort.value);
  config.models = drafts.map(draft => finishModel(draft, sink));
  checkAliases(config.models, sink);

  const modelIds = new Set(config.models.map(model => model.id));
  config.routing = readRouting(reader, root, modelIds, sink);
  const modelsById = new Map(config.models.map(model => [model.id, model]));
  for (const group of config.routing.groups) {
    for (const member of group.members) {
      const model = modelsById.get(member.id);
      if (model && model.group === undefined) model.group = group.id;
    }
  }

  config.preload = readPreload(reader, root, config.models, sink);
  config.apiKeys = reader
    .items(reader.get(root, 'apiKeys')?.value)
    .map(item =>
      secretRefOf(
        reader.text(item) ?? '',
        reader.line(item),
        'apiKeys entry',
        sink,
      ),
    );
  config.peers = readPeers(reader, root, sink);

  return { config, diagnostics: sink.diagnostics };
}

function readNumberSetting(
  reader: YamlReader,
  root: Node | null,
  key: string,
  fallback: number,
  sink: DiagnosticSink,
): LlamaSwapSetting<number> {
  const entry = reader.get(root, key);
  if (!entry) return { value: fallback, line: 0, defaulted: true };
  const value = reader.number(entry.value);
  if (value === undefined || !Number.isInteger(value)) {
    sink.error(
      entry.line,
      'invalid-value',
      `${key} must be a whole number; llama-swap refuses the file`,
    );
    return { value: fallback, line: entry.line, defaulted: true };
  }
  return { value, line: entry.line, defaulted: false };
}

function readMacros(
  reader: YamlReader,
  entry: YamlEntry | undefined,
  sink: DiagnosticSink,
  where: string,
): LlamaSwapMacro[] {
  if (!entry) return [];
  if (reader.isSet(entry.value) && !reader.isMap(entry.value)) {
    sink.error(
      entry.line,
      'invalid-macro',
      `${where} must be a mapping of macro names to values`,
    );
    return [];
  }
  const macros: LlamaSwapMacro[] = [];
  for (const macro of reader.entries(entry.value)) {
    const resolved = reader.resolve(macro.value);
    if (isMap(resolved) || isSeq(resolved)) {
      sink.error(
        macro.line,
        'invalid-macro',
        `macro "${macro.key}" must be a string, number or boolean`,
      );
      continue;
    }
    // Go prints the decoded value with %v: numbers lose their YAML spelling (1.50 → 1.5).
    const plain = reader.plain(resolved);
    const value = plain === null || plain === undefined ? '' : String(plain);
    const problem = macroProblem(macro.key, value);
    if (problem) {
      // Left out of the list: llama-swap refuses the file, and expanding it would hide other errors.
      sink.error(macro.line, 'invalid-macro', problem);
      continue;
    }
    macros.push({ name: macro.key, value, line: macro.line });
  }
  return macros;
}

function macroProblem(name: string, value: string): string | undefined {
  if (name.length >= 64)
    return `macro name "${name}" is longer than 63 characters`;
  if (!MACRO_NAME_RE.test(name))
    return `macro name "${name}" may only use letters, digits, "_" and "-"`;
  if (RESERVED_MACROS.has(name))
    return `macro name "${name}" is reserved by llama-swap`;
  if (value.includes(`\${${name}}`)) return `macro "${name}" refers to itself`;
  if (value.length >= 1024)
    return `macro "${name}" is longer than 1023 characters`;
  return undefined;
}

function readModel(
  reader: YamlReader,
  entry: YamlEntry,
  globalMacros: readonly LlamaSwapMacro[],
  sink: DiagnosticSink,
): Draft {
  const node = entry.value;
  const model: LlamaSwapModel = {
    id: entry.key,
    line: entry.line,
    proxy: {
      raw: DEFAULT_PROXY,
      expanded: DEFAULT_PROXY,
      defaulted: true,
      line: entry.line,
    },
    ttl: { value: -1, line: 0, defaulted: true },
    aliases: [],
    env: [],
    unlisted: false,
    macros: [],
  };
  if (!reader.isMap(node)) {
    sink.error(
      entry.line,
      'invalid-value',
      `model "${entry.key}" must be a mapping of settings`,
    );
    return { model, proxyText: DEFAULT_PROXY };
  }
  for (const setting of reader.entries(node)) {
    if (!MODEL_KEYS.has(setting.key)) {
      sink.info(
        setting.line,
        'unknown-key',
        `model "${entry.key}": llama-swap does not know "${setting.key}" and ignores it`,
      );
    }
  }

  model.macros = readMacros(
    reader,
    reader.get(node, 'macros'),
    sink,
    `model "${entry.key}" macros`,
  );
  const macros = effectiveMacros(entry.key, globalMacros, model.macros);
  const text = (key: string): { raw: string; line: number } | undefined => {
    const setting = reader.get(node, key);
    if (!setting || !reader.isSet(setting.value)) return undefined;
    const raw = reader.text(setting.value);
    if (raw === undefined) {
      sink.error(
        setting.line,
        'invalid-value',
        `model "${entry.key}": ${key} must be text`,
      );
      return undefined;
    }
    return { raw, line: setting.line };
  };
  const expand = (raw: string) => expandMacros(stripCommentLines(raw), macros);

  const draft: Draft = { model, proxyText: DEFAULT_PROXY };
  const cmd = text('cmd');
  if (cmd) {
    draft.cmd = { raw: cmd.raw, text: expand(cmd.raw), line: cmd.line };
  } else {
    sink.error(
      entry.line,
      'missing-cmd',
      `model "${entry.key}" has no cmd; llama-swap cannot start it`,
    );
  }
  const cmdStop = text('cmdStop');
  if (cmdStop)
    draft.cmdStop = {
      raw: cmdStop.raw,
      text: expand(cmdStop.raw),
      line: cmdStop.line,
    };

  const proxy = text('proxy');
  if (proxy) {
    model.proxy = {
      raw: proxy.raw,
      expanded: proxy.raw,
      defaulted: false,
      line: proxy.line,
    };
    draft.proxyText = expandMacros(proxy.raw, macros);
  } else {
    draft.proxyText = expandMacros(DEFAULT_PROXY, macros);
  }

  const checkEndpoint = text('checkEndpoint');
  if (checkEndpoint)
    draft.checkEndpoint = expandMacros(checkEndpoint.raw, macros);
  const name = text('name');
  if (name) draft.name = expandMacros(name.raw, macros);
  const description = text('description');
  if (description) draft.description = expandMacros(description.raw, macros);
  const useModelName = text('useModelName');
  if (useModelName) model.useModelName = useModelName.raw;

  const ttl = reader.get(node, 'ttl');
  if (ttl) {
    const value = reader.number(ttl.value);
    if (value === undefined || !Number.isInteger(value) || value < -1) {
      sink.error(
        ttl.line,
        'invalid-ttl',
        `model "${entry.key}": ttl must be a whole number of seconds, 0 (never unload) or -1 (global TTL)`,
      );
    } else {
      model.ttl = { value, line: ttl.line, defaulted: value === -1 };
    }
  }
  const unlisted = reader.get(node, 'unlisted');
  if (unlisted) model.unlisted = reader.boolean(unlisted.value) ?? false;
  const concurrency = reader.get(node, 'concurrencyLimit');
  if (concurrency) {
    const value = reader.number(concurrency.value);
    if (value !== undefined) model.concurrencyLimit = value;
  }

  model.aliases = readAliases(
    reader,
    reader.get(node, 'aliases'),
    entry.key,
    sink,
  );
  model.env = readEnv(reader, reader.get(node, 'env'), entry.key, sink);
  return draft;
}

function readAliases(
  reader: YamlReader,
  entry: YamlEntry | undefined,
  modelId: string,
  sink: DiagnosticSink,
): LlamaSwapAlias[] {
  if (!entry) return [];
  const aliases: LlamaSwapAlias[] = [];
  for (const item of reader.items(entry.value)) {
    const line = reader.line(item);
    if (reader.isMap(item)) {
      const id = reader.text(reader.get(item, 'id')?.value);
      if (!id) {
        sink.error(
          line,
          'invalid-value',
          `model "${modelId}": an alias written as a mapping needs an id`,
        );
        continue;
      }
      const alias: LlamaSwapAlias = { id, line };
      const name = reader.text(reader.get(item, 'name')?.value);
      if (name !== undefined) alias.name = name;
      const unlisted = reader.boolean(reader.get(item, 'unlisted')?.value);
      if (unlisted !== undefined) alias.unlisted = unlisted;
      aliases.push(alias);
    } else {
      const id = reader.text(item);
      if (id) aliases.push({ id, line });
    }
  }
  return aliases;
}

function readEnv(
  reader: YamlReader,
  entry: YamlEntry | undefined,
  modelId: string,
  sink: DiagnosticSink,
): LlamaSwapEnvEntry[] {
  if (!entry) return [];
  const env: LlamaSwapEnvEntry[] = [];
  for (const item of reader.items(entry.value)) {
    const text = reader.text(item) ?? '';
    const line = reader.line(item);
    const equals = text.indexOf('=');
    if (equals <= 0) {
      sink.warning(
        line,
        'invalid-env',
        `model "${modelId}": env entries are written NAME=value`,
      );
      continue;
    }
    const name = text.slice(0, equals);
    const variable: LlamaSwapEnvEntry = { name, line };
    if (!looksLikeSecretName(name)) variable.value = text.slice(equals + 1);
    env.push(variable);
  }
  return env;
}

/**
 * llama-swap hands out `${PORT}` values from startPort upwards, one per model whose cmd
 * uses it, in sorted model-id order.
 */
function assignPorts(drafts: Draft[], startPort: number): void {
  let next = startPort;
  // Go's sort.Strings orders bytes; for the ASCII ids models use, code-unit order is the same.
  const sorted = [...drafts].sort((a, b) => {
    if (a.model.id === b.model.id) return 0;
    return a.model.id < b.model.id ? -1 : 1;
  });
  for (const draft of sorted) {
    if (draft.cmd?.text.includes(PORT_MACRO)) {
      draft.model.port = next++;
    }
  }
}

function finishModel(draft: Draft, sink: DiagnosticSink): LlamaSwapModel {
  const { model } = draft;
  const port = model.port === undefined ? undefined : String(model.port);
  const withPort = (text: string) =>
    port === undefined ? text : text.split(PORT_MACRO).join(port);

  if (
    draft.proxyText.includes(PORT_MACRO) &&
    model.port === undefined &&
    draft.cmd
  ) {
    sink.error(
      model.proxy.line,
      'port-in-proxy-only',
      model.proxy.defaulted
        ? `model "${model.id}" sets no proxy, so llama-swap uses ${DEFAULT_PROXY}, but its cmd does not use \${PORT}; set proxy to the port the server listens on`
        : `model "${model.id}": proxy uses \${PORT} but cmd does not; llama-swap refuses the file`,
    );
  }

  if (draft.cmd)
    model.cmd = command(
      draft.cmd,
      withPort(draft.cmd.text),
      model.id,
      'cmd',
      sink,
    );
  if (draft.cmdStop) {
    model.cmdStop = command(
      draft.cmdStop,
      withPort(draft.cmdStop.text),
      model.id,
      'cmdStop',
      sink,
    );
  }
  model.proxy.expanded = withPort(draft.proxyText);
  const endpoint = parseEndpoint(model.proxy.expanded);
  if (endpoint) model.proxy.endpoint = endpoint;
  reportUnknownMacros(
    model.proxy.expanded,
    model,
    'proxy',
    model.proxy.line,
    sink,
  );
  if (draft.checkEndpoint !== undefined) {
    model.checkEndpoint = draft.checkEndpoint;
    reportUnknownMacros(
      draft.checkEndpoint,
      model,
      'checkEndpoint',
      model.line,
      sink,
    );
  }
  if (draft.name !== undefined) model.name = withPort(draft.name);
  if (draft.description !== undefined)
    model.description = withPort(draft.description);
  return model;
}

function command(
  source: { raw: string; line: number },
  expanded: string,
  modelId: string,
  field: 'cmd' | 'cmdStop',
  sink: DiagnosticSink,
): LlamaSwapCommand {
  const names = macroReferences(expanded).filter(
    name => !(field === 'cmdStop' && name === 'PID'),
  );
  for (const name of new Set(names)) {
    sink.error(
      source.line,
      'unknown-macro',
      `unknown macro "\${${name}}" in ${modelId}.${field}; llama-swap refuses the file`,
    );
  }
  const split = splitCommand(expanded);
  if (split.error) {
    sink.error(
      source.line,
      'unterminated-quote',
      `model "${modelId}": in ${field}, ${split.error}`,
    );
  }
  if (split.argv.length === 0) {
    sink.error(
      source.line,
      'empty-command',
      `model "${modelId}": ${field} is empty`,
    );
  }
  const flagList = readFlags(split.argv);
  const result: LlamaSwapCommand = {
    raw: source.raw,
    expanded,
    argv: split.argv,
    flags: flagMap(flagList),
    flagList,
    line: source.line,
  };
  if (split.argv.length > 0) result.program = split.argv[0];
  return result;
}

function reportUnknownMacros(
  text: string,
  model: LlamaSwapModel,
  field: string,
  line: number,
  sink: DiagnosticSink,
): void {
  for (const name of new Set(macroReferences(text))) {
    if (name === 'PORT') continue; // reported as port-in-proxy-only
    sink.error(
      line,
      'unknown-macro',
      `unknown macro "\${${name}}" in ${model.id}.${field}; llama-swap refuses the file`,
    );
  }
}

/** Aliases are global: one alias may point at one model only, and a model id hides an alias. */
function checkAliases(
  models: readonly LlamaSwapModel[],
  sink: DiagnosticSink,
): void {
  const owner = new Map<string, string>();
  const ids = new Set(models.map(model => model.id));
  for (const model of models) {
    for (const alias of model.aliases) {
      const previous = owner.get(alias.id);
      if (previous !== undefined) {
        sink.error(
          alias.line,
          'duplicate-alias',
          `alias "${alias.id}" of model "${model.id}" is already an alias of "${previous}"; llama-swap refuses the file`,
        );
        continue;
      }
      owner.set(alias.id, model.id);
      if (ids.has(alias.id)) {
        sink.warning(
          alias.line,
          'alias-shadowed',
          `alias "${alias.id}" of model "${model.id}" is also a model id; requests for it reach that model, never this alias`,
        );
      }
    }
  }
}

function readPreload(
  reader: YamlReader,
  root: Node | null,
  models: readonly LlamaSwapModel[],
  sink: DiagnosticSink,
): { id: string; line: number }[] {
  const startup = reader.get(reader.get(root, 'hooks')?.value, 'on_startup');
  const known = new Set(
    models.flatMap(model => [
      model.id,
      ...model.aliases.map(alias => alias.id),
    ]),
  );
  const preload: { id: string; line: number }[] = [];
  for (const item of reader.items(
    reader.get(startup?.value, 'preload')?.value,
  )) {
    const id = (reader.text(item) ?? '').trim();
    if (!id) continue;
    const line = reader.line(item);
    preload.push({ id, line });
    if (!known.has(id)) {
      sink.warning(
        line,
        'unknown-preload',
        `preload names "${id}", which is neither a model nor an alias; llama-swap skips it`,
      );
    }
  }
  return preload;
}

function readPeers(
  reader: YamlReader,
  root: Node | null,
  sink: DiagnosticSink,
): LlamaSwapPeer[] {
  const peers: LlamaSwapPeer[] = [];
  for (const entry of reader.entries(reader.get(root, 'peers')?.value)) {
    const peer: LlamaSwapPeer = {
      id: entry.key,
      line: entry.line,
      models: reader
        .items(reader.get(entry.value, 'models')?.value)
        .flatMap(item => reader.text(item) ?? []),
    };
    const proxy = reader.text(reader.get(entry.value, 'proxy')?.value);
    const endpoint = proxy === undefined ? undefined : parseEndpoint(proxy);
    if (endpoint) peer.proxy = endpoint;
    const apiKey = reader.get(entry.value, 'apiKey');
    if (apiKey && reader.isSet(apiKey.value)) {
      peer.apiKey = secretRefOf(
        reader.text(apiKey.value) ?? '',
        apiKey.line,
        `peer "${entry.key}" apiKey`,
        sink,
      );
    }
    peers.push(peer);
  }
  return peers;
}

const ENV_MACRO_RE = /^\$\{env\.([A-Za-z_][A-Za-z0-9_]*)\}$/;

function secretRefOf(
  text: string,
  line: number,
  what: string,
  sink: DiagnosticSink,
): SecretRef {
  const env = ENV_MACRO_RE.exec(text.trim());
  if (env) return { kind: 'env', name: env[1], line };
  sink.warning(
    line,
    'literal-secret',
    `${what} is written literally in the file; use \${env.NAME} to keep it out of git`,
  );
  return { kind: 'literal', line };
}

/** `${env.NAME}` references with their lines, outside comment lines (llama-swap skips those). */
function scanEnvReferences(text: string): { name: string; line: number }[] {
  const references: { name: string; line: number }[] = [];
  if (!text.includes('${env.')) return references;
  text.split('\n').forEach((line, index) => {
    if (line.trim().startsWith('#')) return;
    for (const name of envReferences(line))
      references.push({ name, line: index + 1 });
  });
  return references;
}
