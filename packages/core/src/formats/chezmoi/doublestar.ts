/**
 * The `doublestar` glob syntax chezmoi uses for `.chezmoiignore` and `.chezmoiremove`:
 * `*` and `?` stay within one path segment, `**` as a whole segment spans any number of
 * them, `[…]` / `[!…]` / `[^…]` classes, `{a,b}` alternatives, `\` escapes. Patterns match
 * the whole target path (no gitignore-style "any depth" for bare names).
 */
export function doublestarToRegExp(pattern: string): RegExp {
  try {
    return new RegExp(`^${translate(pattern)}$`);
  } catch {
    // doublestar reports a bad pattern; chezmoi then skips it, so it matches nothing.
    return /(?!)/;
  }
}

function translate(pattern: string): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      if (
        pattern[i + 1] === '*' &&
        atSegmentStart &&
        (i + 2 === pattern.length || pattern[i + 2] === '/')
      ) {
        if (i + 2 === pattern.length) {
          out += '.*';
          i += 1;
        } else {
          // `**/` matches zero or more whole segments.
          out += '(?:[^/]*(?:/[^/]*)*/)?';
          i += 2;
        }
      } else {
        while (pattern[i + 1] === '*') i++;
        out += '[^/]*';
      }
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '\\' && i + 1 < pattern.length) {
      i++;
      out += escape(pattern[i]);
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(
        /[\\\]]/g,
        m => `\\${m}`,
      )}]`;
      i = close;
    } else if (ch === '{') {
      braceDepth++;
      out += '(?:';
    } else if (ch === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (ch === ',' && braceDepth > 0) {
      out += '|';
    } else {
      out += escape(ch);
    }
  }
  return out + ')'.repeat(braceDepth);
}

function escape(ch: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}
