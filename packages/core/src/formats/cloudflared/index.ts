import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { modelCloudflared } from './model';
import { parseCloudflared } from './parse';
import { CloudflaredConfig } from './types';

export { parseCloudflared } from './parse';
export type { CloudflaredDocument } from './parse';
export { modelCloudflared } from './model';
export type { CloudflaredModelResult } from './model';
export type * from './types';

/** Parses and models a cloudflared config in one go; diagnostics of both steps together. */
export function readCloudflared(file: SourceFile): {
  config: CloudflaredConfig;
  diagnostics: Diagnostic[];
} {
  const document = parseCloudflared(file);
  const { config, diagnostics } = modelCloudflared(document);
  return { config, diagnostics: [...document.diagnostics, ...diagnostics] };
}
