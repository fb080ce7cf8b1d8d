/**
 * llama-swap's `cmd:` handling, reproduced: whole-line `#` comments are dropped, a line
 * ending in `\` continues on the next, and the rest is split like a POSIX shell would
 * (single quotes literal, double quotes with backslash escapes, newlines are whitespace).
 * Multi-line YAML blocks (`|` and `>`) therefore need no continuation backslashes.
 */

/** Removes whole-line comments, as llama-swap does before expanding macros. */
export function stripCommentLines(text: string): string {
  return text
    .split('\n')
    .filter(line => !line.trim().startsWith('#'))
    .join('\n');
}

/** Joins `\`-continued lines with a space. */
function joinContinuations(text: string): string {
  return text
    .split('\n')
    .map(line => {
      const trimmed = line.trim();
      return trimmed.endsWith('\\') ? `${trimmed.slice(0, -1)} ` : line;
    })
    .join('\n');
}

export interface SplitCommand {
  argv: string[];
  /** Set when a quote is never closed; argv then holds what could be read. */
  error?: string;
}

const DOUBLE_QUOTE_ESCAPABLE = new Set(['$', '`', '"', '\\', '\n']);

/** Splits a command into arguments in one pass over the text. */
export function splitCommand(command: string): SplitCommand {
  const text = joinContinuations(stripCommentLines(command));
  const argv: string[] = [];
  let current = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;

  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else current += char;
      continue;
    }
    if (quote === '"') {
      if (char === '"') {
        quote = undefined;
      } else if (
        char === '\\' &&
        i + 1 < text.length &&
        DOUBLE_QUOTE_ESCAPABLE.has(text[i + 1])
      ) {
        i++;
        if (text[i] !== '\n') current += text[i];
      } else {
        current += char;
      }
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      if (inWord) {
        argv.push(current);
        current = '';
        inWord = false;
      }
      continue;
    }
    inWord = true;
    if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '\\' && i + 1 < text.length) {
      i++;
      if (text[i] !== '\n') current += text[i];
    } else {
      current += char;
    }
  }
  if (inWord) argv.push(current);
  if (quote) {
    return {
      argv,
      error: `the ${quote === '"' ? 'double' : 'single'} quote is never closed`,
    };
  }
  return { argv };
}

/** One flag occurrence in argv, in order. */
export interface CommandFlag {
  flag: string;
  /** The value after the flag (`--ctx-size 65536`, `--ctx-size=65536`), or true for a switch. */
  value: string | true;
  /** Index of the flag in argv. */
  index: number;
}

function isFlag(arg: string): boolean {
  return arg.length > 1 && arg.startsWith('-') && !/^-\d/.test(arg);
}

/**
 * Reads flags after the program name. A flag takes the next argument as its value unless
 * that argument is itself a flag, so `--no-mmap -fa on -ngl 999` gives
 * `--no-mmap` → true, `-fa` → `on`, `-ngl` → `999`. A switch followed by a positional
 * argument is misread as taking it; llama-server commands have no positionals, so this holds.
 */
export function readFlags(argv: readonly string[]): CommandFlag[] {
  const flags: CommandFlag[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (!isFlag(arg)) continue;
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    if (equals > 2) {
      flags.push({
        flag: arg.slice(0, equals),
        value: arg.slice(equals + 1),
        index: i,
      });
    } else if (i + 1 < argv.length && !isFlag(argv[i + 1])) {
      flags.push({ flag: arg, value: argv[i + 1], index: i });
      i++;
    } else {
      flags.push({ flag: arg, value: true, index: i });
    }
  }
  return flags;
}

/** Last occurrence wins, as in llama-server's own argument parser. */
export function flagMap(
  flags: readonly CommandFlag[],
): Record<string, string | true> {
  return Object.fromEntries(flags.map(flag => [flag.flag, flag.value]));
}
