import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostic';
import type { SourceFile } from '../../sourceFile';
import { globToRegExp, hasGlobMeta } from '../common/glob';
import {
  parseCaddyfile,
  type CaddyDocument,
  type CaddyNode,
  type CaddyText,
} from './parse';

export interface ResolvedCaddyfile {
  /** The entry's nodes with every resolvable `import` replaced by what it names. */
  nodes: CaddyNode[];
  /** Every file whose nodes were spliced in, the entry first. */
  files: string[];
  /** Parse diagnostics of all files read, plus import problems. */
  diagnostics: Diagnostic[];
}

/** Past this many spliced lines we stop: only a pathological import graph gets there. */
const MAX_SPLICED_NODES = 200_000;
/** A chain of imports this long is a generated file gone wrong; it would also exhaust the stack. */
const MAX_IMPORT_DEPTH = 100;

/**
 * Splices `import` lines the way Caddy does: a snippet `(name)` defined earlier wins,
 * otherwise the argument is a file or a glob relative to the importing file's folder.
 * `tree` is the set of files of the checkout (only the ones imported are parsed).
 * Cycles and missing files become diagnostics; nothing throws.
 */
export function resolveCaddyImports(
  entry: CaddyDocument,
  tree: readonly (SourceFile | CaddyText)[],
): ResolvedCaddyfile {
  const byPath = new Map<string, SourceFile | CaddyText>();
  const byDir = new Map<string, string[]>();
  for (const file of tree) {
    const path = posix.normalize(file.path);
    byPath.set(path, file);
    const dir = posix.dirname(path);
    const list = byDir.get(dir);
    if (list) list.push(path);
    else byDir.set(dir, [path]);
  }
  const parsed = new Map<string, CaddyDocument>([
    [posix.normalize(entry.file), entry],
  ]);
  const snippets = new Map<string, CaddyNode>();
  const diagnostics: Diagnostic[] = [...entry.diagnostics];
  const files: string[] = [entry.file];
  const seenFiles = new Set(files);
  let spliced = 0;
  let truncated = false;

  const documentAt = (path: string): CaddyDocument | undefined => {
    let doc = parsed.get(path);
    if (!doc) {
      const source = byPath.get(path);
      if (!source) return undefined;
      doc = parseCaddyfile(source);
      parsed.set(path, doc);
      append(diagnostics, doc.diagnostics);
    }
    if (!seenFiles.has(doc.file)) {
      seenFiles.add(doc.file);
      files.push(doc.file);
    }
    return doc;
  };

  const matchFiles = (fromFile: string, pattern: string): string[] => {
    const full = posix.normalize(posix.join(posix.dirname(fromFile), pattern));
    if (!hasGlobMeta(full)) return byPath.has(full) ? [full] : [];
    const dir = posix.dirname(full);
    const candidates = hasGlobMeta(dir)
      ? [...byPath.keys()]
      : byDir.get(dir) ?? [];
    const regexp = globToRegExp(full, 'filepath');
    return candidates.filter(p => regexp.test(p)).sort();
  };

  function expand(
    nodes: CaddyNode[],
    stack: string[],
    args: string[],
    topLevel: boolean,
  ): CaddyNode[] {
    if (topLevel) registerSnippets(nodes, snippets);
    const out: CaddyNode[] = [];
    for (const original of nodes) {
      if (truncated) break;
      const node = args.length > 0 ? substituteArgs(original, args) : original;
      const words = node.tokens;
      if (
        words[0]?.quote === 'none' &&
        words[0].text === 'import' &&
        words.length >= 2
      ) {
        append(out, expandImport(node, stack, topLevel));
        continue;
      }
      if (topLevel && snippetName(node) !== null) {
        // A snippet's body is spliced where it is imported, not where it is defined.
        out.push(node);
        continue;
      }
      spliced++;
      if (spliced > MAX_SPLICED_NODES) {
        truncated = true;
        diagnostics.push(
          diagnostic(
            node.file,
            node.line,
            'error',
            'caddy/import-too-large',
            'Imports expand to too many lines; stopped',
          ),
        );
        break;
      }
      out.push(
        node.block
          ? { ...node, block: expand(node.block, stack, args, false) }
          : node,
      );
    }
    return out;
  }

  function expandImport(
    node: CaddyNode,
    stack: string[],
    topLevel: boolean,
  ): CaddyNode[] {
    const pattern = node.tokens[1].text;
    if (stack.length > MAX_IMPORT_DEPTH) {
      diagnostics.push(
        diagnostic(
          node.file,
          node.line,
          'error',
          'caddy/import-too-deep',
          `Imports nest deeper than ${MAX_IMPORT_DEPTH} levels; stopped`,
        ),
      );
      return [];
    }
    const importArgs = node.tokens.slice(2).map(t => t.text);
    const snippet = snippets.get(pattern);
    if (snippet) {
      const key = `snippet:${pattern}`;
      if (stack.includes(key)) {
        diagnostics.push(cycle(node, [...stack, key]));
        return [];
      }
      return expand(snippet.block ?? [], [...stack, key], importArgs, false);
    }
    let paths = matchFiles(node.file, pattern);
    if (paths.length === 0 && pattern.startsWith('/')) {
      paths = guessAbsolute(node, pattern);
    }
    if (paths.length === 0) {
      const severity = hasGlobMeta(pattern) ? 'info' : 'warning';
      diagnostics.push(
        diagnostic(
          node.file,
          node.line,
          severity,
          'caddy/import-not-found',
          hasGlobMeta(pattern)
            ? `Import glob ${pattern} matches no file in the tree`
            : `Imported file or snippet ${pattern} is not in the tree`,
        ),
      );
      return [];
    }
    const out: CaddyNode[] = [];
    for (const path of paths) {
      const key = `file:${path}`;
      if (stack.includes(key)) {
        diagnostics.push(cycle(node, [...stack, key]));
        continue;
      }
      const doc = documentAt(path);
      if (doc)
        append(out, expand(doc.nodes, [...stack, key], importArgs, topLevel));
    }
    return out;
  }

  // Deployed Caddyfiles often import `/etc/caddy/routes/*.caddy`; in the repo the same files sit
  // beside the Caddyfile. Try ever shorter tails of the path under the importing folder.
  function guessAbsolute(node: CaddyNode, pattern: string): string[] {
    const segments = pattern.split('/').filter(Boolean);
    for (let start = 0; start < segments.length; start++) {
      const relative = segments.slice(start).join('/');
      const found = matchFiles(node.file, relative);
      if (found.length > 0) {
        diagnostics.push(
          diagnostic(
            node.file,
            node.line,
            'info',
            'caddy/import-absolute-mapped',
            `Absolute import ${pattern} read as ${relative} beside the importing file`,
          ),
        );
        return found;
      }
    }
    return [];
  }

  const nodes = expand(
    entry.nodes,
    [`file:${posix.normalize(entry.file)}`],
    [],
    true,
  );
  return { nodes, files, diagnostics };
}

