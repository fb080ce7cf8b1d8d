export {
  parseEnvFile,
  envFileKind,
  type EnvAssignment,
  type EnvDocument,
  type EnvFileKind,
  type EnvText,
} from './parse';
export { modelEnvFile, type EnvFileModel, type EnvVariable } from './model';
export {
  actionSource,
  type ActionSource,
  type EnvValueSource,
} from './secretManager';
