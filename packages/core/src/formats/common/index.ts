export { parseYamlDocument } from './yamlDocument';
export type {
  DuplicateKey,
  ParsedYaml,
  YamlDocument,
  YamlParseOptions,
} from './yamlDocument';
export { YamlReader } from './yamlReader';
export type { YamlEntry } from './yamlReader';
export { isLoopbackHost, parseEndpoint } from './endpoint';
export type { Endpoint } from './endpoint';
export { looksLikeSecretName } from './secretNames';
export { globToRegExp, hasGlobMeta, type GlobSyntax } from './glob';
export { DiagnosticSink } from './diagnosticSink';
export type { SecretRef } from './secretRef';
export { appendAll } from './appendAll';
