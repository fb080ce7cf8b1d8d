import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostic';
import { textOf, type SourceFile } from '../../sourceFile';
import { isChezmoiTemplatePath } from '../chezmoi/chezmoiMarkup';
import {
  conditionalDepthChange,
  findTemplateSpans,
  type TemplateSpan,
} from '../chezmoi/templateSpans';
import { actionSource, type EnvValueSource } from './secretManager';

/** A file given as text, for callers that already decoded it. */
export interface EnvText {
  path: string;
  text: string;
}

/**
 * One `NAME=…` line. On purpose there is no field for the value: the parser reads values
 * only to say whether one is set and where it comes from, then forgets them.
 */
export interface EnvAssignment {
  name: string;
  /** 1-based line of the name. */
  line: number;
  /** Written with a leading `export`. */
  exported: boolean;
  /** `set`: a value follows `=`; `empty`: `NAME=`; `inherited`: a bare `NAME` (podman takes it from its own environment). */
  value: 'set' | 'empty' | 'inherited';
  /** Where the value comes from; null unless set. */
  source: EnvValueSource | null;
  /** The secret manager a template fetches the value from (`bitwarden`, `1password`…). */
  secretManager: string | null;
  /** Inside a template conditional (`{{ if … }}`): present on some machines only. */
  conditional: boolean;
}

export type EnvFileKind = 'env' | 'template' | 'example';

export interface EnvDocument {
  file: string;
  kind: EnvFileKind;
  assignments: EnvAssignment[];
  diagnostics: Diagnostic[];
}

/**
 * `*.env`, `.env`, `*.env.tmpl`, `*.env.example` (and `.sample`/`.dist`), chezmoi-prefixed
 * or not; null for other files.
 */
export function envFileKind(path: string): EnvFileKind | null {
  const base = posix
    .basename(path)
    .replace(
      /^(?:(?:private|readonly|encrypted|empty|executable|create|modify)_)*dot_/,
      '.',
    );
  const stripped = base.replace(/\.tmpl$/, '');
  const plain = /(?:^|\.)env$/.test(stripped) || /^[\w.-]+_env$/.test(stripped);
  const example = /(?:^|\.)env\.(?:example|sample|dist|template)$/.test(
    stripped,
  );
  if (example) return 'example';
  if (!plain) return null;
  return isChezmoiTemplatePath(path) ? 'template' : 'env';
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Parses an env file into variable names and value facts. Never throws; never keeps a value. */
export function parseEnvFile(input: SourceFile | EnvText): EnvDocument {
  const file = input.path;
  const text = ('text' in input ? input.text : textOf(input)).replace(
    /^\ufeff/,
    '',
  );
  const kind =
    envFileKind(file) ?? (isChezmoiTemplatePath(file) ? 'template' : 'env');
  const spans =
    kind === 'template' || isChezmoiTemplatePath(file)
      ? findTemplateSpans(text).spans
      : [];
  const diagnostics: Diagnostic[] = [];
  const assignments: EnvAssignment[] = [];
  const firstLine = new Map<string, number>();

  // Line start offsets, so spans and quoted values can be mapped to lines in one pass.
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineEnd = (index: number) =>
    index + 1 < lineStarts.length ? lineStarts[index + 1] - 1 : text.length;

  let spanIndex = 0;
  let depth = 0;
  let skipUntil = 0; // offset before which text belongs to a multi-line span or quoted value

  for (let index = 0; index < lineStarts.length; index++) {
    const start = lineStarts[index];
    const end = lineEnd(index);
    const line = index + 1;
    // Spans that start on this line, and the depth of conditionals they open or close.
    const lineSpans: TemplateSpan[] = [];
    while (spanIndex < spans.length && spans[spanIndex].start < end + 1) {
      if (spans[spanIndex].start >= start) lineSpans.push(spans[spanIndex]);
      spanIndex++;
    }
    const depthBefore = depth;
    for (const span of lineSpans) depth = Math.max(0, depth + depthDelta(span));
    if (start < skipUntil) continue;

    const masked = maskSpans(text, start, end, lineSpans);
    const trimmed = masked.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      const last = lineSpans[lineSpans.length - 1];
      if (last && last.end > end) skipUntil = last.end;
      continue;
    }
    const match = /^(\s*)(export\s+)?([^=\s]+)\s*(=?)/.exec(masked);
    if (
      !match ||
      (match[4] === '' && masked.slice(match[0].length).trim() !== '')
    ) {
      diagnostics.push(
        diagnostic(
          file,
          line,
          'warning',
          'env/unparsed-line',
          'Line is neither NAME=value, a comment nor blank',
        ),
      );
      continue;
    }
    const name = match[3];
    if (!NAME.test(name)) {
      diagnostics.push(
        diagnostic(
          file,
          line,
          'warning',
          'env/unusual-name',
          `${safeName(name)} is not a portable variable name`,
        ),
      );
    }
    const conditional =
      depthBefore > 0 || depth > 0 || lineSpans.some(s => depthDelta(s) !== 0);
    const base = { name, line, exported: match[2] !== undefined, conditional };
    if (match[4] === '') {
      assignments.push({
        ...base,
        value: 'inherited',
        source: null,
        secretManager: null,
      });
    } else {
      const valueStart = start + match[0].length;
      const read = readValue(text, valueStart, end, spans);
      skipUntil = read.end;
      if (read.inlineComment) {
        diagnostics.push(
          diagnostic(
            file,
            line,
            'info',
            'env/inline-comment',
            `Read " # …" after ${name} as a comment, as dotenv does; podman's --env-file keeps it in the value`,
          ),
        );
      }
      if (!read.closed) {
        diagnostics.push(
          diagnostic(
            file,
            line,
            'error',
            'env/unclosed-quote',
            `Quoted value of ${name} is never closed`,
          ),
        );
      }
      assignments.push({ ...base, ...read.facts });
    }
    const seen = firstLine.get(name);
    if (seen !== undefined) {
      diagnostics.push(
        diagnostic(
          file,
          line,
          'warning',
          'env/duplicate-name',
          `${name} is set again (first on line ${seen}); the last one wins`,
        ),
      );
    } else {
      firstLine.set(name, line);
    }
  }
  return { file, kind, assignments, diagnostics };
}

