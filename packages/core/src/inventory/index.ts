export { readBox } from './readBox';
export {
  readBoxFromDirectories,
  readDirectoryTree,
  treesOfDirectory,
} from './readDirectory';
export type {
  DirectoryTree,
  ReadDirectoriesOptions,
  ReadDirectoryTreeOptions,
} from './readDirectory';
export { detectTreeRole } from './treeRole';
export type { DetectedRole } from './treeRole';
export { isWellKnownUnit } from './wellKnownUnits';
export { matchesHost } from './hostnames';
export * from './types';
