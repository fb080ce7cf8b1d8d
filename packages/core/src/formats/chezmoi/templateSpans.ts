/** Go-template delimiters; chezmoi lets a file change them with a `chezmoi:template:` directive. */
export interface TemplateDelimiters {
  left: string;
  right: string;
}

export const DEFAULT_DELIMITERS: TemplateDelimiters = {
  left: '{{',
  right: '}}',
};

/** One `{{ … }}` action (or comment) of a template. */
export interface TemplateSpan {
  /** Offsets into the text: `start` at the left delimiter, `end` just after the right one. */
  start: number;
  end: number;
  /** 1-based lines of the delimiters. */
  line: number;
  endLine: number;
  /** The action without delimiters, trim markers and surrounding blanks. */
  action: string;
  /** `{{-` / `-}}`: whitespace around the action is trimmed when rendering. */
  trimLeft: boolean;
  trimRight: boolean;
  comment: boolean;
  /** False when the text ends before the right delimiter. */
  closed: boolean;
}

export interface TemplateScan {
  delimiters: TemplateDelimiters;
  spans: TemplateSpan[];
  /** 1-based lines of `chezmoi:template:` directive lines (chezmoi drops them when rendering). */
  directiveLines: number[];
}

/** +1 for an action opening a block (`if`, `range`, `with`), -1 for `end`, else 0. */
export function conditionalDepthChange(action: string): number {
  const head = /^[A-Za-z]+/.exec(action)?.[0];
  if (head === 'if' || head === 'range' || head === 'with') return 1;
  if (head === 'end') return -1;
  return 0;
}

const DIRECTIVE = /chezmoi:template:(.*)$/gm;

/** Reads `chezmoi:template:left-delimiter=… right-delimiter=…` directives, if any. */
export function templateDelimiters(text: string): {
  delimiters: TemplateDelimiters;
  directiveLines: number[];
} {
  let left = DEFAULT_DELIMITERS.left;
  let right = DEFAULT_DELIMITERS.right;
  const directiveLines: number[] = [];
  if (!text.includes('chezmoi:template:'))
    return { delimiters: { left, right }, directiveLines };
  let line = 1;
  let counted = 0;
  for (const match of text.matchAll(DIRECTIVE)) {
    const at = match.index ?? 0;
    for (; counted < at; counted++) if (text.charCodeAt(counted) === 10) line++;
    directiveLines.push(line);
    for (const option of match[1].matchAll(
      /([a-z-]+)=("([^"]*)"|'([^']*)'|(\S+))/g,
    )) {
      const value = option[3] ?? option[4] ?? option[5] ?? '';
      if (option[1] === 'left-delimiter' && value !== '') left = value;
      if (option[1] === 'right-delimiter' && value !== '') right = value;
    }
  }
  return { delimiters: { left, right }, directiveLines };
}

/**
 * Finds the template actions of a text in one pass, skipping string literals inside
 * actions (`{{ "}}" }}` is one action) and `/* … *\/` comments, as Go's lexer does.
 */
export function findTemplateSpans(
  text: string,
  delimiters?: TemplateDelimiters,
): TemplateScan {
  const found = delimiters
    ? { delimiters, directiveLines: [] }
    : templateDelimiters(text);
  const { left, right } = found.delimiters;
  // chezmoi drops directive lines before parsing, so delimiters written in them do not count.
  const skipped = directiveRanges(text, found.directiveLines.length > 0);
  let nextSkip = 0;
  const spans: TemplateSpan[] = [];
  let line = 1;
  let counted = 0;
  const advanceLine = (to: number) => {
    for (let i = counted; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    counted = to;
  };
  let pos = 0;
  while (pos < text.length) {
    const start = text.indexOf(left, pos);
    if (start === -1) break;
    while (nextSkip < skipped.length && skipped[nextSkip][1] <= start)
      nextSkip++;
    if (nextSkip < skipped.length && skipped[nextSkip][0] <= start) {
      pos = skipped[nextSkip][1];
      continue;
    }
    advanceLine(start);
    const startLine = line;
    let i = start + left.length;
    const trimLeft = text[i] === '-' && /\s/.test(text[i + 1] ?? '');
    if (trimLeft) i += 2;
    while (i < text.length && /[ \t\r\n]/.test(text[i])) i++;
    const comment = text.startsWith('/*', i);
    let closed = false;
    let end = text.length;
    let actionEnd = text.length;
    if (comment) {
      const close = text.indexOf('*/', i + 2);
      const rightAt = close === -1 ? -1 : text.indexOf(right, close + 2);
      if (rightAt !== -1) {
        closed = true;
        actionEnd = rightAt;
        end = rightAt + right.length;
      }
    } else {
      while (i < text.length) {
        const ch = text[i];
        if (ch === '"' || ch === "'") {
          i = skipQuoted(text, i, ch);
          continue;
        }
        if (ch === '`') {
          const close = text.indexOf('`', i + 1);
          i = close === -1 ? text.length : close + 1;
          continue;
        }
        if (text.startsWith(right, i)) {
          closed = true;
          actionEnd = i;
          end = i + right.length;
          break;
        }
        i++;
      }
    }
    let inner = text.slice(start + left.length, actionEnd);
    if (trimLeft) inner = inner.slice(2);
    const trimRight = closed && /\s-$/.test(inner);
    if (trimRight) inner = inner.slice(0, -2);
    advanceLine(end);
    spans.push({
      start,
      end,
      line: startLine,
      endLine: text.charCodeAt(end - 1) === 10 ? line - 1 : line,
      action: inner.trim(),
      trimLeft,
      trimRight,
      comment,
      closed,
    });
    pos = end;
  }
  return {
    delimiters: found.delimiters,
    spans,
    directiveLines: found.directiveLines,
  };
}

/** Skips a "…" or '…' literal; a newline ends it, as Go's lexer refuses multi-line strings. */
function skipQuoted(text: string, at: number, quote: string): number {
  let i = at + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === quote) return i + 1;
    if (ch === '\n') return i;
    i++;
  }
  return i;
}

/** Offsets [start, end) of the directive lines, in order. */
function directiveRanges(text: string, any: boolean): [number, number][] {
  if (!any) return [];
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(DIRECTIVE)) {
    const at = match.index ?? 0;
    const start = text.lastIndexOf('\n', at) + 1;
    const nl = text.indexOf('\n', at);
    ranges.push([start, nl === -1 ? text.length : nl]);
  }
  return ranges;
}
