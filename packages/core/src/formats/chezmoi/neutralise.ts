import { findTemplateSpans, type TemplateSpan } from './templateSpans';

export interface NeutralisedTemplate {
  /** The text with every action blanked; it has exactly the lines of the original. */
  text: string;
  spans: TemplateSpan[];
}

export interface NeutraliseOptions {
  /**
   * What stands in for an action that shares its line with other text (`Image={{ .img }}`).
   * Defaults to nothing; give e.g. `*` to keep a glob matching whatever chezmoi renders.
   */
  replacement?: string;
}

/**
 * Makes a chezmoi template readable by the parser of the format it renders to: actions
 * alone on their lines (`{{ if … }}`, `{{ end }}`) become blank lines, inline actions become
 * `replacement`, directive lines become blank, and line numbers stay those of the source.
 * Both branches of an `if` are kept, so a unit may show a key twice.
 */
export function neutraliseTemplate(
  text: string,
  options: NeutraliseOptions = {},
): NeutralisedTemplate {
  const replacement = options.replacement ?? '';
  const scan = findTemplateSpans(text);
  const directiveLines = new Set(scan.directiveLines);
  const pieces: string[] = [];
  let pos = 0;
  for (const span of scan.spans) {
    pieces.push(text.slice(pos, span.start));
    const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
    const nextBreak = text.indexOf('\n', span.end);
    const lineEnd = nextBreak === -1 ? text.length : nextBreak;
    const alone =
      text.slice(lineStart, span.start).trim() === '' &&
      text.slice(span.end, lineEnd).trim() === '';
    if (!alone) pieces.push(replacement);
    pieces.push(newlinesIn(text, span.start, span.end));
    pos = span.end;
  }
  pieces.push(text.slice(pos));
  let out = pieces.join('');
  if (directiveLines.size > 0) {
    out = out
      .split('\n')
      .map((line, index) =>
        directiveLines.has(index + 1) ? line.replace(/[^\r]/g, '') : line,
      )
      .join('\n');
  }
  return { text: out, spans: scan.spans };
}

function newlinesIn(text: string, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) out += '\n';
  return out;
}
