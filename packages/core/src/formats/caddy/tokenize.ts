import { diagnostic, type Diagnostic } from '../../diagnostic';

/** How a token was written; only unquoted `{` and `}` open and close blocks. */
export type CaddyQuote = 'none' | 'double' | 'backtick' | 'heredoc';

export interface CaddyToken {
  /** The token after unquoting; placeholders (`{env.X}`, `{$VAR:default}`) are kept as written. */
  text: string;
  /** 1-based line where the token starts. */
  line: number;
  quote: CaddyQuote;
  /**
   * True when an unescaped newline separates this token from the previous one, i.e. the
   * token starts a new Caddyfile line. A `\` at the end of a line glues the next line on.
   */
  startsLine: boolean;
}

export interface CaddyTokens {
  tokens: CaddyToken[];
  diagnostics: Diagnostic[];
}

const HEREDOC_MARKER = /^<<([A-Za-z0-9_-]+)[ \t]*\r?$/;

/**
 * Splits Caddyfile text into tokens the way Caddy's lexer does: whitespace separates tokens,
 * `#` starts a comment only at the start of a token, `"…"` allows `\"`, backticks are raw,
 * `<<MARKER` heredocs run to a line holding only MARKER, and `\` before a newline continues
 * the line. One pass over the text; never throws.
 */
export function tokenizeCaddyfile(file: string, text: string): CaddyTokens {
  const tokens: CaddyToken[] = [];
  const diagnostics: Diagnostic[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = source.length;
  let i = 0;
  let line = 1;
  let lineBreakPending = true;

  const push = (value: string, startLine: number, quote: CaddyQuote) => {
    tokens.push({
      text: value,
      line: startLine,
      quote,
      startsLine: lineBreakPending,
    });
    lineBreakPending = false;
  };

  while (i < n) {
    const ch = source[i];
    if (ch === '\n') {
      line++;
      lineBreakPending = true;
      i++;
      continue;
    }
    if (
      ch === ' ' ||
      ch === '\t' ||
      ch === '\r' ||
      ch === '\f' ||
      ch === '\v'
    ) {
      i++;
      continue;
    }
    if (ch === '#') {
      // Comment runs to the end of the line (the newline itself is handled above).
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '\\' && continuesLine(source, i)) {
      // A lone backslash before the newline: the next line continues this one.
      i += source[i + 1] === '\n' ? 2 : 3;
      line++;
      continue;
    }
    const startLine = line;
    if (ch === '"' || ch === '`') {
      const closing = ch;
      let value = '';
      i++;
      let closed = false;
      while (i < n) {
        const c = source[i];
        if (closing === '"' && c === '\\' && i + 1 < n) {
          const next = source[i + 1];
          // Inside double quotes only the quote can be escaped; other backslashes stay.
          if (next === '"') {
            value += '"';
          } else {
            value += `\\${next}`;
            if (next === '\n') line++;
          }
          i += 2;
          continue;
        }
        if (c === closing) {
          closed = true;
          i++;
          break;
        }
        if (c === '\n') line++;
        if (c !== '\r') value += c;
        i++;
      }
      if (!closed) {
        diagnostics.push(
          diagnostic(
            file,
            startLine,
            'error',
            'caddy/unclosed-quote',
            `Quote opened with ${closing} is never closed`,
          ),
        );
      }
      push(value, startLine, closing === '"' ? 'double' : 'backtick');
      continue;
    }
    if (ch === '<' && source[i + 1] === '<') {
      const lineEnd = source.indexOf('\n', i);
      const rest = source.slice(i, lineEnd === -1 ? n : lineEnd);
      const marker = HEREDOC_MARKER.exec(rest);
      if (marker && lineEnd !== -1) {
        const heredoc = readHeredoc(source, lineEnd + 1, marker[1]);
        line += heredoc.lines;
        if (!heredoc.closed) {
          diagnostics.push(
            diagnostic(
              file,
              startLine,
              'error',
              'caddy/unclosed-heredoc',
              `Heredoc <<${marker[1]} is never closed`,
            ),
          );
        }
        push(heredoc.text, startLine, 'heredoc');
        i = heredoc.end;
        continue;
      }
    }
    // A bare word runs to the next whitespace; `\x` keeps both characters, as Caddy does.
    let value = '';
    while (i < n) {
      const c = source[i];
      if (
        c === ' ' ||
        c === '\t' ||
        c === '\n' ||
        c === '\r' ||
        c === '\f' ||
        c === '\v'
      )
        break;
      if (c === '\\' && i + 1 < n) {
        const next = source[i + 1];
        if (continuesLine(source, i)) break;
        value += next === '<' ? '<' : `\\${next}`;
        i += 2;
        continue;
      }
      value += c;
      i++;
    }
    push(value, startLine, 'none');
  }
  return { tokens, diagnostics };
}

interface Heredoc {
  text: string;
  /** Offset just after the closing marker. */
  end: number;
  /** Newlines consumed, including the one ending the `<<MARKER` line. */
  lines: number;
  closed: boolean;
}

function readHeredoc(source: string, start: number, marker: string): Heredoc {
  const body: string[] = [];
  let pos = start;
  let lines = 1;
  while (pos <= source.length) {
    const nl = source.indexOf('\n', pos);
    const raw = source
      .slice(pos, nl === -1 ? source.length : nl)
      .replace(/\r$/, '');
    const stripped = raw.trimStart();
    if (
      stripped.startsWith(marker) &&
      (stripped.length === marker.length || /\s/.test(stripped[marker.length]))
    ) {
      // Caddy strips the closing marker's indentation from every line of the body; the
      // rest of the marker's line goes on as ordinary tokens.
      const indent = raw.slice(0, raw.length - stripped.length);
      const text = body
        .map(l => (l.startsWith(indent) ? l.slice(indent.length) : l))
        .join('\n');
      return {
        text,
        end: pos + indent.length + marker.length,
        lines,
        closed: true,
      };
    }
    body.push(raw);
    if (nl === -1) break;
    lines++;
    pos = nl + 1;
  }
  return { text: body.join('\n'), end: source.length, lines, closed: false };
}

/** True when the backslash at `at` is the last character of its line. */
function continuesLine(source: string, at: number): boolean {
  const next = source[at + 1];
  return next === '\n' || (next === '\r' && source[at + 2] === '\n');
}
