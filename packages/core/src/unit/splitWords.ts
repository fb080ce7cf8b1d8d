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

function isSeparator(seps: string, c: number): boolean {
  if (c === NUL) return false;
  for (let i = 0; i < seps.length; i++) {
    if (seps.charCodeAt(i) === c) return true;
  }
  return false;
}

/*
 * `extractFirstWord` reports through these instead of returning an object per word: word
 * splitting runs for many values of every unit, and it must not allocate more than the words.
 */
let extractedWord: string | undefined;
let extractedNext = 0;
let extractedError: SplitError | undefined;

/**
 * One step of systemd's `extract_first_word()`. The word is built from slices of `input`
 * (`run` is the pending stretch copied verbatim) rather than character by character.
 */
function extractFirstWord(
  input: string,
  start: number,
  o: SplitOptions,
  seps: string,
): void {
  const end = input.length;
  let p = start;
  let word = '';
  let runStart = -1;
  let runEnd = -1;
  let quote = 0;
  let backslash = false;
  extractedError = undefined;

  // Like the C original, a NUL byte ends the string.
  let c = p < end ? input.charCodeAt(p) : NUL;
  if (p >= end) {
    extractedWord = undefined;
    extractedNext = end;
    return;
  }
  for (; ; c = ++p < end ? input.charCodeAt(p) : NUL) {
    if (c === NUL) {
      extractedWord = undefined;
      extractedNext = end;
      return;
    }
    if (!isSeparator(seps, c)) break;
    if (o.dontCoalesceSeparators) {
      extractedWord = '';
      extractedNext = o.retainSeparators ? p : p + 1;
      return;
    }
  }

  // `finish(next)` of the original: the word so far, or nothing when it is empty.
  let next = end;
  let result = 0; // 0: finish(next), 1: return the word as is (even empty), 2: error
  // Set by the inner loops to leave the outer one too.
  let done = false;
  for (; ; c = ++p < end ? input.charCodeAt(p) : NUL) {
    if (backslash) {
      if (c === NUL) {
        if (o.unescapeRelax && (quote === 0 || o.relax)) {
          if (runStart >= 0) {
            word += input.slice(runStart, runEnd);
            runStart = -1;
          }
          word += '\\';
          break;
        }
        if (o.relax) break;
        extractedError = 'unbalanced escape';
        result = 2;
        break;
      }
      if (o.cUnescape || o.unescapeSeparators) {
        const decoded = o.cUnescape ? decodeEscape(input, p) : undefined;
        if (decoded) {
          if (runStart >= 0) {
            word += input.slice(runStart, runEnd);
            runStart = -1;
          }
          p += decoded.length - 1;
          word += decoded.value;
        } else if (
          o.unescapeSeparators &&
          (isSeparator(seps, c) || c === BACKSLASH)
        ) {
          if (runStart >= 0 && runEnd === p) runEnd++;
          else {
            if (runStart >= 0) word += input.slice(runStart, runEnd);
            runStart = p;
            runEnd = p + 1;
          }
        } else if (o.unescapeRelax) {
          if (runStart >= 0) {
            word += input.slice(runStart, runEnd);
            runStart = -1;
          }
          word += `\\${input[p]}`;
        } else {
          extractedError = 'unsupported escape char';
          result = 2;
          break;
        }
      } else if (runStart >= 0 && runEnd === p) runEnd++;
      else {
        if (runStart >= 0) word += input.slice(runStart, runEnd);
        runStart = p;
        runEnd = p + 1;
      }
      backslash = false;
    } else if (quote !== 0) {
      for (; ; c = ++p < end ? input.charCodeAt(p) : NUL) {
        if (c === NUL) {
          if (!o.relax) {
            extractedError = 'unbalanced quotes';
            result = 2;
          }
          done = true;
          break;
        }
        if (c === quote) {
          quote = 0;
          if (o.unquote) break;
        } else if (c === BACKSLASH && !o.retainEscape) {
          backslash = true;
          break;
        }
        if (runStart >= 0 && runEnd === p) runEnd++;
        else {
          if (runStart >= 0) word += input.slice(runStart, runEnd);
          runStart = p;
          runEnd = p + 1;
        }
        if (quote === 0) break;
      }
      if (done) break;
    } else {
      for (; ; c = ++p < end ? input.charCodeAt(p) : NUL) {
        if (c === NUL) {
          done = true;
          break;
        }
        if ((c === SINGLE || c === DOUBLE) && (o.keepQuote || o.unquote)) {
          quote = c;
          if (o.unquote) break;
        } else if (c === BACKSLASH && !o.retainEscape) {
          backslash = true;
          break;
        } else if (isSeparator(seps, c)) {
          if (o.dontCoalesceSeparators) {
            next = o.retainSeparators ? p : p + 1;
            result = 1;
          } else {
            if (!o.retainSeparators) {
              for (; ; c = ++p < end ? input.charCodeAt(p) : NUL) {
                if (c === NUL || !isSeparator(seps, c)) break;
              }
            }
            // Only separators up to the end: the word ends the input (`next` stays there).
            if (c !== NUL) next = p;
          }
          done = true;
          break;
        }
        if (runStart >= 0 && runEnd === p) runEnd++;
        else {
          if (runStart >= 0) word += input.slice(runStart, runEnd);
          runStart = p;
          runEnd = p + 1;
        }
        if (quote !== 0) break;
      }
      if (done) break;
    }
  }
  if (result === 2) {
    extractedWord = undefined;
    extractedNext = end;
    return;
  }
  if (runStart >= 0) {
    // A word that is one stretch of the input is a plain slice, not a concatenation.
    word =
      word === ''
        ? input.slice(runStart, runEnd)
        : word + input.slice(runStart, runEnd);
  }
  if (result === 1) {
    extractedWord = word;
    extractedNext = next;
    return;
  }
  if (word.length === 0) {
    extractedWord = undefined;
    extractedNext = end;
  } else {
    extractedWord = word;
    extractedNext = next;
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
    extractFirstWord(input, pos, options, seps);
    if (extractedError) {
      return { words: [], error: extractedError };
    }
    if (extractedWord === undefined) {
      return { words };
    }
    words.push(extractedWord);
    if (extractedNext <= pos) {
      return { words }; // no progress (only possible with retainSeparators)
    }
    pos = extractedNext;
  }
}

const EXEC_ARGS: SplitOptions = { relax: true, unquote: true, cUnescape: true };
const STRV: SplitOptions = { retainEscape: true, unquote: true };

/** Exec-style splitting (`Exec=`, `PodmanArgs=`, `Environment=`…): quotes removed, C escapes decoded. */
export function splitExecArgs(input: string): SplitResult {
  return splitWords(input, EXEC_ARGS);
}

/**
 * systemd `config_parse_strv()` splitting (`RequiredBy=`, `WantedBy=`, dependency lists):
 * quotes removed, backslashes kept. An unbalanced quote drops the value.
 */
export function splitStrv(input: string): SplitResult {
  return splitWords(input, STRV);
}
