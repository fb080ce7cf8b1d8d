import type { ImageFact } from '../inventory/types';
import type { Linker } from './links';
import { code } from './markdown';

/** How far an image reference is pinned, in words a newcomer can act on. */
export function pinState(image: ImageFact): string {
  switch (image.kind) {
    case 'unit':
      return `built or pulled by the ${code(image.unit ?? image.text)} unit`;
    case 'templated':
      return 'filled in by a template when the file is rendered';
    case 'transport':
      return 'local transport (not pulled from a registry)';
    case 'invalid':
      return `not a valid reference${image.error ? ` (${image.error})` : ''}`;
    default:
      break;
  }
  const notes: string[] = [];
  if (image.digest) {
    notes.push(image.tag ? `pinned by digest (tag ${code(image.tag)} kept for people)` : 'pinned by digest');
  } else if (image.pinTier === 'floating') {
    notes.push(image.tag ? `floating tag ${code(image.tag)}: every pull may bring another release` : 'no tag: podman pulls `latest`');
  } else if (image.tag) {
    notes.push(`version tag ${code(image.tag)}, no digest`);
  }
  if (image.placeholder) notes.push('the tag holds a placeholder and cannot exist in a registry');
  if (image.commitTag) notes.push('the tag names one CI build');
  if (image.shortName) notes.push("short name: podman's short-name policy picks the registry");
  return notes.join('; ');
}

/** `` `docker.io/sutoj/piler:1.4.5` `` — version tag `1.4.5`, no digest (line 13). */
export function imageLine(image: ImageFact, l: Linker): string {
  const state = pinState(image);
  return `${code(image.text)}${state ? ` — ${state}` : ''} (${l.short(image.source)})`;
}
