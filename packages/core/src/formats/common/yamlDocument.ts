import {
  Document,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
  YAMLMap,
} from 'yaml';
import { Diagnostic, diagnostic, Severity } from '../../diagnostic';
import { SourceFile, textOf } from '../../sourceFile';

/**
 * A parsed YAML file. The `document` is the `yaml` package's Document: it keeps comments
 * and layout, so edits made through it (an image bump, a new model) touch only what they change.
 */
export interface YamlDocument {
  file: string;
  text: string;
  document: Document.Parsed;
  lineCounter: LineCounter;
}

export interface YamlParseOptions {
  /** Prefix of diagnostic codes, e.g. `llama-swap` gives `llama-swap/yaml-syntax`. */
  codePrefix: string;
  /** The program that reads the file, named in messages. */
  tool: string;
  /**
   * How the tool treats a key written twice in one mapping: Go's yaml.v3 (llama-swap,
   * cloudflared) refuses the file, PyYAML (LiteLLM) silently keeps the last one.
   */
  duplicateKeys: { severity: Severity; consequence: string };
  /**
   * Lets a format word a duplicate in its own terms (a model id written twice is more than
   * a repeated key). Returning undefined keeps the generic diagnostic.
   */
  describeDuplicate?: (
    duplicate: DuplicateKey,
  ) => { code: string; message: string } | undefined;
}

/** A key written twice in one mapping. `path` names the mapping that holds it. */
export interface DuplicateKey {
  path: string[];
  key: string;
  line: number;
  firstLine: number;
}

export interface ParsedYaml {
  yaml: YamlDocument;
  duplicates: DuplicateKey[];
  diagnostics: Diagnostic[];
}

function firstLineOf(message: string): string {
  const newline = message.indexOf('\n');
  return newline < 0 ? message : message.slice(0, newline);
}

/**
 * Parses YAML without ever throwing. Syntax errors become error diagnostics at the line the
 * `yaml` package reports; keys written twice are found with their lines (the package is told
 * to accept them, so the document still loads and the caller can say which key it was).
 */
export function parseYamlDocument(
  source: SourceFile,
  options: YamlParseOptions,
): ParsedYaml {
  const text = textOf(source).replace(/^\uFEFF/, '');
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    // llama-swap configs share settings through `<<: *defaults`; Go's yaml.v3 and PyYAML both merge.
    merge: true,
  });
  const diagnostics: Diagnostic[] = [];
  const lineAt = (offset: number) =>
    offset >= 0 ? lineCounter.linePos(offset).line : 0;

  for (const error of document.errors) {
    diagnostics.push(
      diagnostic(
        source.path,
        lineAt(error.pos[0]),
        'error',
        `${options.codePrefix}/yaml-syntax`,
        `${options.tool} cannot read this YAML: ${firstLineOf(error.message)}`,
      ),
    );
  }
  for (const warning of document.warnings) {
    diagnostics.push(
      diagnostic(
        source.path,
        lineAt(warning.pos[0]),
        'warning',
        `${options.codePrefix}/yaml-warning`,
        firstLineOf(warning.message),
      ),
    );
  }

  const duplicates = findDuplicateKeys(document, lineCounter);
  for (const duplicate of duplicates) {
    const where =
      duplicate.path.length > 0 ? ` in ${duplicate.path.join('.')}` : '';
    const special = options.describeDuplicate?.(duplicate);
    diagnostics.push(
      diagnostic(
        source.path,
        duplicate.line,
        options.duplicateKeys.severity,
        `${options.codePrefix}/${special?.code ?? 'duplicate-key'}`,
        special?.message ??
          `key "${duplicate.key}"${where} is already defined on line ${duplicate.firstLine}; ${options.duplicateKeys.consequence}`,
      ),
    );
  }

  return {
    yaml: { file: source.path, text, document, lineCounter },
    duplicates,
    diagnostics,
  };
}

/** Walks every mapping once (aliases are not followed), so the cost stays linear in the file. */
function findDuplicateKeys(
  document: Document,
  lineCounter: LineCounter,
): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  visit(document, {
    Map(_key, map: YAMLMap, path) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || typeof pair.key.value === 'symbol') continue;
        const key = String(pair.key.value);
        const line = pair.key.range
          ? lineCounter.linePos(pair.key.range[0]).line
          : 0;
        const firstLine = seen.get(key);
        if (firstLine === undefined) {
          seen.set(key, line);
        } else {
          duplicates.push({ path: pathOf(path), key, line, firstLine });
        }
      }
    },
  });
  return duplicates;
}

/** Names the keys leading to a node, from the ancestors `visit` hands over. */
function pathOf(ancestors: readonly unknown[]): string[] {
  const names: string[] = [];
  for (const ancestor of ancestors) {
    if (isPair(ancestor) && isScalar(ancestor.key)) {
      names.push(String(ancestor.key.value));
    }
  }
  return names;
}
