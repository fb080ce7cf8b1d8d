import type { Diagnostic } from '../diagnostic';

/** Line ending of one physical line; `''` only for a last line without a final newline. */
export type LineEnding = '\n' | '\r\n' | '';

/** One physical line exactly as read: its text (without the ending) and its ending. */
export interface PhysicalLine {
  text: string;
  eol: LineEnding;
}

interface ItemBase {
  /** 1-based physical line where the item starts. */
  line: number;
  /** 1-based physical line where the item ends (differs from `line` for continuations). */
  endLine: number;
}

/** A blank line, or a line whose first non-blank character is `#` or `;`. */
export interface UnitComment extends ItemBase {
  kind: 'comment';
  /** The trimmed text, marker included (`''` for a blank line). */
  text: string;
}

/** A `[Name]` header. */
export interface UnitSectionHeader extends ItemBase {
  kind: 'section';
  name: string;
}

/** A `Key=value` assignment, possibly spread over several lines with trailing `\`. */
export interface UnitEntry extends ItemBase {
  kind: 'entry';
  /** Section it belongs to, `undefined` when it comes before any header (podman refuses that). */
  section: string | undefined;
  key: string;
  /** The value as podman stores it: continuations joined, leading blanks removed, nothing unquoted. */
  value: string;
  /** Path of the file it was read from (so merged views can point back at it). */
  file: string;
  /**
   * For single-line entries, where the value sits in the physical line's text
   * (`[valueStart, valueEnd)`); lets edits change only the value. Absent for continued entries.
   */
  valueStart?: number;
  valueEnd?: number;
}

/** A line that is neither comment, header nor assignment (podman refuses the file). */
export interface UnitInvalidLine extends ItemBase {
  kind: 'invalid';
  text: string;
}

/**
 * Lines that belong to no logical line: continuation pieces that podman drops, e.g. an
 * assignment ending in `\` followed only by comments up to the end of the file.
 */
export interface UnitDroppedLines extends ItemBase {
  kind: 'dropped';
  text: string;
}

export type UnitItem =
  | UnitComment
  | UnitSectionHeader
  | UnitEntry
  | UnitInvalidLine
  | UnitDroppedLines;

/**
 * A parsed unit file that keeps every byte: the BOM (if any) plus `text` is the original.
 * `items` is the logical view, in file order, and covers every physical line exactly once.
 */
export interface UnitDocument {
  path: string;
  /** True when the text started with U+FEFF (kept out of `text`). */
  bom: boolean;
  /** Everything after the BOM, exactly as read. */
  text: string;
  /** `text` split into physical lines (computed on first use, to keep documents small). */
  readonly lines: PhysicalLine[];
  items: UnitItem[];
}

export interface UnitParseResult {
  document: UnitDocument;
  diagnostics: Diagnostic[];
}

/** All assignments, in file order. */
export function entriesOf(doc: UnitDocument, section?: string): UnitEntry[] {
  const out: UnitEntry[] = [];
  for (const item of doc.items) {
    if (
      item.kind === 'entry' &&
      (section === undefined || item.section === section)
    ) {
      out.push(item);
    }
  }
  return out;
}

/** Section names in order of first appearance (podman merges repeated sections). */
export function sectionNamesOf(doc: UnitDocument): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of doc.items) {
    if (item.kind === 'section' && !seen.has(item.name)) {
      seen.add(item.name);
      out.push(item.name);
    }
  }
  return out;
}

/** All headers, repeated ones included. */
export function sectionHeadersOf(doc: UnitDocument): UnitSectionHeader[] {
  return doc.items.filter((i): i is UnitSectionHeader => i.kind === 'section');
}