/** Pushes one by one: spreading a huge array into push() overflows the call stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

function registerSnippets(
  nodes: CaddyNode[],
  snippets: Map<string, CaddyNode>,
): void {
  for (const node of nodes) {
    const name = snippetName(node);
    if (name !== null && !snippets.has(name)) snippets.set(name, node);
  }
}

/** `(name) { … }` at the top level defines a snippet; returns its name or null. */
export function snippetName(node: CaddyNode): string | null {
  if (node.block === null || node.tokens.length !== 1) return null;
  const match = /^\((.+)\)$/.exec(node.tokens[0].text);
  return match ? match[1] : null;
}

const ARG_PLACEHOLDER = /\{args(?:\[(\d+)\]|\.(\d+))\}/g;

function substituteArgs(node: CaddyNode, args: string[]): CaddyNode {
  let changed = false;
  const tokens = node.tokens.map(token => {
    if (!token.text.includes('{args')) return token;
    changed = true;
    const text = token.text.replace(
      ARG_PLACEHOLDER,
      (whole, a: string | undefined, b: string | undefined) => {
        const value = args[Number(a ?? b)];
        return value ?? whole;
      },
    );
    return { ...token, text };
  });
  return changed ? { ...node, tokens } : node;
}

function cycle(node: CaddyNode, chain: string[]): Diagnostic {
  const names = chain.map(k => k.replace(/^(file|snippet):/, ''));
  return diagnostic(
    node.file,
    node.line,
    'error',
    'caddy/import-cycle',
    `Import cycle: ${names.join(' → ')}; Caddy refuses to load it`,
  );
}