interface ValueRead {
  facts: Pick<EnvAssignment, 'value' | 'source' | 'secretManager'>;
  /** Offset where the value ends (a quoted value may run over several lines). */
  end: number;
  closed: boolean;
  /** An unquoted value followed by ` # …`. */
  inlineComment: boolean;
}

/** Reads the value after `=` without keeping it: only whether it is set and where it comes from. */
function readValue(
  text: string,
  from: number,
  lineEndAt: number,
  spans: TemplateSpan[],
): ValueRead {
  let i = from;
  while (i < lineEndAt && (text[i] === ' ' || text[i] === '\t')) i++;
  const quote = text[i] === '"' || text[i] === "'" ? text[i] : null;
  let valueStart = i;
  let valueEnd: number;
  let end = lineEndAt;
  let closed = true;
  let inlineComment = false;
  if (quote) {
    valueStart = i + 1;
    let j = valueStart;
    closed = false;
    // A template action inside the quotes may hold quotes of its own: step over it whole.
    let nextSpan = firstSpanFrom(spans, valueStart);
    while (j < text.length) {
      while (nextSpan < spans.length && spans[nextSpan].start < j) nextSpan++;
      if (nextSpan < spans.length && spans[nextSpan].start === j) {
        j = spans[nextSpan].end;
        continue;
      }
      if (quote === '"' && text[j] === '\\') {
        j += 2;
        continue;
      }
      if (text[j] === quote) {
        closed = true;
        break;
      }
      j++;
    }
    valueEnd = closed ? j : lineEndAt;
    const lineAfter = text.indexOf('\n', j);
    if (!closed) end = lineEndAt;
    else end = lineAfter === -1 ? text.length : lineAfter;
  } else {
    // Unquoted: a `#` after a blank starts a comment, but not one inside a template action.
    valueEnd = lineEndAt;
    const onLine = spansStartingIn(spans, valueStart, lineEndAt);
    let next = 0;
    for (let j = valueStart; j < lineEndAt; j++) {
      if (next < onLine.length && onLine[next].start === j) {
        j = onLine[next].end - 1;
        next++;
        continue;
      }
      if (
        text[j] === '#' &&
        (j === valueStart || text[j - 1] === ' ' || text[j - 1] === '\t')
      ) {
        valueEnd = j;
        inlineComment = true;
        break;
      }
    }
    const last = onLine[onLine.length - 1];
    if (last && last.end > lineEndAt) end = last.end;
  }
  const inside = spansStartingIn(
    spans,
    valueStart,
    Math.max(valueEnd, valueStart + 1),
  );
  const raw = text.slice(valueStart, valueEnd).replace(/\r$/, '').trim();
  if (inside.length > 0) {
    let best = actionSource(inside[0].action);
    for (const span of inside.slice(1)) {
      const next = actionSource(span.action);
      if (
        next.source === 'secret-manager' ||
        (best.source === 'template' && next.source === 'command')
      )
        best = next;
    }
    return {
      facts: {
        value: 'set',
        source: best.source,
        secretManager: best.secretManager,
      },
      end,
      closed,
      inlineComment,
    };
  }
  if (raw === '')
    return {
      facts: { value: 'empty', source: null, secretManager: null },
      end,
      closed,
      inlineComment,
    };
  const source: EnvValueSource = /\$\{?[A-Za-z_]/.test(raw)
    ? 'reference'
    : 'literal';
  return {
    facts: { value: 'set', source, secretManager: null },
    end,
    closed,
    inlineComment,
  };
}

function depthDelta(span: TemplateSpan): number {
  return conditionalDepthChange(span.action);
}

/** The line with every template action replaced by spaces, for structure only. */
function maskSpans(
  text: string,
  start: number,
  end: number,
  lineSpans: TemplateSpan[],
): string {
  if (lineSpans.length === 0) return text.slice(start, end);
  let out = '';
  let pos = start;
  for (const span of lineSpans) {
    const to = Math.min(span.end, end);
    out += text.slice(pos, span.start) + ' '.repeat(to - span.start);
    pos = to;
  }
  return out + text.slice(pos, end);
}

/** Index of the first span starting at or after `from` (spans are ordered): binary search. */
function firstSpanFrom(spans: TemplateSpan[], from: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Spans starting in [from, to). */
function spansStartingIn(
  spans: TemplateSpan[],
  from: number,
  to: number,
): TemplateSpan[] {
  const out: TemplateSpan[] = [];
  for (
    let i = firstSpanFrom(spans, from);
    i < spans.length && spans[i].start < to;
    i++
  )
    out.push(spans[i]);
  return out;
}

/** Names are shown in messages, but an odd "name" might be a pasted value: cut it short. */
function safeName(name: string): string {
  return name.length > 40 ? `${name.slice(0, 20)}…` : name;
}
