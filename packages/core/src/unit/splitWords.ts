import { decodeEscape } from './escapes';

/**
 * Word splitting as systemd's `extract_first_word()` does it (podman ports it in
 * `pkg/systemd/parser/split.go`). Only the flag combinations podman uses matter, but
 * the flags are kept separate so each behaviour is explicit.
 */
export interface SplitOptions {
  /** Accept unbalanced quotes and a trailing backslash. */
  relax?: boolean;
  /** Decode C escapes (`\n`, `\x41`…); an unknown escape is an error. */
  cUnescape?: boolean;
  /** Keep unknown escapes (and a trailing backslash) verbatim instead of failing. */
  unescapeRelax?: boolean;
  /** `\` followed by a separator or `\` gives that character. */
  unescapeSeparators?: boolean;
  /** Quotes group words but stay in the output. */
  keepQuote?: boolean;
  /** Quotes group words and are removed. */
  unquote?: boolean;
  /** Every separator ends a word, so empty words appear. */
  dontCoalesceSeparators?: boolean;
  /** `\` is an ordinary character. */
  retainEscape?: boolean;
  /** Do not skip the separator after a word. */
  retainSeparators?: boolean;
  /** Separator characters; systemd's whitespace by default. */
  separators?: string;
}

export type SplitError =
  | 'unbalanced escape'
  | 'unsupported escape char'
  | 'unbalanced quotes';

/** The words, or none and the error (podman then drops the whole value). */
export interface SplitResult {
  words: string[];
  error?: SplitError;
}

export const WHITESPACE_SEPARATORS = ' \t\n\r';

const NUL = 0;
const BACKSLASH = 92;
const SINGLE = 39;
const DOUBLE = 34;

interface Extracted {
  word: string | undefined;
  next: number;
  error?: SplitError;
}

function extractFirstWord(
  input: string,
  start: number,
  o: SplitOptions,
  seps: string,
): Extracted {
  const end = input.length;
  // Like the C original, a NUL byte ends the string.
  const at = (i: number): number => (i < end ? input.charCodeAt(i) : NUL);
  const isSep = (c: number) =>
    c !== NUL && seps.includes(String.fromCharCode(c));
  let p = start;
  let word = '';
  let quote = 0;
  let backslash = false;

  const finish = (next: number): Extracted =>
    word.length === 0 ? { word: undefined, next: end } : { word, next };

  if (p >= end) {
    return { word: undefined, next: end };
  }
  let c = at(p);
  for (; ; c = at(++p)) {
    if (c === NUL) {
      return finish(end);
    }
    if (!isSep(c)) {
      break;
    }
    if (o.dontCoalesceSeparators) {
      return { word, next: o.retainSeparators ? p : p + 1 };
    }
  }

  for (; ; c = at(++p)) {
    if (backslash) {
      if (c === NUL) {
        if (o.unescapeRelax && (quote === 0 || o.relax)) {
          word += '\\';
          return finish(end);
        }
        if (o.relax) {
          return finish(end);
        }
        return { word: undefined, next: end, error: 'unbalanced escape' };
      }
      if (o.cUnescape || o.unescapeSeparators) {
        const decoded = o.cUnescape ? decodeEscape(input, p) : undefined;
        if (decoded) {
          p += decoded.length - 1;
          word += decoded.value;
        } else if (o.unescapeSeparators && (isSep(c) || c === BACKSLASH)) {
          word += input[p];
        } else if (o.unescapeRelax) {
          word += `\\${input[p]}`;
        } else {
          return {
            word: undefined,
            next: end,
            error: 'unsupported escape char',
          };
        }
      } else {
        word += input[p];
      }
      backslash = false;
    } else if (quote !== 0) {
      for (; ; c = at(++p)) {
        if (c === NUL) {
          if (o.relax) {
            return finish(end);
          }
          return { word: undefined, next: end, error: 'unbalanced quotes' };
        }
        if (c === quote) {
          quote = 0;
          if (o.unquote) {
            break;
          }
        } else if (c === BACKSLASH && !o.retainEscape) {
          backslash = true;
          break;
        }
        word += input[p];
        if (quote === 0) {
          break;
        }
      }
    } else {
      for (; ; c = at(++p)) {
        if (c === NUL) {
          return finish(end);
        }
        if ((c === SINGLE || c === DOUBLE) && (o.keepQuote || o.unquote)) {
          quote = c;
          if (o.unquote) {
            break;
          }
        } else if (c === BACKSLASH && !o.retainEscape) {
          backslash = true;
          break;
        } else if (isSep(c)) {
          if (o.dontCoalesceSeparators) {
            return { word, next: o.retainSeparators ? p : p + 1 };
          }
          if (!o.retainSeparators) {
            for (; ; c = at(++p)) {
              if (c === NUL) {
                return finish(end);
              }
              if (!isSep(c)) {
                break;
              }
            }
          }
          return finish(p);
        }
        word += input[p];
        if (quote !== 0) {
          break;
        }
      }
    }
  }
}

/**
 * Splits `input` into words. On error no words are returned, as podman discards the
 * whole value. Note the inherited quirk: an empty word (`""`) ends the splitting.
 */
export function splitWords(
  input: string,
  options: SplitOptions = {},
): SplitResult {
  const seps = options.separators ?? WHITESPACE_SEPARATORS;
  const words: string[] = [];
  let pos = 0;
  for (;;) {
    const r = extractFirstWord(input, pos, options, seps);
    if (r.error) {
      return { words: [], error: r.error };
    }
    if (r.word === undefined) {
      return { words };
    }
    words.push(r.word);
    if (r.next <= pos) {
      return { words }; // no progress (only possible with retainSeparators)
    }
    pos = r.next;
  }
}

/** Exec-style splitting (`Exec=`, `PodmanArgs=`, `Environment=`…): quotes removed, C escapes decoded. */
export function splitExecArgs(input: string): SplitResult {
  return splitWords(input, { relax: true, unquote: true, cUnescape: true });
}

/**
 * systemd `config_parse_strv()` splitting (`RequiredBy=`, `WantedBy=`, dependency lists):
 * quotes removed, backslashes kept. An unbalanced quote drops the value.
 */
export function splitStrv(input: string): SplitResult {
  return splitWords(input, { retainEscape: true, unquote: true });
}
