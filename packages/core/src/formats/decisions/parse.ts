import { posix } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { diagnostic, type Diagnostic } from '../../diagnostic';
import { textOf, type SourceFile } from '../../sourceFile';
import {
  findDecisionCitations,
  looksBinary,
  type DecisionCitation,
} from './citations';
import { toDecisionId, type DecisionId, type DecisionKind } from './decisionId';
import {
  frontMatter,
  markdownHeadings,
  type MarkdownHeading,
} from './markdownSections';
import { isoDateIn, readRecordFields } from './recordFields';

/** A file given as text, for callers that already decoded it. */
export interface DecisionText {
  path: string;
  text: string;
}

/** Where a decision is written down: a heading in a Markdown file, or a file of its own. */
export interface DecisionDefinition extends DecisionId {
  title: string | null;
  /** As written (`Accepted`, `Superseded by D-170`), from a `Status:` line or front matter. */
  status: string | null;
  date: string | null;
  /** The text of the section (or of the file), without the heading. */
  text: string;
  file: string;
  line: number;
  source: 'heading' | 'file';
}

export interface DecisionDocument {
  file: string;
  definitions: DecisionDefinition[];
  /** Mentions of decisions, except a definition's own heading and its own section. */
  citations: DecisionCitation[];
  diagnostics: Diagnostic[];
}

const MARKDOWN = /\.(?:md|markdown|mdx)$/i;
const HEADING_ID =
  /^[*_`[]*(D|ADR)-(\d{1,6})(?![A-Za-z0-9_])[*_`\]]*(?:\([^)]*\))?\s*(?:[—–:|.-]+\s*)?(.*)$/;
const ADR_FOLDER =
  /^(?:adrs?|decisions|decision-records|architecture-decisions)$/i;

/**
 * Reads one file for decisions: definitions when it is Markdown (headings `## D-166: …`, or
 * the whole file for `D-167-digest-pinning.md` / `adr/0012-….md`), citations in any text.
 * Never throws.
 */
export function parseDecisionFile(
  input: SourceFile | DecisionText,
): DecisionDocument {
  const file = input.path;
  if (!('text' in input) && looksBinary(input.content)) {
    return { file, definitions: [], citations: [], diagnostics: [] };
  }
  const text = 'text' in input ? input.text : textOf(input);
  const diagnostics: Diagnostic[] = [];
  const definitions: DecisionDefinition[] = [];
  const citations = findDecisionCitations(file, text);
  if (!MARKDOWN.test(file))
    return { file, definitions, citations, diagnostics };

  const lines = text.split('\n');
  const front = frontMatter(lines);
  let meta: Record<string, unknown> = {};
  if (front) {
    try {
      const parsed: unknown = parseYaml(front.yaml);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        meta = parsed as Record<string, unknown>;
    } catch {
      diagnostics.push(
        diagnostic(
          file,
          1,
          'warning',
          'decisions/front-matter',
          'Front matter is not valid YAML; ignored',
        ),
      );
    }
    // YAML comments look like headings: keep the lines, drop their text.
    for (let i = 0; i < front.lineCount; i++) lines[i] = '';
  }
  const headings = markdownHeadings(lines);
  const record = recordFromPath(file);
  // In a file of its own, the record's heading is the one naming its id, else the first H1.
  const recordHeading = record
    ? headings.find(h => headingId(h)?.key === record.key) ??
      headings.find(h => h.level === 1) ??
      null
    : null;

  for (const heading of headings) {
    if (heading === recordHeading) continue;
    const match = HEADING_ID.exec(heading.text);
    if (!match) continue;
    const body = lines.slice(heading.bodyStart, heading.bodyEnd);
    const fields = readRecordFields(body);
    definitions.push({
      ...toDecisionId(match[1] as DecisionKind, match[2]),
      title: cleanTitle(match[3]),
      status: fields.status,
      date: fields.date ?? isoDateIn(heading.text),
      text: body.join('\n').trim(),
      file,
      line: heading.line,
      source: 'heading',
    });
  }

  if (record) {
    const { slugTitle, ...id } = record;
    const body = recordHeading
      ? lines.slice(recordHeading.bodyStart, recordHeading.bodyEnd)
      : lines;
    const fields = readRecordFields(body);
    const named = recordHeading ? headingId(recordHeading) : null;
    if (recordHeading && named && named.key !== record.key) {
      diagnostics.push(
        diagnostic(
          file,
          recordHeading.line,
          'warning',
          'decisions/id-mismatch',
          `Heading names ${named.id} but the file is ${record.id}`,
        ),
      );
    }
    definitions.unshift({
      ...id,
      title:
        stringField(meta.title) ??
        (recordHeading ? titleOfRecordHeading(recordHeading.text) : null) ??
        slugTitle,
      status: stringField(meta.status) ?? fields.status,
      date: stringField(meta.date) ?? fields.date,
      text: body.join('\n').trim(),
      file,
      line: recordHeading?.line ?? 1,
      source: 'file',
    });
  }

  return {
    file,
    definitions,
    citations: withoutSelfCitations(citations, definitions, headings),
    diagnostics,
  };
}

