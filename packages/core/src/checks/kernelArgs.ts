import type { Inventory, KernelArg } from '../inventory/types';
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
