import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { modelLlamaSwap } from './model';
import { parseLlamaSwap } from './parse';
import { LlamaSwapConfig } from './types';

export { parseLlamaSwap } from './parse';
export type { LlamaSwapDocument } from './parse';
export { modelLlamaSwap } from './model';
export type { LlamaSwapModelResult } from './model';
export { flagMap, readFlags, splitCommand } from './command';
export type { CommandFlag, SplitCommand } from './command';
export type { LlamaSwapMacro } from './macros';
export type * from './types';

/** Parses and models a `llama-swap.yaml` in one go; diagnostics of both steps together. */
export function readLlamaSwap(file: SourceFile): {
  config: LlamaSwapConfig;
  diagnostics: Diagnostic[];
} {
  const document = parseLlamaSwap(file);
  const { config, diagnostics } = modelLlamaSwap(document);
  return { config, diagnostics: [...document.diagnostics, ...diagnostics] };
}
