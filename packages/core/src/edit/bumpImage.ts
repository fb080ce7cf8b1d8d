import {
  isChezmoiTemplatePath,
  neutraliseTemplate,
  type TemplateSpan,
} from '../formats/chezmoi';
import type { ImageReference } from '../image';
import type { SourceFile } from '../sourceFile';
import { parseUnit, setEntryValue, type UnitEntry } from '../unit';
import { findImageEntry } from './imageEntry';
import { readImageValue, writeImageValue } from './imageValue';
import { registryReferenceOf } from './referenceEdits';

export interface BumpImageOptions {
  /** The new reference; a string must be a registry reference (`ghcr.io/x/y:1.2@sha256:…`). */
  to: ImageReference | string;
  /** 1-based line where the `Image=` entry starts; defaults to the last `Image=` of the file. */
  line?: number;
  /**
   * The reference the entry is expected to hold now (as podman reads it, quotes removed).
   * When the file says something else the plan is stale and the edit is refused.
   */
  from?: string;
  /** Path of the file in its repository: named in reasons, and `.tmpl` marks a chezmoi template. */
  path?: string;
  /** Treat the text as a chezmoi template whatever its path. */
  template?: boolean;
}

export type BumpImageResult =
  | {
      ok: true;
      /** The whole file, identical to the input except for the `Image=` value. */
      text: string;
      /** Line of the edited entry. */
      line: number;
      from: string;
      to: string;
      /** False when the entry already held `to` (the text is then the input). */
      changed: boolean;
    }
  | { ok: false; reason: string; line?: number };

function refuse(
  path: string | undefined,
  reason: string,
  line?: number,
): BumpImageResult {
  const where = path ? `${path}${line ? `:${line}` : ''}: ` : '';
  return line === undefined
    ? { ok: false, reason: `${where}${reason}` }
    : { ok: false, reason: `${where}${reason}`, line };
}

function touches(span: TemplateSpan, entry: UnitEntry): boolean {
  return span.line <= entry.endLine && span.endLine >= entry.line;
}

/**
 * Changes the value of one `Image=` entry and nothing else: every other byte of the file
 * (comments, other keys, CRLF endings, a BOM, a missing final newline) stays as it was.
 *
 * chezmoi templates are read the way the inventory reads them (actions blanked, lines kept),
 * and an `Image=` line holding template markup is refused: what it renders to depends on
 * chezmoi data the edit cannot see.
 */
export function bumpImage(
  unitText: string,
  options: BumpImageOptions,
): BumpImageResult {
  const { path } = options;
  // An ImageReference object is re-read from its text: whatever built it, only valid grammar is written.
  const target = registryReferenceOf(
    typeof options.to === 'string' ? options.to : options.to.text,
  );
  if (!target.ok) return refuse(path, `cannot bump to it: ${target.reason}`);
  const toText = target.reference.text;

  const template =
    options.template === true ||
    (path !== undefined && isChezmoiTemplatePath(path));
  let located: UnitEntry;
  const raw = parseUnit(unitText, path ?? 'unit').document;
  if (template) {
    const neutral = neutraliseTemplate(unitText);
    const found = findImageEntry(
      parseUnit(neutral.text, path ?? 'unit').document,
      options.line,
    );
    if (!found.ok) return refuse(path, found.reason, options.line);
    located = found.entry;
    const markup = neutral.spans.find(span => touches(span, located));
    if (markup) {
      return refuse(
        path,
        `Image= contains chezmoi template markup ({{ ${markup.action} }}); what it renders to depends on chezmoi data, so edit it by hand`,
        located.line,
      );
    }
  } else {
    const found = findImageEntry(raw, options.line);
    if (!found.ok) return refuse(path, found.reason, options.line);
    located = found.entry;
  }

  // The entry as the raw text holds it; for templates it must read exactly as the neutral view.
  const entry = raw.items.find(
    (item): item is UnitEntry =>
      item.kind === 'entry' &&
      item.line === located.line &&
      item.key === 'Image' &&
      item.value === located.value,
  );
  if (!entry) {
    return refuse(
      path,
      'the Image= entry reads differently once template markup around it is kept; edit it by hand',
      located.line,
    );
  }
  if (entry.line !== entry.endLine) {
    return refuse(
      path,
      `Image= continues over lines ${entry.line}-${entry.endLine}; join it onto one line first`,
      entry.line,
    );
  }

  const current = readImageValue(entry.value);
  if (options.from !== undefined && current.reference !== options.from.trim()) {
    return refuse(
      path,
      `Image= is "${
        current.reference
      }", not "${options.from.trim()}" as planned; the file changed since`,
      entry.line,
    );
  }
  const source = registryReferenceOf(current.reference);
  if (!source.ok) return refuse(path, source.reason, entry.line);

  if (current.reference === toText) {
    return {
      ok: true,
      text: unitText,
      line: entry.line,
      from: current.reference,
      to: toText,
      changed: false,
    };
  }
  const edited = setEntryValue(raw, entry, writeImageValue(current, toText));
  if (!edited.ok) return refuse(path, edited.reason, entry.line);
  return {
    ok: true,
    text: edited.text,
    line: entry.line,
    from: current.reference,
    to: toText,
    changed: true,
  };
}

export type BumpImageFileResult =
  | {
      ok: true;
      content: Buffer;
      line: number;
      from: string;
      to: string;
      changed: boolean;
    }
  | { ok: false; reason: string; line?: number };

/** `bumpImage` over a file's bytes; refuses bytes that are not UTF-8, which a rewrite would alter. */
export function bumpImageFile(
  file: SourceFile,
  options: Omit<BumpImageOptions, 'path'>,
): BumpImageFileResult {
  const text = file.content.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(file.content)) {
    return {
      ok: false,
      reason: `${file.path}: the file is not valid UTF-8; rewriting it would change bytes other than Image=`,
    };
  }
  const result = bumpImage(text, { ...options, path: file.path });
  if (!result.ok) return result;
  return {
    ok: true,
    content: result.changed ? Buffer.from(result.text, 'utf8') : file.content,
    line: result.line,
    from: result.from,
    to: result.to,
    changed: result.changed,
  };
}
