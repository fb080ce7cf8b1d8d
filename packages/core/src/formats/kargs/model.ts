import { Diagnostic } from '../../diagnostic';
import { DiagnosticSink } from '../common/diagnosticSink';
import { ArrayStringPosition, locateArrayStrings } from './arrayStrings';
import { KargsDocument } from './parse';

/** One kernel argument from a kargs.d file. */
export interface Karg {
  file: string;
  line: number;
  /** As written: `ttm.pages_limit=33554432`. */
  raw: string;
  /** Before the first `=`: `ttm.pages_limit`. */
  key: string;
  /** After the first `=`, absent for flags such as `quiet`. */
  value?: string;
  /** The comment lines right above the entry and any comment after it on its line. */
  rationale: string;
}

export interface KargsFile {
  file: string;
  /** The comment block at the top of the file. */
  rationale: string;
  /** Line of `kargs = [`, 0 when missing. */
  line: number;
  kargs: Karg[];
  /** Rust architecture names (`x86_64`, `aarch64`); the file is skipped on other machines. */
  matchArchitectures?: { values: string[]; line: number };
}

export interface KargsModelResult {
  kargs: KargsFile;
  diagnostics: Diagnostic[];
}

const KNOWN_KEYS = new Set(['kargs', 'match-architectures']);

/** Rust's `std::env::consts::ARCH` values, which bootc compares against. */
const RUST_ARCHITECTURES = new Set([
  'x86',
  'x86_64',
  'arm',
  'aarch64',
  'm68k',
  'csky',
  'mips',
  'mips32r6',
  'mips64',
  'mips64r6',
  'powerpc',
  'powerpc64',
  'riscv32',
  'riscv64',
  's390x',
  'sparc',
  'sparc64',
  'hexagon',
  'loongarch64',
]);
const ARCHITECTURE_SPELLINGS: Record<string, string> = {
  amd64: 'x86_64',
  'x86-64': 'x86_64',
  arm64: 'aarch64',
  ppc64le: 'powerpc64',
  ppc64: 'powerpc64',
  i686: 'x86',
  i386: 'x86',
};

function isComment(line: string): boolean {
  return line.trimStart().startsWith('#');
}

