import type { PhysicalLine, UnitDocument } from './unitDocument';

/** Gives back the exact text the document was parsed from (or edited into). */
export function writeUnit(doc: UnitDocument): string {
  return doc.bom ? `\uFEFF${doc.text}` : doc.text;
}

/** Joins physical lines back into text. */
export function joinLines(lines: readonly PhysicalLine[]): string {
  let out = '';
  for (const line of lines) {
    out += line.text;
    out += line.eol;
  }
  return out;
}

/** The same as UTF-8 bytes. */
export function writeUnitBytes(doc: UnitDocument): Buffer {
  return Buffer.from(writeUnit(doc), 'utf8');
}
