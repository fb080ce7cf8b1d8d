import { Diagnostic, diagnostic } from '../../diagnostic';
import { SourceFile, textOf } from '../../sourceFile';

/**
 * mkosi's own INI dialect, which looks like systemd's but is read by a different program
 * (mkosi/config.py `parse_ini`), so the rules differ:
 * - the whole file is dedented first (common leading whitespace removed);
 * - `#` starts a comment *anywhere* on a line, not only at its start;
 * - an indented line continues the previous setting's value (joined with a newline);
 * - repeated settings are all kept; the model decides how they merge.
 */
export interface MkosiAssignment {
  key: string;
  /** Continuation lines joined with `\n`, each trimmed. */
  value: string;
  line: number;
  /** Last line of the value (differs from `line` when it continues). */
  endLine: number;
  /** The file line of each `\n`-separated line of `value`. */
  valueLines: number[];
}

export interface MkosiSection {
  name: string;
  line: number;
  assignments: MkosiAssignment[];
}

export interface MkosiDocument {
  file: string;
  sections: MkosiSection[];
  diagnostics: Diagnostic[];
}

/** The leading whitespace shared by every non-blank line, as Python's textwrap.dedent finds it. */
function commonIndent(lines: readonly string[]): string {
  let indent: string | undefined;
  for (const line of lines) {
    if (line.trim() === '') continue;
    const own = /^[ \t]*/.exec(line)![0];
    if (indent === undefined) {
      indent = own;
    } else {
      let shared = 0;
      while (
        shared < indent.length &&
        shared < own.length &&
        indent[shared] === own[shared]
      )
        shared++;
      indent = indent.slice(0, shared);
    }
    if (indent === '') return '';
  }
  return indent ?? '';
}

/** Reads a mkosi config file. Never throws; what mkosi would die on becomes an error. */
export function parseMkosi(file: SourceFile): MkosiDocument {
  const lines = textOf(file)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const indent = commonIndent(lines);
  const sections: MkosiSection[] = [];
  const diagnostics: Diagnostic[] = [];
  const error = (line: number, code: string, message: string) =>
    diagnostics.push(
      diagnostic(file.path, line, 'error', `mkosi/${code}`, message),
    );

  let section: MkosiSection | undefined;
  let current: MkosiAssignment | undefined;
  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    let line = rawLine.startsWith(indent)
      ? rawLine.slice(indent.length)
      : rawLine;
    const comment = line.indexOf('#');
    if (comment >= 0) line = line.slice(0, comment);
    if (line.trim() === '') return;

    if (current && /^\s/.test(line)) {
      current.value = `${current.value}\n${line.trim()}`;
      current.endLine = lineNumber;
      current.valueLines.push(lineNumber);
      return;
    }
    current = undefined;
    const trimmed = line.trim();
    if (trimmed.startsWith('[')) {
      const name = trimmed.endsWith(']') ? trimmed.slice(1, -1).trim() : '';
      if (!trimmed.endsWith(']')) {
        error(
          lineNumber,
          'invalid-section',
          `"${trimmed}" is not a valid section header; mkosi refuses the file`,
        );
      } else if (name === '') {
        error(
          lineNumber,
          'invalid-section',
          'a section name cannot be empty; mkosi refuses the file',
        );
      }
      section = { name, line: lineNumber, assignments: [] };
      sections.push(section);
      return;
    }
    if (!section) {
      error(
        lineNumber,
        'outside-section',
        `setting "${trimmed}" is outside any [Section]; mkosi refuses the file`,
      );
      return;
    }
    const equals = trimmed.indexOf('=');
    if (equals < 0) {
      error(
        lineNumber,
        'missing-equals',
        `setting "${trimmed}" must be followed by "="; mkosi refuses the file`,
      );
      return;
    }
    const key = trimmed.slice(0, equals).trim();
    if (key === '') {
      error(
        lineNumber,
        'missing-name',
        `"${trimmed}" has no setting name before "="; mkosi refuses the file`,
      );
      return;
    }
    current = {
      key,
      value: trimmed.slice(equals + 1).trim(),
      line: lineNumber,
      endLine: lineNumber,
      valueLines: [lineNumber],
    };
    section.assignments.push(current);
  });
  return { file: file.path, sections, diagnostics };
}
