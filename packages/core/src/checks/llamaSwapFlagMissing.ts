import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'llama-swap-flag-missing';

/** llama-server flags with their other spellings (llama.cpp `common/arg.cpp`). */
const SPELLINGS: readonly (readonly string[])[] = [
  ['-fa', '--flash-attn'],
  ['-ngl', '--gpu-layers', '--n-gpu-layers'],
  ['-b', '--batch-size'],
  ['-ub', '--ubatch-size'],
  ['-ctk', '--cache-type-k'],
  ['-ctv', '--cache-type-v'],
  ['-t', '--threads'],
  ['-c', '--ctx-size'],
  ['-m', '--model'],
  ['-np', '--parallel'],
];

const SAME = new Map<string, readonly string[]>();
for (const group of SPELLINGS) for (const flag of group) SAME.set(flag, group);

export function spellingsOf(flag: string): readonly string[] {
  return SAME.get(flag) ?? [flag];
}

export const llamaSwapFlagMissing: CheckDefinition = {
  id: ID,
  title: 'llama-swap model lacks a mandatory llama-server flag',
  severity: 'warning',
  rationale:
    'The flag group (no mmap, flash attention, full GPU offload, batch sizes, KV-cache types, prompt cache reuse…) ' +
    'was validated together on this hardware; a model started without one of them loads slower, uses more memory ' +
    'or falls back to the CPU, and nobody notices until it is slow in production.',
  remediation:
    "Add the missing flag (with the value the group uses) to the model's `cmd:` in llama-swap.yaml, or share the " +
    'group through a llama-swap macro so no model can miss it.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const mandatory = context.policy.llamaSwap.mandatoryFlags;
    if (mandatory.length === 0) return [];
    const report = new Reporter(llamaSwapFlagMissing, context);
    for (const model of context.inventory.models) {
      const subject = subjects.model(model);
      // At the `cmd:` line, where the flag goes (the model's line when there is no `cmd:`).
      const place =
        model.cmdLine !== undefined
          ? { ...model.source, line: model.cmdLine }
          : model.source;
      const present = new Set(model.cmdFlags);
      const missing = mandatory.filter(
        flag => !spellingsOf(flag).some(f => present.has(f)),
      );
      for (const flag of missing) {
        report.fail(
          subject,
          place,
          `model ${model.id}: \`cmd:\` lacks mandatory flag \`${flag}\``,
          flag,
        );
      }
      if (missing.length === 0) {
        report.pass(
          subject,
          place,
          `model ${model.id} carries all ${mandatory.length} mandatory flags`,
        );
      }
    }
    return report.results;
  },
};
