import { diagnostic, type Diagnostic } from '../../diagnostic';
import { textOf, type SourceFile } from '../../sourceFile';
import { tokenizeCaddyfile, type CaddyToken } from './tokenize';

/** Text handed over directly, for callers that already decoded (or rendered) a file. */
export interface CaddyText {
  path: string;
  text: string;
}

/**
 * One Caddyfile line (a site address list, a directive, a matcher, a snippet head…)
 * with the block that its trailing `{` opens. Caddy gives these lines meaning only by
 * position, so the parser keeps them generic and `siteBlocks.ts` interprets them once
 * imports are spliced in.
 */
export interface CaddyNode {
  file: string;
  /** 1-based line of the first token (or of the `{` for an address-less global block). */
  line: number;
  tokens: CaddyToken[];
  /** Lines inside `{ … }`, or null when the line opens no block. */
  block: CaddyNode[] | null;
  /** Line of the opening `{`, when there is a block. */
  braceLine: number | null;
}

/** An `import` line as written; `resolveImports.ts` splices what it names. */
export interface CaddyImport {
  file: string;
  line: number;
  /** A snippet name, a file path or a glob, relative to the importing file. */
  pattern: string;
  args: string[];
}

export interface CaddyDocument {
  file: string;
  nodes: CaddyNode[];
  imports: CaddyImport[];
  diagnostics: Diagnostic[];
}

/** Real Caddyfiles nest a handful of levels; deeper blocks are folded into the deepest kept one. */
const MAX_DEPTH = 64;

/** Parses a Caddyfile (or an imported fragment) into generic nodes. Never throws. */
export function parseCaddyfile(input: SourceFile | CaddyText): CaddyDocument {
  const file = input.path;
  const text = 'text' in input ? input.text : textOf(input);
  const { tokens, diagnostics } = tokenizeCaddyfile(file, text);
  const root: CaddyNode[] = [];
  const open: { nodes: CaddyNode[]; braceLine: number }[] = [
    { nodes: root, braceLine: 0 },
  ];
  const imports: CaddyImport[] = [];
  let current: CaddyToken[] = [];
  // Braces opened past MAX_DEPTH: counted, not nested, so that later stages never recurse too deep.
  let folded = 0;

  const flush = () => {
    if (current.length === 0) return;
    const node: CaddyNode = {
      file,
      line: current[0].line,
      tokens: current,
      block: null,
      braceLine: null,
    };
    open[open.length - 1].nodes.push(node);
    noteImport(node, imports);
    current = [];
  };

  for (const token of tokens) {
    if (token.startsLine) flush();
    if (
      token.quote === 'none' &&
      token.text === '{' &&
      open.length > MAX_DEPTH
    ) {
      if (folded === 0) {
        diagnostics.push(
          diagnostic(
            file,
            token.line,
            'error',
            'caddy/too-deep',
            `Blocks nest deeper than ${MAX_DEPTH} levels`,
          ),
        );
      }
      flush();
      folded++;
      continue;
    }
    if (token.quote === 'none' && token.text === '{') {
      // Caddy wants `{` last on its line; anything after it is read as the block's first line.
      const node: CaddyNode = {
        file,
        line: current.length > 0 ? current[0].line : token.line,
        tokens: current,
        block: [],
        braceLine: token.line,
      };
      open[open.length - 1].nodes.push(node);
      noteImport(node, imports);
      open.push({ nodes: node.block as CaddyNode[], braceLine: token.line });
      current = [];
      continue;
    }
    if (token.quote === 'none' && token.text === '}') {
      flush();
      if (folded > 0) {
        folded--;
      } else if (open.length === 1) {
        diagnostics.push(
          diagnostic(
            file,
            token.line,
            'error',
            'caddy/unexpected-close-brace',
            'Closing brace without an opening one',
          ),
        );
      } else {
        open.pop();
      }
      continue;
    }
    current.push(token);
  }
  flush();
  for (let depth = open.length - 1; depth >= 1; depth--) {
    diagnostics.push(
      diagnostic(
        file,
        open[depth].braceLine,
        'error',
        'caddy/unclosed-brace',
        'Opening brace is never closed; Caddy refuses the file',
      ),
    );
  }
  return { file, nodes: root, imports, diagnostics };
}

function noteImport(node: CaddyNode, imports: CaddyImport[]): void {
  const [head, pattern, ...args] = node.tokens;
  if (head?.quote === 'none' && head.text === 'import' && pattern) {
    imports.push({
      file: node.file,
      line: node.line,
      pattern: pattern.text,
      args: args.map(a => a.text),
    });
  }
}

/** The words of a node, for code that does not care how they were quoted. */
export function wordsOf(node: CaddyNode): string[] {
  return node.tokens.map(t => t.text);
}
