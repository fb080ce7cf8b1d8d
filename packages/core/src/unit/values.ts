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
