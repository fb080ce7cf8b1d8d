import { diagnostic, type Diagnostic } from '../diagnostic';
import type { SourceFile } from '../sourceFile';
import type {
  LineEnding,
  PhysicalLine,
  UnitDocument,
  UnitItem,
  UnitParseResult,
} from './unitDocument';
import { isGoSpace } from './whitespace';

const BOM = '\uFEFF';
const MAX_SHOWN = 80;

/** Splits on `\n` (as podman does); a `\r` right before it becomes part of the ending. */
export function splitPhysicalLines(text: string): PhysicalLine[] {
  const lines: PhysicalLine[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) {
      lines.push({ text: text.slice(start), eol: '' });
      break;
    }
    let end = nl;
    let eol: LineEnding = '\n';
    if (end > start && text.charCodeAt(end - 1) === 13) {
      end--;
      eol = '\r\n';
    }
    lines.push({ text: text.slice(start, end), eol });
    start = nl + 1;
  }
  return lines;
}

/** `groupEnd` for `src.slice(off, stop)`, as an index in `src`. */
function groupEndIn(src: string, off: number, stop: number): number {
  if (src.charCodeAt(off) !== 91 /* [ */) {
    return -1;
  }
  let end = off + 1;
  while (end < stop && src.charCodeAt(end) !== 93 /* ] */) end++;
  if (end === stop) {
    return -1;
  }
  for (let i = end + 1; i < stop; i++) {
    const c = src.charCodeAt(i);
    if (c !== 32 && c !== 9) {
      return -1;
    }
  }
  return end;
}

function groupNameIsValid(name: string): boolean {
  if (name.length === 0) {
    return false;
  }
  for (const ch of name) {
    const c = ch.codePointAt(0)!;
    // unicode.IsControl: C0, DEL and C1 controls.
    if (ch === '[' || ch === ']' || c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
      return false;
    }
  }
  return true;
}

function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** A document whose physical lines are split from its text only when first asked for. */
class ParsedUnitDocument implements UnitDocument {
  readonly #text: string;
  #lines: PhysicalLine[] | undefined;

  constructor(
    public path: string,
    public bom: boolean,
    public text: string,
    public items: UnitItem[],
  ) {
    this.#text = text;
  }

