import type { UnitDocument, UnitEntry } from '../unit';

/** Sections whose `Image=` names what podman pulls: `.container`, `.image`, and `.volume` (Driver=image). */
export const IMAGE_SECTIONS: readonly string[] = [
  'Container',
  'Image',
  'Volume',
];

export type ImageEntryResult =
  | { ok: true; entry: UnitEntry }
  | { ok: false; reason: string };

function isImageEntry(entry: UnitEntry): boolean {
  return (
    entry.key === 'Image' &&
    entry.section !== undefined &&
    IMAGE_SECTIONS.includes(entry.section)
  );
}

/**
 * The `Image=` entry to edit: the one starting at `line`, or else the last one in the file
 * (podman reads the last value of a single-value key).
 */
export function findImageEntry(
  doc: UnitDocument,
  line?: number,
): ImageEntryResult {
  let found: UnitEntry | undefined;
  for (const item of doc.items) {
    if (item.kind !== 'entry') continue;
    if (line !== undefined) {
      if (item.line === line) {
        return isImageEntry(item)
          ? { ok: true, entry: item }
          : {
              ok: false,
              reason: `line ${line} holds ${
                item.key
              }=, not Image= of [${IMAGE_SECTIONS.join('], [')}]`,
            };
      }
      continue;
    }
    if (isImageEntry(item)) found = item;
  }
  if (line !== undefined) {
    return { ok: false, reason: `line ${line} starts no Image= entry` };
  }
  return found
    ? { ok: true, entry: found }
    : {
        ok: false,
        reason: `the file has no Image= entry in [${IMAGE_SECTIONS.join(
          '], [',
        )}]`,
      };
}
