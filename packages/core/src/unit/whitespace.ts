/**
 * Whitespace exactly as Go's `unicode.IsSpace` sees it, because podman trims every
 * line with `strings.TrimSpace`. JavaScript's `trim()` differs: it also strips U+FEFF
 * (a BOM would silently vanish) and keeps U+0085 (NEL).
 */
export function isGoSpace(code: number): boolean {
  if (code <= 0x20) {
    return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  }
  if (code < 0x85) {
    return false;
  }
  return (
    code === 0x85 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000
  );
}

/** Index of the first character that is not Go whitespace (or `text.length`). */
export function firstNonSpace(text: string, from = 0): number {
  let i = from;
  while (i < text.length && isGoSpace(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

/** Index just past the last character that is not Go whitespace (or `from`). */
export function endOfNonSpace(text: string, from = 0): number {
  let end = text.length;
  while (end > from && isGoSpace(text.charCodeAt(end - 1))) {
    end--;
  }
  return end;
}

/** `strings.TrimSpace`. */
export function trimGoSpace(text: string): string {
  const start = firstNonSpace(text);
  const end = endOfNonSpace(text, start);
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** `strings.TrimRightFunc(v, unicode.IsSpace)`. */
export function trimGoSpaceRight(text: string): string {
  const end = endOfNonSpace(text);
  return end === text.length ? text : text.slice(0, end);
}