  get lines(): PhysicalLine[] {
    return (this.#lines ??= splitPhysicalLines(this.#text));
  }
}

/** Builds a document whose physical lines are split from `text` only when first asked for. */
export function unitDocument(
  path: string,
  bom: boolean,
  text: string,
  items: UnitItem[],
): UnitDocument {
  return new ParsedUnitDocument(path, bom, text, items);
}

/**
 * Parses systemd unit syntax the way podman's `pkg/systemd/parser` does, without
 * losing a byte: the text is kept whole, and `items` gives the logical view.
 * Never throws; everything podman would refuse becomes a diagnostic.
 */
export function parseUnit(input: string, path: string): UnitParseResult {
  return parse(input, path, undefined);
}

/**
 * A partial parse for quick lookups: the section headers and the entries of `keys` only, read
 * exactly as `parseUnit` reads them (continuations, comments, trimming), without comments,
 * other entries or diagnostics. Cheap enough to run over every unit of a box just to learn
 * a few keys (names) before parsing each unit in full; not a document to write back.
 */
export function parseUnitKeys(
  input: string,
  path: string,
  keys: ReadonlySet<string>,
): UnitDocument {
  return parse(input, path, keys).document;
}

function parse(
  input: string,
  path: string,
  keys: ReadonlySet<string> | undefined,
): UnitParseResult {
  const diagnostics: Diagnostic[] = [];
  const bom = input.startsWith(BOM);
  const text = bom ? input.slice(1) : input;
  const items: UnitItem[] = [];
  if (bom) {
    diagnostics.push(
      diagnostic(
        path,
        1,
        'warning',
        'unit/bom',
        'file starts with a UTF-8 byte order mark; podman does not skip it and cannot read the first line',
      ),
    );
  }

  let section: string | undefined;
  // Podman joins continued lines into `remaining`; `spanStart` is where the pending span began.
  let remaining = '';
  let spanStart = -1;

  /**
   * One logical line, `src.slice(off, stop)`: for a line that is not continued `src` is the
   * whole text (nothing is copied but the parts kept), else the joined pieces.
   * `lineStart` is where the physical line starts in `text` when it is a single line.
   */
  const emitLogical = (
    src: string,
    off: number,
    stop: number,
    start: number,
    end: number,
    lineStart: number,
  ) => {
    const line = start + 1;
    const endLine = end + 1;
    if (off === stop) {
      if (!keys) items.push({ kind: 'comment', line, endLine, text: '' });
      return;
    }
    const first = src.charCodeAt(off);
    if (first === 35 /* # */ || first === 59 /* ; */) {
      if (keys) return;
      items.push({
        kind: 'comment',
        line,
        endLine,
        text: src.slice(off, stop),
      });
      return;
    }
    const close = groupEndIn(src, off, stop);
    if (close >= 0) {
      const name = src.slice(off + 1, close);
      if (!keys && !groupNameIsValid(name)) {
        diagnostics.push(
          diagnostic(
            path,
            line,
            'error',
            'unit/invalid-section-name',
            `invalid group name: ${shown(name)}`,
          ),
        );
      }
      section = name;
      items.push({ kind: 'section', line, endLine, name });
      return;
    }
    let eq = off;
    while (eq < stop && src.charCodeAt(eq) !== 61 /* = */) eq++;
    if (eq === off || eq === stop) {
      if (keys) return;
      const logical = src.slice(off, stop);
      diagnostics.push(
        diagnostic(
          path,
          line,
          'error',
          'unit/invalid-line',
          `file contains line ${line}: “${shown(
            logical,
          )}” which is not a key-value pair, group, or comment`,
        ),
      );
      items.push({ kind: 'invalid', line, endLine, text: logical });
      return;
    }
    let keyEnd = eq;
    while (keyEnd > off && isGoSpace(src.charCodeAt(keyEnd - 1))) {
      keyEnd--;
    }
    const key = src.slice(off, keyEnd);
    if (keys && !keys.has(key)) return;
    let valueStart = eq + 1;
    while (valueStart < stop && isGoSpace(src.charCodeAt(valueStart))) {
      valueStart++;
    }
    const value = src.slice(valueStart, stop);
    if (section === undefined && !keys) {
      diagnostics.push(
        diagnostic(
          path,
          line,
          'error',
          'unit/key-outside-section',
          `key file does not start with a group: ${shown(
            key,
          )}= comes before any [Section] header`,
        ),
      );
    }
    // One literal per shape (offsets or not): objects stay compact, in file order of keys.
    items.push(
      start === end
        ? {
            kind: 'entry',
            line,
            endLine,
            section,
            key,
            value,
            file: path,
            // Offsets in the physical line, so an edit can replace the value and nothing else.
            valueStart: valueStart - lineStart,
            valueEnd: stop - lineStart,
          }
        : {
            kind: 'entry',
            line,
            endLine,
            section,
            key,
            value,
            file: path,
          },
    );
  };

  let i = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const nl = text.indexOf('\n', lineStart);
    // Podman drops one final newline before splitting, so a line ending the text is the last.
    const next = nl < 0 ? text.length : nl + 1;
    const isLast = next >= text.length;
    let lineEnd = nl < 0 ? text.length : nl;
    if (nl >= 0 && lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) {
      lineEnd--;
    }
    // Trimming also removes a `\r` left before the newline, as Go's TrimSpace does.
    let from = lineStart;
    while (from < lineEnd && isGoSpace(text.charCodeAt(from))) from++;
    let to = lineEnd;
    while (to > from && isGoSpace(text.charCodeAt(to - 1))) to--;
    const first = from < to ? text.charCodeAt(from) : -1;

    if (first === -1 || first === 35 /* # */ || first === 59 /* ; */) {
      if (remaining === '') {
        if (spanStart >= 0) {
          // Only empty pieces were pending: they add nothing, podman carries on.
          if (!keys)
            items.push({
              kind: 'dropped',
              line: spanStart + 1,
              endLine: i,
              text: '',
            });
          spanStart = -1;
        }
        if (!keys)
          items.push({
            kind: 'comment',
            line: i + 1,
            endLine: i + 1,
            text: first === -1 ? '' : text.slice(from, to),
          });
      }
      // else: podman skips comments inside a continuation
    } else {
      let continued = false;
      if (text.charCodeAt(to - 1) === 92 /* \ */) {
        to--;
        if (!isLast) {
          remaining += text.slice(from, to);
          if (spanStart < 0) {
            spanStart = i;
          }
          continued = true;
        }
      }
      if (!continued) {
        const start = spanStart >= 0 ? spanStart : i;
        spanStart = -1;
        if (remaining !== '') {
          const logical = remaining + text.slice(from, to);
          remaining = '';
          emitLogical(logical, 0, logical.length, start, i, 0);
        } else {
          emitLogical(text, from, to, start, i, lineStart);
        }
      }
    }
    i++;
    lineStart = next;
  }

  if (spanStart >= 0 && !keys) {
    items.push({
      kind: 'dropped',
      line: spanStart + 1,
      endLine: i,
      text: remaining,
    });
    if (remaining !== '') {
      diagnostics.push(
        diagnostic(
          path,
          spanStart + 1,
          'warning',
          'unit/dangling-continuation',
          `line continuation runs into the end of the file: podman ignores “${shown(
            remaining.trim(),
          )}”`,
        ),
      );
    }
  }

  return { document: unitDocument(path, bom, text, items), diagnostics };
}

/** True when `bytes` decode as UTF-8 without replacement. */
function isValidUtf8(bytes: Buffer, decoded: string): boolean {
  if (!decoded.includes('\uFFFD')) {
    return true;
  }
  return Buffer.from(decoded, 'utf8').equals(bytes);
}

/** Parses a file read from a tree; reports bytes that are not UTF-8. */
export function parseUnitFile(file: SourceFile): UnitParseResult {
  const text = file.content.toString('utf8');
  const result = parseUnit(text, file.path);
  if (!isValidUtf8(file.content, text)) {
    result.diagnostics.push(
      diagnostic(
        file.path,
        0,
        'warning',
        'unit/invalid-utf8',
        'file is not valid UTF-8; invalid bytes are read as U+FFFD',
      ),
    );
  }
  return result;
}
