/**
 * The two glob syntaxes the box's tools use, compiled to anchored regular expressions by one
 * translator (they share `*`, `?`, classes and escapes):
 *
 * - `filepath`: Go's `filepath.Match`, which Caddy's `import` uses: `*` and `?` never cross a
 *   `/`, `[abc]`, `[a-z]`, `[^x]` (and `[!x]`) classes, `\` escapes. No `**`: a `**` is just two
 *   stars, and braces are literal.
 * - `doublestar`: what chezmoi uses for `.chezmoiignore` and `.chezmoiremove`: the same, plus
 *   `**` as a whole segment spanning any number of segments and `{a,b}` alternatives.
 *
 * Patterns match the whole path (no gitignore-style "any depth" for bare names).
 */
export type GlobSyntax = 'filepath' | 'doublestar';

/** Whether a path holds glob characters (else it names one file). */
export function hasGlobMeta(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** Compiles a pattern; a malformed class matches literally, and a bad pattern matches nothing. */
export function globToRegExp(pattern: string, syntax: GlobSyntax): RegExp {
  try {
    return new RegExp(`^${translate(pattern, syntax === 'doublestar')}$`);
  } catch {
    // e.g. a reversed range `[z-a]`: Go and doublestar report a bad pattern (chezmoi then
    // skips it); matching nothing is the safe reading.
    return /(?!)/;
  }
}

function translate(pattern: string, doublestar: boolean): string {
  let out = '';
  let braceDepth = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      const atSegmentStart = i === 0 || pattern[i - 1] === '/';
      if (
        doublestar &&
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
        // A run of stars within a segment is one star (as `**` is in `filepath`).
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
    } else if (doublestar && ch === '{') {
      braceDepth++;
      out += '(?:';
    } else if (doublestar && ch === '}' && braceDepth > 0) {
      braceDepth--;
      out += ')';
    } else if (doublestar && ch === ',' && braceDepth > 0) {
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
