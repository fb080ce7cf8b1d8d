import { diagnostic, type Diagnostic } from '../diagnostic';
import { neutraliseTemplate } from '../formats/chezmoi';
import { parseUnit, parseUnitKeys, type UnitDocument } from '../unit';
import type { TreeFile, TreeIndex } from './treeIndex';

export interface ParsedUnitFile {
  document: UnitDocument;
  /** Lines that held chezmoi template actions and were blanked before parsing. */
  templateLines: number[];
}

/**
 * Parses the unit files of one tree once each, under their unit path (target names), and
 * keeps the diagnostics so they can be reported against the repository path. chezmoi
 * templates are neutralised first: action lines become blank, line numbers stay.
 */
export class UnitParser {
  private readonly cache = new Map<string, ParsedUnitFile>();
  /** Partial documents of `parseKeys` (always read with the same keys). */
  private readonly keyCache = new Map<string, UnitDocument>();
  /** unit path → repository path, for mapping diagnostics back. */
  readonly sourcePathOf = new Map<string, string>();
  readonly diagnostics: Diagnostic[] = [];
  /** Files whose diagnostics are already in `diagnostics` (a file may be parsed twice). */
  private readonly reported = new Set<string>();

  constructor(readonly tree: TreeIndex) {}

  /**
   * Parses a file, reporting its diagnostics once. `keep: false` skips the cache: a unit's own
   * file serves one unit, and letting its document die young keeps the memory of a
   * 20,000-unit box flat (reading it twice is cheaper than keeping it).
   */
  parse(file: TreeFile, unitPath: string, keep = true): ParsedUnitFile {
    const cached = this.cache.get(unitPath);
    if (cached) return cached;
    this.sourcePathOf.set(unitPath, file.path);
    let parsed: ParsedUnitFile;
    if (file.chezmoi?.template) {
      const neutral = neutraliseTemplate(this.tree.text(file));
      const lines = new Set<number>();
      for (const span of neutral.spans)
        for (let l = span.line; l <= span.endLine; l++) lines.add(l);
      const result = parseUnit(neutral.text, unitPath);
      this.report(unitPath, result.diagnostics);
      parsed = {
        document: result.document,
        templateLines: [...lines].sort((a, b) => a - b),
      };
    } else {
      // The tree's decoded text, not a second decoding: values sliced from it then share one string.
      const text = this.tree.text(file);
      const result = parseUnit(text, unitPath);
      if (
        text.includes('\uFFFD') &&
        !Buffer.from(text, 'utf8').equals(file.source.content)
      ) {
        result.diagnostics.push(
          diagnostic(
            unitPath,
            0,
            'warning',
            'unit/invalid-utf8',
            'file is not valid UTF-8; invalid bytes are read as U+FFFD',
          ),
        );
      }
      this.report(unitPath, result.diagnostics);
      parsed = { document: result.document, templateLines: [] };
    }
    if (keep) this.cache.set(unitPath, parsed);
    return parsed;
  }

  /**
   * The section headers and the entries of `keys` only (see `parseUnitKeys`), for learning a
   * few keys of every unit before parsing each in full. Reports nothing: the full parse does.
   * `keep: true` keeps the result, for files several units read (drop-ins, templates).
   */
  parseKeys(
    file: TreeFile,
    unitPath: string,
    keys: ReadonlySet<string>,
    keep = true,
  ): UnitDocument {
    const cached = this.keyCache.get(unitPath);
    if (cached) return cached;
    const text = file.chezmoi?.template
      ? neutraliseTemplate(this.tree.text(file)).text
      : this.tree.text(file);
    const document = parseUnitKeys(text, unitPath, keys);
    if (keep) this.keyCache.set(unitPath, document);
    return document;
  }

  private report(unitPath: string, diagnostics: Diagnostic[]): void {
    if (this.reported.has(unitPath)) return;
    this.reported.add(unitPath);
    this.diagnostics.push(...diagnostics);
  }

  /** Repository path of a unit path (unchanged when the tree has no renaming). */
  sourcePath(unitPath: string): string {
    return this.sourcePathOf.get(unitPath) ?? unitPath;
  }
}
