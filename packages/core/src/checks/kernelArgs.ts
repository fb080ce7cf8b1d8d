import type { Inventory, KernelArg, SourceRef } from '../inventory/types';
import type { Reporter } from './report';
import type { CheckSubject } from './types';
import { normaliseKernelArgKey } from '../policy/kernelArgRule';

const ARCH_ALIASES: Record<string, string> = {
  'x86-64': 'x86_64',
  amd64: 'x86_64',
  arm64: 'aarch64',
};

function arch(name: string): string {
  const lower = name.toLowerCase();
  return ARCH_ALIASES[lower] ?? lower;
}

/** Kernel arguments that apply to the box's architecture (all of them when it is not known). */
export function effectiveKernelArgs(inventory: Inventory): KernelArg[] {
  const boxArch = inventory.os?.architecture
    ? arch(inventory.os.architecture)
    : undefined;
  return inventory.kernelArgs.filter(
    k =>
      k.architectures.length === 0 ||
      boxArch === undefined ||
      k.architectures.some(a => arch(a) === boxArch),
  );
}

export function keyOf(arg: KernelArg): string {
  return normaliseKernelArgKey(arg.key);
}

/** True when the box has an OS tree, so that missing kernel arguments are really missing. */
export function hasOsTree(inventory: Inventory): boolean {
  return (
    inventory.trees.some(t => t.role === 'os') ||
    inventory.kernelArgs.length > 0
  );
}

/**
 * What both kernel-argument checks judge: the effective arguments and where to point when one is
 * absent. Without an OS tree nothing can be judged, so each rule is reported `unknown` and the
 * answer is `undefined`.
 */
export function kernelArgsToJudge(
  inventory: Inventory,
  rules: readonly { arg: string }[],
  report: Reporter,
  subject: CheckSubject,
): { args: KernelArg[]; anchor?: SourceRef } | undefined {
  if (!hasOsTree(inventory)) {
    for (const rule of rules) {
      report.unknown(
        subject,
        undefined,
        `the box has no OS tree: cannot tell whether \`${rule.arg}\` is set`,
        rule.arg,
      );
    }
    return undefined;
  }
  const args = effectiveKernelArgs(inventory);
  return { args, anchor: args[0]?.source ?? inventory.os?.source };
}
