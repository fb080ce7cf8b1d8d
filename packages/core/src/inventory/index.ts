export { readBox } from './readBox';
export { readBoxFromDirectories, treesOfDirectory } from './readDirectory';
export type { DirectoryTree, ReadDirectoriesOptions } from './readDirectory';
export { detectTreeRole } from './treeRole';
export type { DetectedRole } from './treeRole';
export { isWellKnownUnit } from './wellKnownUnits';
export { matchesHost } from './hostnames';
export * from './types';
