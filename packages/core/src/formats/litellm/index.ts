import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { modelLiteLlm } from './model';
import { parseLiteLlm } from './parse';
import { LiteLlmConfig } from './types';

export { parseLiteLlm } from './parse';
export type { LiteLlmDocument } from './parse';
export { modelLiteLlm } from './model';
export type { LiteLlmModelResult } from './model';
export type * from './types';

/** Parses and models a LiteLLM config in one go; diagnostics of both steps together. */
export function readLiteLlm(file: SourceFile): {
  config: LiteLlmConfig;
  diagnostics: Diagnostic[];
} {
  const document = parseLiteLlm(file);
  const { config, diagnostics } = modelLiteLlm(document);
  return { config, diagnostics: [...document.diagnostics, ...diagnostics] };
}
