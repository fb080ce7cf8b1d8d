/**
 * TOML libraries return values without positions or comments, so this small scanner walks
 * the text of a top-level `key = [ … ]` array once and reports, for each string element in
 * order, the line it starts on and a comment written after it on the same line. The order
 * matches the parsed array, which lets the model pair each value with its line.
 */
export interface ArrayStringPosition {
  line: number;
  /** `"iommu=pt", # pass-through` → `pass-through`. */
  trailingComment?: string;
}

export interface ArrayLocation {
  /** Line of `key = [`. */
  line: number;
  /** Line of the closing `]`. */
  endLine: number;
  strings: ArrayStringPosition[];
}

const KEY_LINE_RE =
  /^[ \t]*(?:"([^"\n]*)"|'([^'\n]*)'|([A-Za-z0-9_-]+))[ \t]*=[ \t]*\[/;

/** Finds `key = [` among the top-level keys (before the first `[table]` header). */
function findArrayStart(
  text: string,
  key: string,
): { line: number; offset: number } | undefined {
  let offset = 0;
  let line = 1;
  while (offset <= text.length) {
    const end = text.indexOf('\n', offset);
    const lineText = text.slice(offset, end < 0 ? text.length : end);
    if (/^\s*\[/.test(lineText)) return undefined;
    const match = KEY_LINE_RE.exec(lineText);
    if (match && (match[1] ?? match[2] ?? match[3]) === key) {
      return { line, offset: offset + match[0].length };
    }
    if (end < 0) return undefined;
    offset = end + 1;
    line++;
  }
  return undefined;
}

/** One pass over the array's text: strings (all four TOML kinds), comments, nesting. */
export function locateArrayStrings(
  text: string,
  key: string,
): ArrayLocation | undefined {
  const start = findArrayStart(text, key);
  if (!start) return undefined;

  const strings: ArrayStringPosition[] = [];
  let line = start.line;
  let depth = 1;
  let lastOnLine: ArrayStringPosition | undefined;
  let i = start.offset;
  while (i < text.length) {
    const char = text[i];
    if (char === '\n') {
      line++;
      lastOnLine = undefined;
      i++;
    } else if (char === '#') {
      const end = text.indexOf('\n', i);
      const comment = text.slice(i + 1, end < 0 ? text.length : end).trim();
      if (lastOnLine) lastOnLine.trailingComment = comment;
      i = end < 0 ? text.length : end;
    } else if (char === '[') {
      depth++;
      i++;
    } else if (char === ']') {
      depth--;
      if (depth === 0) return { line: start.line, endLine: line, strings };
      i++;
    } else if (char === '"' || char === "'") {
      const position: ArrayStringPosition = { line };
      if (depth === 1) strings.push(position);
      const delimiter = text.startsWith(char.repeat(3), i)
        ? char.repeat(3)
        : char;
      const end = closingQuote(text, i + delimiter.length, delimiter);
      if (end < 0) return undefined;
      for (let j = i; j < end; j++) if (text[j] === '\n') line++;
      lastOnLine = depth === 1 ? position : undefined;
      i = end;
    } else {
      i++;
    }
  }
  return undefined;
}

/** Index just past the closing delimiter, or -1 when the string never closes. */
function closingQuote(text: string, from: number, delimiter: string): number {
  const basic = delimiter[0] === '"';
  for (let i = from; i < text.length; i++) {
    if (basic && text[i] === '\\') {
      i++;
    } else if (delimiter.length === 1 && text[i] === '\n') {
      return -1;
    } else if (text.startsWith(delimiter, i)) {
      return i + delimiter.length;
    }
  }
  return -1;
}
