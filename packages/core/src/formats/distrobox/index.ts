import { Diagnostic } from '../../diagnostic';
import { SourceFile } from '../../sourceFile';
import { DistroboxManifest, modelDistrobox } from './model';
import { parseDistrobox } from './parse';

export { parseDistrobox } from './parse';
export type {
  DistroboxDocument,
  DistroboxEntry,
  DistroboxSection,
} from './parse';
export { modelDistrobox } from './model';
export type {
  DistroboxContainer,
  DistroboxItem,
  DistroboxManifest,
  DistroboxModelResult,
  DistroboxVolume,
} from './model';

/** Parses and models a distrobox.ini in one go; diagnostics of both steps together. */
export function readDistrobox(file: SourceFile): {
  manifest: DistroboxManifest;
  diagnostics: Diagnostic[];
} {
  const document = parseDistrobox(file);
  const { manifest, diagnostics } = modelDistrobox(document);
  return { manifest, diagnostics: [...document.diagnostics, ...diagnostics] };
}
