import type { Diagnostic } from '../diagnostic';
import { parseUnit } from './parseUnit';
import type {
  LineEnding,
  PhysicalLine,
  UnitDocument,
  UnitEntry,
} from './unitDocument';
import { endOfNonSpace, firstNonSpace } from './whitespace';
import { joinLines } from './writeUnit';

/** Outcome of an edit: the new document and its text, or why the edit cannot be made. */
export type UnitEditResult =
  | {
      ok: true;
      document: UnitDocument;
      text: string;
      diagnostics: Diagnostic[];
    }
  | { ok: false; reason: string };

function fail(reason: string): UnitEditResult {
  return { ok: false, reason };
}

/** The ending most lines use, so new lines look like their neighbours. */
function dominantEnding(doc: UnitDocument): '\n' | '\r\n' {
  let crlf = 0;
  let lf = 0;
  for (const line of doc.lines) {
    if (line.eol === '\r\n') crlf++;
    else if (line.eol === '\n') lf++;
  }
  return crlf > lf ? '\r\n' : '\n';
}

function problemWithValue(value: string): string | undefined {
  if (/[\r\n]/.test(value)) {
    return 'a value cannot contain a line break';
  }
  if (value.endsWith('\\')) {
    return 'a value ending in a backslash would continue onto the next line';
  }
  if (
    value.length > 0 &&
    (firstNonSpace(value) > 0 || endOfNonSpace(value) < value.length)
  ) {
    return 'leading and trailing blanks of a value are dropped when it is read';
  }
  return undefined;
}

function problemWithKey(key: string): string | undefined {
  if (key.length === 0 || /[=\r\n]/.test(key) || key.trim() !== key) {
    return `invalid key name: ${JSON.stringify(key)}`;
  }
  if (key.startsWith('#') || key.startsWith(';') || key.startsWith('[')) {
    return `a key cannot start with ${key[0]}`;
  }
  return undefined;
}

/** Re-parses the edited lines, so the new document has exact items and line numbers. */
function rebuild(doc: UnitDocument, lines: PhysicalLine[]): UnitEditResult {
  const text = (doc.bom ? '\uFEFF' : '') + joinLines(lines);
  const parsed = parseUnit(text, doc.path);
  return {
    ok: true,
    document: parsed.document,
    text,
    diagnostics: parsed.diagnostics,
  };
}

function findEntry(doc: UnitDocument, entry: UnitEntry): UnitEntry | undefined {
  for (const item of doc.items) {
    if (
      item.kind === 'entry' &&
      item.line === entry.line &&
      item.key === entry.key
    ) {
      return item;
    }
  }
  return undefined;
}

/** Checks that the edited document reads back with `key=value` at `line`. */
function verify(
  result: UnitEditResult,
  line: number,
  key: string,
  value: string,
): UnitEditResult {
  if (!result.ok) {
    return result;
  }
  const found = result.document.items.some(
    i =>
      i.kind === 'entry' &&
      i.line === line &&
      i.key === key &&
      i.value === value,
  );
  return found ? result : fail(`${key}=${value} would not read back unchanged`);
}

/**
 * Sets the value of one entry. A single-line entry keeps every byte of its line except
 * the value; a continued entry is collapsed onto one line (comments inside it go).
 */
export function setEntryValue(
  doc: UnitDocument,
  entry: UnitEntry,
  value: string,
): UnitEditResult {
  const problem = problemWithValue(value);
  if (problem) {
    return fail(problem);
  }
  const current = findEntry(doc, entry);
  if (!current) {
    return fail(`no entry ${entry.key}= at line ${entry.line}`);
  }
  const lines = doc.lines.slice();
  const first = current.line - 1;
  if (
    current.valueStart !== undefined &&
    current.valueEnd !== undefined &&
    current.line === current.endLine
  ) {
    const old = lines[first];
    const start = current.valueStart;
    const end = current.valueEnd;
    lines[first] = {
      text: old.text.slice(0, start) + value + old.text.slice(end),
      eol: old.eol,
    };
  } else {
    const head = lines[first].text;
    const indent = head.slice(0, firstNonSpace(head));
    const eol = lines[current.endLine - 1].eol;
    lines.splice(first, current.endLine - first, {
      text: `${indent}${current.key}=${value}`,
      eol,
    });
  }
  return verify(rebuild(doc, lines), current.line, current.key, value);
}