interface RecordFromPath extends DecisionId {
  slugTitle: string | null;
}

/** `…/D-167-digest-pinning.md` → D-167; `…/adr/0012-use-postgres.md` → ADR-0012. */
export function recordFromPath(path: string): RecordFromPath | null {
  const base = posix.basename(path);
  const own = /^(D|ADR)-(\d{1,6})(?:[-_ .]+(.*?))?\.(?:md|markdown|mdx)$/.exec(
    base,
  );
  if (own)
    return {
      ...toDecisionId(own[1] as DecisionKind, own[2]),
      slugTitle: slugToTitle(own[3]),
    };
  const numbered = /^(\d{1,6})-(.+)\.(?:md|markdown|mdx)$/.exec(base);
  const folder = posix.basename(posix.dirname(path));
  if (numbered && ADR_FOLDER.test(folder)) {
    return {
      ...toDecisionId('ADR', numbered[1]),
      slugTitle: slugToTitle(numbered[2]),
    };
  }
  return null;
}

function headingId(heading: MarkdownHeading): DecisionId | null {
  const match = HEADING_ID.exec(heading.text);
  return match ? toDecisionId(match[1] as DecisionKind, match[2]) : null;
}

function slugToTitle(slug: string | undefined): string | null {
  if (!slug) return null;
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words === '' ? null : words[0].toUpperCase() + words.slice(1);
}

function titleOfRecordHeading(text: string): string | null {
  const withId = HEADING_ID.exec(text);
  if (withId) return cleanTitle(withId[3]);
  return cleanTitle(text.replace(/^\d+\.\s*/, ''));
}

function cleanTitle(text: string | undefined): string | null {
  const title = (text ?? '').replace(/^[*_`\s]+|[*_`\s]+$/g, '');
  return title === '' ? null : title;
}

function stringField(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime()))
    return value.toISOString().slice(0, 10);
  return null;
}

/**
 * A definition's own heading and its own section do not cite it; a file-per-record does
 * not cite itself anywhere.
 */
function withoutSelfCitations(
  citations: DecisionCitation[],
  definitions: DecisionDefinition[],
  headings: MarkdownHeading[],
): DecisionCitation[] {
  if (definitions.length === 0) return citations;
  const headingAt = new Map(headings.map(h => [h.line, h]));
  const ranges = new Map<string, { from: number; to: number }[]>();
  for (const def of definitions) {
    const heading = headingAt.get(def.line);
    const range =
      def.source === 'file'
        ? { from: 1, to: Number.MAX_SAFE_INTEGER }
        : { from: def.line, to: heading ? heading.bodyEnd : def.line };
    const list = ranges.get(def.key);
    if (list) list.push(range);
    else ranges.set(def.key, [range]);
  }
  return citations.filter(
    c => !ranges.get(c.key)?.some(r => c.line >= r.from && c.line <= r.to),
  );
}
