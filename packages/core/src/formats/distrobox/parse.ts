import { Diagnostic, diagnostic } from '../../diagnostic';
import { SourceFile, textOf } from '../../sourceFile';

/**
 * distrobox-assemble's manifest (`distrobox.ini`), read the way its shell script reads it:
 * - `#` at the start of a line, ` #` anywhere (even inside quotes) and anything after a
 *   `]` that is followed by `#` are comments;
 * - `[name]` starts a container (spaces and brackets are dropped from the name);
 * - `key=value` splits at the first `=`; spaces in the key are dropped;
 * - repeated keys are all kept (the model accumulates or overrides them);
 * - one pair of surrounding quotes is removed from the value.
 */
export interface DistroboxEntry {
  key: string;
  /** Without surrounding quotes. */
  value: string;
  line: number;
}

export interface DistroboxSection {
  name: string;
  line: number;
  entries: DistroboxEntry[];
}

export interface DistroboxDocument {
  file: string;
  sections: DistroboxSection[];
  diagnostics: Diagnostic[];
}

/**
 * The script's comment removal, in its order: tabs become spaces, a line starting with `#`
 * is dropped, everything from a `]` that has a `#` after it is dropped (the `]` too), then
 * everything from ` #`. `cut` says when a value lost more than a comment.
 */
function stripComment(line: string): { text: string; cut?: string } {
  if (line.startsWith('#')) return { text: '' };
  let text = line.replace(/\t/g, ' ');
  let cut: string | undefined;
  const bracket = text.indexOf(']');
  if (bracket >= 0 && text.indexOf('#', bracket) > bracket) {
    if (!text.trimStart().startsWith('['))
      cut = `everything from the "]" on, because a "#" follows it`;
    text = text.slice(0, bracket);
  }
  const comment = text.indexOf(' #');
  if (comment >= 0) {
    const kept = text.slice(0, comment);
    if (
      (kept.split('"').length - 1) % 2 === 1 ||
      (kept.split("'").length - 1) % 2 === 1
    ) {
      cut ??= 'everything from " #" on, even inside quotes';
    }
    text = kept;
  }
  return { text: text.trimEnd(), cut };
}

function unquote(value: string): string {
  if (
    value.length >= 2 &&
    (value[0] === '"' || value[0] === "'") &&
    value.endsWith(value[0])
  ) {
    return value.slice(1, -1);
  }
  return value;
}

/** Reads a distrobox.ini. Never throws. */
export function parseDistrobox(file: SourceFile): DistroboxDocument {
  const lines = textOf(file)
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const sections: DistroboxSection[] = [];
  const diagnostics: Diagnostic[] = [];
  let section: DistroboxSection | undefined;

  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const { text: line, cut } = stripComment(rawLine);
    if (line.trim() === '') return;
    if (line.startsWith('[')) {
      section = {
        name: line.replace(/[[\] ]/g, ''),
        line: lineNumber,
        entries: [],
      };
      if (section.name === '') {
        diagnostics.push(
          diagnostic(
            file.path,
            lineNumber,
            'error',
            'distrobox/empty-name',
            'a container section needs a name between the brackets',
          ),
        );
      }
      sections.push(section);
      return;
    }
    const equals = line.indexOf('=');
    if (equals < 0) {
      diagnostics.push(
        diagnostic(
          file.path,
          lineNumber,
          'warning',
          'distrobox/missing-equals',
          `"${line.trim()}" has no "="; distrobox-assemble misreads such lines`,
        ),
      );
      return;
    }
    if (cut) {
      diagnostics.push(
        diagnostic(
          file.path,
          lineNumber,
          'warning',
          'distrobox/comment-cuts-value',
          `distrobox-assemble drops ${cut}, so the value is cut short`,
        ),
      );
    }
    if (!section) {
      diagnostics.push(
        diagnostic(
          file.path,
          lineNumber,
          'warning',
          'distrobox/outside-section',
          `"${line.trim()}" comes before any [container] section and belongs to no container`,
        ),
      );
      return;
    }
    section.entries.push({
      key: line.slice(0, equals).replace(/ /g, ''),
      value: unquote(line.slice(equals + 1).trim()),
      line: lineNumber,
    });
  });
  return { file: file.path, sections, diagnostics };
}
