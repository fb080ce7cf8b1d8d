import {
  detectTreeRole,
  generateHandoffGuide,
  policySourcesOf,
  readBox,
  readPolicy,
  runChecks,
  type BoxTree,
  type GuideTree,
  type HandoffGuide,
} from '@quadlet-portal/core';
import type { TreeState } from '@quadlet-portal/plugin-catalog-backend-module-quadlet';
import { generatedFolders } from './generatedFolders';

/** Midnight UTC of the day of `now`: waivers are judged by the day, as `--now YYYY-MM-DD` does. */
export function dayOf(now: Date): Date {
  return new Date(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
}

/**
 * The handoff guide of a box from its trees as the catalog reads them, the way
 * `yarn quadlet-portal docs` makes it: commit messages left out (the guide must not change with
 * the history), tree roles detected where the config agrees, the scorecard's checks run offline with the policy of the box's trees and judged
 * on the given day. Source links use the trees' web bases (GitHub trees); local trees show their
 * paths as text, as the CLI's sections do.
 */
export function buildHandoffGuide(
  box: string,
  states: readonly TreeState[],
  day: Date,
): HandoffGuide {
  const trees: BoxTree[] = states.map(({ tree }) => {
    const { commits: _history, role, ...rest } = tree;
    // The catalog config names each tree's role; the CLI detects it. When both agree, let the
    // core detect it too, so the overview says what it was detected from, as the CLI's does.
    return role && role !== detectTreeRole(tree.files).role
      ? { ...rest, role }
      : rest;
  });
  const inventory = readBox(trees);
  const readProblems = states.flatMap(s => s.diagnostics);
  if (readProblems.length > 0)
    inventory.diagnostics = [...readProblems, ...inventory.diagnostics];

  const policy = readPolicy(policySourcesOf(trees));
  const findings = runChecks({
    box,
    inventory,
    policy: policy.policy,
    policyDiagnostics: policy.diagnostics,
    now: day,
  });
  const guideTrees: GuideTree[] = states.map(s =>
    s.webBase
      ? { name: s.tree.name, webBase: s.webBase }
      : { name: s.tree.name },
  );
  return generateHandoffGuide(inventory, {
    box,
    trees: guideTrees,
    findings,
    generatedIn: generatedFolders(trees),
  });
}