/** The last entry for `key` in `section` (the one podman's single-value lookups read). */
export function findLastEntry(
  doc: UnitDocument,
  section: string,
  key: string,
): UnitEntry | undefined {
  let found: UnitEntry | undefined;
  for (const item of doc.items) {
    if (item.kind === 'entry' && item.section === section && item.key === key) {
      found = item;
    }
  }
  return found;
}

/** Sets the last `key` of `section` in place, or appends it when absent. */
export function setValue(
  doc: UnitDocument,
  section: string,
  key: string,
  value: string,
): UnitEditResult {
  const entry = findLastEntry(doc, section, key);
  return entry
    ? setEntryValue(doc, entry, value)
    : appendEntry(doc, section, key, value);
}

/**
 * Appends `key=value` after the last assignment of the last `[section]` header (or right
 * after the header), creating the section at the end of the file when it is missing.
 */
export function appendEntry(
  doc: UnitDocument,
  section: string,
  key: string,
  value: string,
): UnitEditResult {
  const problem = problemWithKey(key) ?? problemWithValue(value);
  if (problem) {
    return fail(problem);
  }
  const eol = dominantEnding(doc);
  const lines = doc.lines.slice();
  let header = -1;
  for (let i = doc.items.length - 1; i >= 0; i--) {
    const item = doc.items[i];
    if (item.kind === 'section' && item.name === section) {
      header = i;
      break;
    }
  }

  if (header < 0) {
    const added: PhysicalLine[] = [];
    const lastLine = lines[lines.length - 1];
    if (lastLine && lastLine.eol === '') {
      lines[lines.length - 1] = { text: lastLine.text, eol };
    }
    if (lastLine && lastLine.text.trim() !== '') {
      added.push({ text: '', eol });
    }
    const finalEol: LineEnding = lastLine && lastLine.eol === '' ? '' : eol;
    added.push(
      { text: `[${section}]`, eol },
      { text: `${key}=${value}`, eol: finalEol },
    );
    lines.push(...added);
    const line = lines.length;
    return verify(rebuild(doc, lines), line, key, value);
  }

  // Insert after the last entry of this section occurrence (before trailing comments/blanks).
  let anchor = doc.items[header];
  let indent = '';
  for (let i = header + 1; i < doc.items.length; i++) {
    const item = doc.items[i];
    if (item.kind === 'section') {
      break;
    }
    if (item.kind === 'entry') {
      anchor = item;
      const text = lines[item.line - 1].text;
      indent = text.slice(0, firstNonSpace(text));
    }
  }
  const at = anchor.endLine; // 0-based index of the line after the anchor
  const before = lines[at - 1];
  let newEol: LineEnding = eol;
  if (before.eol === '') {
    lines[at - 1] = { text: before.text, eol };
    newEol = '';
  }
  lines.splice(at, 0, { text: `${indent}${key}=${value}`, eol: newEol });
  return verify(rebuild(doc, lines), at + 1, key, value);
}

/** Removes one entry (all of its physical lines); every other line keeps its bytes. */
export function removeEntry(
  doc: UnitDocument,
  entry: UnitEntry,
): UnitEditResult {
  const current = findEntry(doc, entry);
  if (!current) {
    return fail(`no entry ${entry.key}= at line ${entry.line}`);
  }
  const lines = doc.lines.slice();
  const first = current.line - 1;
  // Other lines stay byte-identical, so removing a final line without newline leaves the
  // previous line's newline in place.
  lines.splice(first, current.endLine - first);
  return rebuild(doc, lines);
}

/** Removes every `key` entry of `section`. */
export function removeKey(
  doc: UnitDocument,
  section: string,
  key: string,
): UnitEditResult {
  let current = doc;
  let last: UnitEditResult = rebuild(doc, doc.lines.slice());
  for (;;) {
    const entry = findLastEntry(current, section, key);
    if (!entry) {
      return last;
    }
    last = removeEntry(current, entry);
    if (!last.ok) {
      return last;
    }
    current = last.document;
  }
}
