/**
 * C-style escapes as systemd (and podman's port of it) understands them:
 * `\a \b \f \n \r \t \v \\ \" \' \s`, `\xHH`, `\uHHHH`, `\UHHHHHHHH` and `\OOO` (octal).
 */

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function octValue(c: number): number {
  return c >= 48 && c <= 55 ? c - 48 : -1;
}

const SIMPLE: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
  "'": "'",
  s: ' ',
};

/** How many hex digits follow `\x`, `\u` and `\U`. */
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** A code point as Go's `WriteRune` writes it: surrogates and out-of-range become U+FFFD. */
function runeToString(code: number): string {
  if ((code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
    return '\uFFFD';
  }
  return String.fromCodePoint(code);
}

/**
 * Decodes the escape whose letter is at `text[at]` (just after the backslash).
 * Returns the decoded text and how many characters it used, or `undefined` when the
 * escape is not supported (podman: "unsupported escape char"). NUL is never accepted.
 */
export function decodeEscape(
  text: string,
  at: number,
): { value: string; length: number } | undefined {
  if (at >= text.length) {
    return undefined;
  }
  const letter = text[at];
  const simple = SIMPLE[letter];
  if (simple !== undefined) {
    return { value: simple, length: 1 };
  }
  if (letter === 'x' || letter === 'u' || letter === 'U') {
    const digits = HEX_DIGITS[letter];
    if (at + digits >= text.length) {
      return undefined;
    }
    let code = 0;
    for (let i = 1; i <= digits; i++) {
      const h = hexValue(text.charCodeAt(at + i));
      if (h < 0) {
        return undefined;
      }
      code = code * 16 + h;
    }
    if (code === 0 || (letter === 'U' && code > 0x10ffff)) {
      return undefined;
    }
    return { value: runeToString(code), length: digits + 1 };
  }
  const first = octValue(text.charCodeAt(at));
  if (first >= 0) {
    if (at + 2 >= text.length) {
      return undefined;
    }
    const second = octValue(text.charCodeAt(at + 1));
    const third = octValue(text.charCodeAt(at + 2));
    if (second < 0 || third < 0) {
      return undefined;
    }
    const code = first * 64 + second * 8 + third;
    if (code === 0 || code > 255) {
      return undefined;
    }
    return { value: String.fromCharCode(code), length: 3 };
  }
  return undefined;
}

/** Whether a word must be quoted and escaped to survive exec-style splitting. */
function charNeedsEscape(code: number): boolean {
  if (code > 128) {
    return false;
  }
  return (
    code <= 0x20 ||
    code === 0x7f ||
    code === 0x80 ||
    code === 0x22 /* " */ ||
    code === 0x27 /* ' */ ||
    code === 0x5c /* \ */
  );
}

const ESCAPE_OUT: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\f': '\\f',
  '\\': '\\\\',
  ' ': ' ',
  '"': '\\"',
  "'": "'",
};

/** Quotes one word so that exec-style splitting gives it back (podman's `escapeWords`). */
export function escapeWord(word: string): string {
  let needs = false;
  for (let i = 0; i < word.length && !needs; i++) {
    needs = charNeedsEscape(word.charCodeAt(i));
  }
  if (!needs) {
    return word;
  }
  let out = '"';
  for (const ch of word) {
    const code = ch.codePointAt(0)!;
    if (charNeedsEscape(code)) {
      out += ESCAPE_OUT[ch] ?? `\\x${code.toString(16).padStart(2, '0')}`;
    } else {
      out += ch;
    }
  }
  return `${out}"`;
}

/** Joins words into one exec-style command line. */
export function escapeWords(words: readonly string[]): string {
  return words.map(escapeWord).join(' ');
}
