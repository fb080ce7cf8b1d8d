import type { BoxTree } from '../inventory/types';
import type { PolicySource } from './types';

/** Where a tree keeps its policy, relative to the tree root; `.yml` is read when `.yaml` is absent. */
export const POLICY_FILE = '.quadlet-portal/policy.yaml';
export const POLICY_FILE_NAMES = [
  POLICY_FILE,
  '.quadlet-portal/policy.yml',
] as const;

/** The policy files of a box's trees, in tree order (one per tree at most). */
export function policySourcesOf(trees: readonly BoxTree[]): PolicySource[] {
  const sources: PolicySource[] = [];
  for (const tree of trees) {
    for (const name of POLICY_FILE_NAMES) {
      const file = tree.files.find(f => f.path === name);
      if (file) {
        sources.push({ tree: tree.name, file });
        break;
      }
    }
  }
  return sources;
}