function commentText(line: string): string {
  return line.trimStart().replace(/^#+ ?/, '').trimEnd();
}

/** The contiguous comment lines directly above `line` (1-based), top to bottom. */
function commentsAbove(lines: readonly string[], line: number): string[] {
  const comments: string[] = [];
  for (let i = line - 2; i >= 0 && isComment(lines[i]); i--) {
    comments.unshift(commentText(lines[i]));
  }
  return comments;
}

/** Comment lines before the first statement, blank lines allowed in between. */
function fileRationale(lines: readonly string[]): string {
  const comments: string[] = [];
  for (const line of lines) {
    if (isComment(line)) comments.push(commentText(line));
    else if (line.trim() !== '') break;
  }
  return comments.join('\n').trim();
}

const KEY_RE = /^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*[.=]/;

/** Line of the first assignment of each top-level key (a `[table]` header counts too). */
function topLevelKeyLines(lines: readonly string[]): Map<string, number> {
  const found = new Map<string, number>();
  lines.forEach((line, index) => {
    const header = /^\s*\[+\s*([A-Za-z0-9_-]+)/.exec(line);
    const match = header ?? KEY_RE.exec(line);
    const key = header
      ? header[1]
      : match && (match[1] ?? match[2] ?? match[3]);
    if (key && !found.has(key)) found.set(key, index + 1);
  });
  return found;
}

function splitKarg(raw: string): { key: string; value?: string } {
  const equals = raw.indexOf('=');
  return equals < 0
    ? { key: raw }
    : { key: raw.slice(0, equals), value: raw.slice(equals + 1) };
}

/**
 * Turns a kargs.d file into kernel arguments, each with its line and the comments that
 * explain it. bootc deserialises the file strictly (unknown keys and a missing `kargs`
 * are refused), so those are errors here too. Never throws.
 */
export function modelKargs(document: KargsDocument): KargsModelResult {
  const sink = new DiagnosticSink(document.file, 'kargs');
  const lines = document.text.split(/\r?\n/);
  const kargsFile: KargsFile = {
    file: document.file,
    rationale: fileRationale(lines),
    line: 0,
    kargs: [],
  };
  const data = document.data;
  if (!data) return { kargs: kargsFile, diagnostics: sink.diagnostics };

  const location = locateArrayStrings(document.text, 'kargs');
  const keyLines = topLevelKeyLines(lines);
  const keyLine = (key: string) => keyLines.get(key) ?? 0;

  for (const key of Object.keys(data)) {
    if (!KNOWN_KEYS.has(key)) {
      sink.error(
        keyLine(key),
        'unknown-key',
        `bootc refuses kargs.d files with unknown keys such as "${key}" (only kargs and match-architectures)`,
      );
    }
  }

  const kargs = data.kargs;
  kargsFile.line =
    location?.line ?? (kargs === undefined ? 0 : keyLine('kargs'));
  if (kargs === undefined) {
    sink.error(
      0,
      'missing-kargs',
      'the file has no kargs = [...] list; bootc refuses it',
    );
  } else if (
    !Array.isArray(kargs) ||
    kargs.some(karg => typeof karg !== 'string')
  ) {
    sink.error(
      kargsFile.line,
      'invalid-kargs',
      'kargs must be a list of strings; bootc refuses the file',
    );
  } else {
    const positions: (ArrayStringPosition | undefined)[] =
      location && location.strings.length === kargs.length
        ? location.strings
        : [];
    kargs.forEach((value, index) => {
      const raw = value as string;
      const position = positions[index];
      const line = position?.line ?? kargsFile.line;
      const rationale = [
        ...commentsAbove(lines, line),
        ...(position?.trailingComment ? [position.trailingComment] : []),
      ];
      const karg: Karg = {
        file: document.file,
        line,
        raw,
        ...splitKarg(raw),
        rationale: rationale.join('\n').trim(),
      };
      kargsFile.kargs.push(karg);
      if (raw.trim() === '') {
        sink.warning(
          line,
          'empty-karg',
          'an empty kernel argument does nothing; remove it',
        );
      } else if (/\s/.test(raw) && !/^[^=\s]+="[^"]*"$/.test(raw)) {
        sink.warning(
          line,
          'karg-with-space',
          `"${raw}" contains whitespace; each kernel argument is its own string in the list`,
        );
      }
    });
  }

  const architectures = data['match-architectures'];
  if (architectures !== undefined) {
    const line = keyLine('match-architectures');
    if (
      !Array.isArray(architectures) ||
      architectures.some(arch => typeof arch !== 'string')
    ) {
      sink.error(
        line,
        'invalid-architectures',
        'match-architectures must be a list of strings; bootc refuses the file',
      );
    } else {
      kargsFile.matchArchitectures = {
        values: architectures as string[],
        line,
      };
      for (const arch of architectures as string[]) {
        if (!RUST_ARCHITECTURES.has(arch)) {
          const hint = ARCHITECTURE_SPELLINGS[arch];
          sink.warning(
            line,
            'unknown-architecture',
            `"${arch}" never matches: bootc compares Rust architecture names${
              hint ? `, write "${hint}"` : ' such as x86_64 or aarch64'
            }`,
          );
        }
      }
    }
  }
  return { kargs: kargsFile, diagnostics: sink.diagnostics };
}

/**
 * The kernel arguments bootc applies on `architecture`: files in file-name order, each file
 * skipped when its match-architectures does not name the architecture.
 */
export function effectiveKargs(
  files: readonly KargsFile[],
  architecture: string,
): Karg[] {
  const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
  // bootc sorts by file name bytes; for the ASCII names kargs.d uses, code-unit order is the same.
  const byName = (a: KargsFile, b: KargsFile) => {
    const left = baseName(a.file);
    const right = baseName(b.file);
    if (left === right) return 0;
    return left < right ? -1 : 1;
  };
  return [...files]
    .filter(file => file.file.endsWith('.toml'))
    .sort(byName)
    .filter(
      file =>
        !file.matchArchitectures ||
        file.matchArchitectures.values.includes(architecture),
    )
    .flatMap(file => file.kargs);
}
