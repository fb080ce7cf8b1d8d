import { runChecks } from '../checks/runChecks';
import type { CheckResult, OnlineFacts } from '../checks/types';
import { readBox } from '../inventory/readBox';
import type {
  BoxTree,
  Inventory,
  InventoryDiagnostic,
} from '../inventory/types';
import { policySourcesOf } from '../policy/policyFiles';
import { readPolicy } from '../policy/readPolicy';

/** A box read and checked: what an edit is judged against, before and after. */
export interface BoxCheck {
  inventory: Inventory;
  results: CheckResult[];
  policyDiagnostics: InventoryDiagnostic[];
}

export interface CheckBoxOptions {
  /** The time waivers are judged at. */
  now: Date;
  online?: OnlineFacts;
}

/** Reads `trees` with `readBox`, their policy files with `readPolicy`, and runs every check. */
export function checkBoxTrees(
  box: string,
  trees: readonly BoxTree[],
  options: CheckBoxOptions,
): BoxCheck {
  const inventory = readBox(trees);
  const { policy, diagnostics } = readPolicy(policySourcesOf(trees));
  const results = runChecks({
    box,
    inventory,
    policy,
    now: options.now,
    online: options.online,
    policyDiagnostics: diagnostics,
  });
  return { inventory, results, policyDiagnostics: diagnostics };
}

/** The trees with `files` written into them (added, or replacing the file at the same path). */
export function treesWithFiles(
  trees: readonly BoxTree[],
  files: readonly { tree: string; path: string; content: Buffer }[],
): BoxTree[] {
  return trees.map(tree => {
    const mine = files.filter(f => f.tree === tree.name);
    if (mine.length === 0) return tree;
    const replaced = new Map(mine.map(f => [f.path, f.content]));
    const kept = tree.files.filter(f => !replaced.has(f.path));
    return {
      ...tree,
      files: [
        ...kept,
        ...mine.map(f => ({ path: f.path, content: f.content })),
      ],
    };
  });
}

/** A problem an edit brings in: an error diagnostic of the files, or a failing error-level check. */
export interface IntroducedProblem {
  source: 'diagnostic' | 'check';
  code: string;
  tree?: string;
  file?: string;
  line?: number;
  message: string;
}

// Lines move when a file is edited, so identities leave them out.
function diagnosticKey(d: InventoryDiagnostic): string {
  return [d.tree ?? '', d.file, d.code, d.message].join('\u0000');
}

function failing(result: CheckResult): boolean {
  return result.status === 'fail';
}

/**
 * Error-severity diagnostics (files and policy) and failing error-severity check results of
 * `after` that `before` did not have. What was already broken is not the edit's doing.
 */
export function introducedErrors(
  before: BoxCheck,
  after: BoxCheck,
): IntroducedProblem[] {
  const errorsOf = (check: BoxCheck) =>
    [...check.inventory.diagnostics, ...check.policyDiagnostics].filter(
      d => d.severity === 'error',
    );
  const known = new Set(errorsOf(before).map(diagnosticKey));
  const problems: IntroducedProblem[] = errorsOf(after)
    .filter(d => !known.has(diagnosticKey(d)))
    .map(d => ({
      source: 'diagnostic' as const,
      code: d.code,
      tree: d.tree,
      file: d.file,
      line: d.line,
      message: d.message,
    }));
  const failed = new Set(
    before.results.filter(failing).map(r => r.fingerprint),
  );
  for (const result of after.results) {
    // config-error restates the error diagnostics listed above.
    if (
      result.checkId === 'config-error' ||
      !failing(result) ||
      result.severity !== 'error' ||
      failed.has(result.fingerprint)
    )
      continue;
    problems.push({
      source: 'check',
      code: result.checkId,
      tree: result.tree,
      file: result.file,
      line: result.line,
      message: result.message,
    });
  }
  return problems;
}

/** Failing results of `before` (any severity) that no longer fail in `after`: what an edit fixes. */
export function resolvedFindings(
  before: BoxCheck,
  after: BoxCheck,
): CheckResult[] {
  const stillFailing = new Set(
    after.results.filter(failing).map(r => r.fingerprint),
  );
  return before.results.filter(
    r => failing(r) && !stillFailing.has(r.fingerprint),
  );
}

/** `tree:file:line: message [code]`, one per line. */
export function formatIntroducedProblems(
  problems: readonly IntroducedProblem[],
): string {
  return problems
    .map(p => {
      const place = [p.tree, p.file, p.line ? String(p.line) : undefined]
        .filter(Boolean)
        .join(':');
      return `${place ? `${place}: ` : ''}${p.message} [${p.code}]`;
    })
    .join('\n');
}
