/**
 * Go's `filepath.Match` syntax, which Caddy's `import` uses: `*` and `?` never cross a `/`,
 * `[abc]`, `[a-z]`, `[^x]` classes, `\` escapes. No `**`: a `**` is just two stars.
 */
export function hasGlobMeta(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** Compiles a pattern into an anchored regular expression; a malformed class matches literally. */
export function caddyGlobToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') {
      out += '[^/]*';
    } else if (ch === '?') {
      out += '[^/]';
    } else if (ch === '\\' && i + 1 < pattern.length) {
      i++;
      out += escapeRegExp(pattern[i]);
    } else if (ch === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close === -1) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      const negated = body.startsWith('^') || body.startsWith('!');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(
        /[\\\]]/g,
        m => `\\${m}`,
      )}]`;
      i = close;
    } else {
      out += escapeRegExp(ch);
    }
  }
  try {
    return new RegExp(`^${out}$`);
  } catch {
    // e.g. a reversed range `[z-a]`: Go reports ErrBadPattern; matching nothing is the safe reading.
    return /(?!)/;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, m => `\\${m}`);
}
