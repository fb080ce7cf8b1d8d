import { posix } from 'node:path';
import { diagnostic, type Diagnostic } from '../../diagnostic';
import type { SourceFile } from '../../sourceFile';
import { parseCaddyfile, type CaddyText } from './parse';
import { resolveCaddyImports } from './resolveImports';
import { caddyRoutes, type CaddyHostname, type CaddyRoute } from './routes';
import { readSiteBlocks, type CaddySnippet } from './siteBlocks';

/** What a Caddyfile (with everything it imports) tells about the box. */
export interface CaddyModel {
  /** The entry Caddyfile. */
  file: string;
  /** Every file read, the entry first, then imports in splice order. */
  files: string[];
  hasGlobalOptions: boolean;
  snippets: CaddySnippet[];
  sites: { file: string; line: number; addresses: string[] }[];
  routes: CaddyRoute[];
  hostnames: CaddyHostname[];
  diagnostics: Diagnostic[];
}

/** True for names Caddy users give their main file: `Caddyfile`, `Caddyfile.prod`, `site.caddyfile`. */
export function isCaddyfileName(path: string): boolean {
  const base = posix.basename(path);
  return (
    base === 'Caddyfile' ||
    base.startsWith('Caddyfile.') ||
    base.toLowerCase().endsWith('.caddyfile')
  );
}

/**
 * Reads the Caddyfile at `entryPath` out of `tree` (all files of the checkout), splices its
 * imports and lists sites, hostnames and routes. Never throws.
 */
export function modelCaddyfile(
  entryPath: string,
  tree: readonly (SourceFile | CaddyText)[],
): CaddyModel {
  const wanted = posix.normalize(entryPath);
  const entrySource = tree.find(f => posix.normalize(f.path) === wanted);
  if (!entrySource) {
    return {
      file: entryPath,
      files: [],
      hasGlobalOptions: false,
      snippets: [],
      sites: [],
      routes: [],
      hostnames: [],
      diagnostics: [
        diagnostic(
          entryPath,
          0,
          'error',
          'caddy/missing-entry',
          'Caddyfile is not in the tree',
        ),
      ],
    };
  }
  const entry = parseCaddyfile(entrySource);
  const resolved = resolveCaddyImports(entry, tree);
  const blocks = readSiteBlocks(resolved.nodes);
  const found = caddyRoutes(blocks.sites);
  return {
    file: entry.file,
    files: resolved.files,
    hasGlobalOptions: blocks.globalOptions !== null,
    snippets: blocks.snippets,
    sites: blocks.sites.map(s => ({
      file: s.file,
      line: s.line,
      addresses: s.addresses.map(a => a.raw),
    })),
    routes: found.routes,
    hostnames: found.hostnames,
    diagnostics: [
      ...resolved.diagnostics,
      ...blocks.diagnostics,
      ...found.diagnostics,
    ],
  };
}
