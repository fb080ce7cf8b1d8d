import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { KargsFile, modelKargs } from './model';
import { parseKargs } from './parse';

export { parseKargs } from './parse';
export type { KargsDocument } from './parse';
export { effectiveKargs, modelKargs } from './model';
export type { Karg, KargsFile, KargsModelResult } from './model';
export { locateArrayStrings } from './arrayStrings';
export type { ArrayLocation, ArrayStringPosition } from './arrayStrings';

/** Parses and models a kargs.d file in one go; diagnostics of both steps together. */
export function readKargs(file: SourceFile): {
  kargs: KargsFile;
  diagnostics: Diagnostic[];
} {
  const document = parseKargs(file);
  const { kargs, diagnostics } = modelKargs(document);
  return { kargs, diagnostics: [...document.diagnostics, ...diagnostics] };
}
