import { diagnostic, type Diagnostic } from '../diagnostic';
import type { SourceFile } from '../sourceFile';
import type {
  LineEnding,
  PhysicalLine,
  UnitDocument,
  UnitItem,
  UnitParseResult,
} from './unitDocument';
import { firstNonSpace, isGoSpace } from './whitespace';

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

/** Blank, `#…` or `;…` once trimmed (podman's `lineIsComment`). */
function isCommentLine(trimmed: string): boolean {
  if (trimmed.length === 0) {
    return true;
  }
  const c = trimmed.charCodeAt(0);
  return c === 35 /* # */ || c === 59 /* ; */;
}

/** `[Name]` followed only by spaces or tabs (podman's `lineIsGroup`). */
function groupEnd(line: string): number {
  if (line.charCodeAt(0) !== 91 /* [ */) {
    return -1;
  }
  const end = line.indexOf(']');
  if (end < 0) {
    return -1;
  }
  for (let i = end + 1; i < line.length; i++) {
    const c = line.charCodeAt(i);
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

/** Builds a document whose physical lines are split from `text` only when first asked for. */
export function unitDocument(
  path: string,
  bom: boolean,
  text: string,
  items: UnitItem[],
): UnitDocument {
  let lines: PhysicalLine[] | undefined;
  const doc = { path, bom, text, items } as UnitDocument;
  Object.defineProperty(doc, 'lines', {
    enumerable: false,
    get: () => (lines ??= splitPhysicalLines(text)),
  });
  return doc;
}

/**
 * Parses systemd unit syntax the way podman's `pkg/systemd/parser` does, without
 * losing a byte: the text is kept whole, and `items` gives the logical view.
 * Never throws; everything podman would refuse becomes a diagnostic.
 */
export function parseUnit(input: string, path: string): UnitParseResult {
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

  /** `from`: where the trimmed logical text starts in `text` when it is a single line. */
  const emitLogical = (
    logical: string,
    start: number,
    end: number,
    lineStart: number,
    from: number,
  ) => {
    const line = start + 1;
    const endLine = end + 1;
    if (isCommentLine(logical)) {
      items.push({ kind: 'comment', line, endLine, text: logical });
      return;
    }
    const close = groupEnd(logical);
    if (close >= 0) {
      const name = logical.slice(1, close);
      if (!groupNameIsValid(name)) {
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
    const eq = logical.indexOf('=');
    if (eq <= 0) {
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
    while (keyEnd > 0 && isGoSpace(logical.charCodeAt(keyEnd - 1))) {
      keyEnd--;
    }
    const key = logical.slice(0, keyEnd);
    const valueStart = firstNonSpace(logical, eq + 1);
    const value = logical.slice(valueStart);
    if (section === undefined) {
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
    const entry: UnitItem = {
      kind: 'entry',
      line,
      endLine,
      section,
      key,
      value,
      file: path,
    };
    if (start === end) {
      // Offsets in the physical line, so an edit can replace the value and nothing else.
      entry.valueStart = from - lineStart + valueStart;
      entry.valueEnd = from - lineStart + logical.length;
    }
    items.push(entry);
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
    let content = text.slice(from, to);

    if (isCommentLine(content)) {
      if (remaining === '') {
        if (spanStart >= 0) {
          // Only empty pieces were pending: they add nothing, podman carries on.
          items.push({
            kind: 'dropped',
            line: spanStart + 1,
            endLine: i,
            text: '',
          });
          spanStart = -1;
        }
        items.push({
          kind: 'comment',
          line: i + 1,
          endLine: i + 1,
          text: content,
        });
      }
      // else: podman skips comments inside a continuation
    } else {
      let continued = false;
      if (content.charCodeAt(content.length - 1) === 92 /* \ */) {
        content = content.slice(0, -1);
        if (!isLast) {
          remaining += content;
          if (spanStart < 0) {
            spanStart = i;
          }
          continued = true;
        }
      }
      if (!continued) {
        const start = spanStart >= 0 ? spanStart : i;
        const logical = remaining !== '' ? remaining + content : content;
        remaining = '';
        spanStart = -1;
        emitLogical(logical, start, i, lineStart, from);
      }
    }
    i++;
    lineStart = next;
  }

  if (spanStart >= 0) {
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
