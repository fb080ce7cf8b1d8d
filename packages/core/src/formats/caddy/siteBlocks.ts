import { diagnostic, type Diagnostic } from '../../diagnostic';
import type { CaddyNode } from './parse';
import { snippetName } from './resolveImports';
import {
  parseSiteAddress,
  splitSiteAddresses,
  type CaddySiteAddress,
} from './siteAddress';

export interface CaddySite {
  file: string;
  /** Line of the address list. */
  line: number;
  addresses: (CaddySiteAddress & { file: string; line: number })[];
  /** Directives of the site, imports already spliced in. */
  directives: CaddyNode[];
}

export interface CaddySnippet {
  name: string;
  file: string;
  line: number;
}

export interface CaddySiteBlocks {
  /** The address-less `{ … }` block at the top, if any. */
  globalOptions: CaddyNode | null;
  snippets: CaddySnippet[];
  sites: CaddySite[];
  diagnostics: Diagnostic[];
}

/** Caddy's standard directives: a top-level line starting with one of these is not an address. */
const KNOWN_DIRECTIVES = new Set([
  'abort',
  'acme_server',
  'basic_auth',
  'basicauth',
  'bind',
  'copy_response',
  'copy_response_headers',
  'encode',
  'error',
  'file_server',
  'forward_auth',
  'fs',
  'handle',
  'handle_errors',
  'handle_path',
  'header',
  'intercept',
  'invoke',
  'log',
  'log_append',
  'log_name',
  'log_skip',
  'map',
  'method',
  'metrics',
  'php_fastcgi',
  'push',
  'redir',
  'request_body',
  'request_header',
  'respond',
  'reverse_proxy',
  'rewrite',
  'root',
  'route',
  'skip_log',
  'templates',
  'tls',
  'tracing',
  'try_files',
  'uri',
  'vars',
]);

/**
 * Reads the top level of a (resolved) Caddyfile: global options first, snippets, then site
 * blocks. A file holding a single site may leave out the braces; then every line after the
 * address line belongs to that site.
 */
export function readSiteBlocks(nodes: CaddyNode[]): CaddySiteBlocks {
  const diagnostics: Diagnostic[] = [];
  const snippets: CaddySnippet[] = [];
  const sites: CaddySite[] = [];
  let globalOptions: CaddyNode | null = null;

  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index];
    if (node.tokens.length === 0) {
      if (node.block !== null && index === 0) {
        globalOptions = node;
      } else if (node.block !== null) {
        diagnostics.push(
          diagnostic(
            node.file,
            node.line,
            'error',
            'caddy/misplaced-global-options',
            'Global options block must come first',
          ),
        );
      }
      continue;
    }
    const name = snippetName(node);
    if (name !== null) {
      snippets.push({ name, file: node.file, line: node.line });
      continue;
    }
    const head = node.tokens[0].text;
    if (head === 'import') continue; // left unresolved; resolveImports reported it
    if (head.startsWith('@') || KNOWN_DIRECTIVES.has(head)) {
      diagnostics.push(
        diagnostic(
          node.file,
          node.line,
          'warning',
          'caddy/directive-outside-site',
          `Directive ${head} is outside any site block`,
        ),
      );
      continue;
    }
    const addresses = splitSiteAddresses(node.tokens.map(t => t.text)).map(
      raw => ({
        ...parseSiteAddress(raw),
        file: node.file,
        line: node.line,
      }),
    );
    if (node.block !== null) {
      sites.push({
        file: node.file,
        line: node.line,
        addresses,
        directives: node.block,
      });
      continue;
    }
    const rest = nodes.slice(index + 1);
    if (sites.length === 0 && rest.every(n => n.tokens.length > 0)) {
      sites.push({
        file: node.file,
        line: node.line,
        addresses,
        directives: rest,
      });
      break;
    }
    diagnostics.push(
      diagnostic(
        node.file,
        node.line,
        'warning',
        'caddy/site-without-block',
        `Line ${node.tokens
          .map(t => t.text)
          .join(' ')} is neither a site block nor a directive inside one`,
      ),
    );
  }
  return { globalOptions, snippets, sites, diagnostics };
}
