import { readFileSync } from 'node:fs';
import path from 'node:path';
import { runChecks } from '../../checks/runChecks';
import type { CheckResult } from '../../checks/types';
import { readBoxFromDirectories } from '../../inventory';
import type { Inventory } from '../../inventory/types';
import { POLICY_FILE_NAMES, readPolicy } from '../../policy';
import type { PolicySource } from '../../policy/types';

/** After the example policy's only waiver ran out (2026-03-31). */
export const NOW = new Date('2026-05-01T09:00:00Z');

/** The example box of the repository (`examples/sodimo`), read as the CLI reads it: no commit messages. */
export async function readExample(dir: string): Promise<Inventory> {
  return readBoxFromDirectories([dir], { commits: false });
}

/** The scorecard results for a box read from disk, with its policy files. */
export function findingsOf(inventory: Inventory, box = 'sodimo'): CheckResult[] {
  const sources: PolicySource[] = [];
  for (const tree of inventory.trees) {
    for (const name of POLICY_FILE_NAMES) {
      try {
        sources.push({ tree: tree.name, file: { path: name, content: readFileSync(path.join(tree.location!, name)) } });
        break;
      } catch {
        // Not there: try the next name.
      }
    }
  }
  const policy = readPolicy(sources);
  return runChecks({ box, inventory, policy: policy.policy, policyDiagnostics: policy.diagnostics, now: NOW });
}
