import { splitExecArgs, type SplitError } from './splitWords';
import { trimGoSpaceRight } from './whitespace';

/**
 * A single value as podman's `Lookup()` reads it: trailing blanks removed and one pair of
 * surrounding double quotes stripped. Nothing else is unescaped, so `Image="a\x"` stays raw.
 */
export function unquoteValue(raw: string): string {
  const v = trimGoSpaceRight(raw);
  if (
    v.length >= 2 &&
    v.charCodeAt(0) === 34 &&
    v.charCodeAt(v.length - 1) === 34
  ) {
    return v.slice(1, -1);
  }
  return v;
}

/** systemd booleans as podman reads them: `1`, `yes`, `true`, `on` (any case) are true, all else false. */
export function parseBoolean(raw: string): boolean {
  const v = unquoteValue(raw).toLowerCase();
  return v === '1' || v === 'yes' || v === 'true' || v === 'on';
}

/** One `KEY=VALUE` word of an `Environment=`/`Label=`-style value. */
export interface KeyValueWord {
  key: string;
  /** `undefined` for a bare word without `=`. */
  value: string | undefined;
}

export interface KeyValueResult {
  pairs: KeyValueWord[];
  error?: SplitError;
  /** Bare words that follow an assignment: usually an unquoted value with spaces. */
  strayWords: string[];
}

/**
 * Splits an `Environment=`/`Label=`/`Annotation=`/`Options=` value into `KEY=VALUE` words
 * (exec-style, so quotes group and escapes decode).
 */
export function parseKeyValueWords(raw: string): KeyValueResult {
  const split = splitExecArgs(raw);
  const pairs: KeyValueWord[] = [];
  const strayWords: string[] = [];
  let sawAssignment = false;
  for (const word of split.words) {
    const eq = word.indexOf('=');
    if (eq >= 0) {
      pairs.push({ key: word.slice(0, eq), value: word.slice(eq + 1) });
      sawAssignment = true;
    } else {
      if (sawAssignment) {
        strayWords.push(word);
      }
      pairs.push({ key: word, value: undefined });
    }
  }
  return { pairs, error: split.error, strayWords };
}

/** What can be wrong with an `Environment=`-style value (see `parseKeyValueWords`). */
export interface KeyValueProblems {
  error?: SplitError;
  strayWords: string[];
}

function isWhitespaceSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The `error` and `strayWords` of `parseKeyValueWords(raw)`, or `undefined` when there are
 * none. A value without quotes, backslashes or NUL splits on blanks alone, so it is scanned
 * in place instead of being split into words.
 */
export function keyValueProblems(raw: string): KeyValueProblems | undefined {
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === 34 || c === 39 || c === 92 || c === 0) {
      const parsed = parseKeyValueWords(raw);
      return parsed.error || parsed.strayWords.length > 0
        ? { error: parsed.error, strayWords: parsed.strayWords }
        : undefined;
    }
  }
  let strayWords: string[] | undefined;
  let sawAssignment = false;
  let i = 0;
  while (i < n) {
    while (i < n && isWhitespaceSeparator(raw.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let assignment = false;
    for (; i < n; i++) {
      const c = raw.charCodeAt(i);
      if (isWhitespaceSeparator(c)) break;
      if (c === 61 /* = */) assignment = true;
    }
    if (assignment) sawAssignment = true;
    else if (sawAssignment) (strayWords ??= []).push(raw.slice(start, i));
  }
  return strayWords ? { strayWords } : undefined;
}
