import { diagnostic, type Diagnostic } from '../../diagnostic';
import type { CaddyNode } from './parse';
import type { CaddySite } from './siteBlocks';
import { parseUpstream, type CaddyUpstream } from './upstream';

/** One `reverse_proxy` as it applies to one hostname. */
export interface CaddyRoute {
  /** Lower-cased hostname; null when the site answers any host and no host matcher narrows it. */
  hostname: string | null;
  /** Where the hostname came from: the site address or a `host` matcher. */
  hostnameFrom: 'site' | 'matcher' | null;
  /** The site's first address as written (`:80`, `chat.example.com`…). */
  siteAddress: string;
  /** Named matcher in force (`@chat`), if any. */
  matcher: string | null;
  /** Path matcher in force (`/api/*`), several joined by a space; null for every path. */
  pathMatcher: string | null;
  upstreams: CaddyUpstream[];
  /** File and line of the `reverse_proxy` directive (possibly an imported file). */
  file: string;
  line: number;
}

/** A hostname a site answers for, from its address or from a `host` matcher. */
export interface CaddyHostname {
  hostname: string;
  from: 'site' | 'matcher';
  file: string;
  line: number;
}

interface MatcherDefinition {
  name: string;
  hosts: string[];
  paths: string[];
  file: string;
  line: number;
  index: number;
}

interface Scope {
  definitions: Map<string, MatcherDefinition[]>;
  parent: Scope | null;
  /** Index of the node holding this scope's block, inside the parent's block. */
  indexInParent: number;
}

interface Context {
  hosts: { name: string; from: 'site' | 'matcher' }[];
  matcher: string | null;
  pathMatcher: string | null;
}

export interface CaddyRoutes {
  routes: CaddyRoute[];
  hostnames: CaddyHostname[];
  diagnostics: Diagnostic[];
}

/** Directives whose block holds further handlers (and so further `reverse_proxy`s). */
const NESTING = new Set(['handle', 'handle_path', 'route', 'handle_errors']);

/**
 * Lists the routes of the sites: every `reverse_proxy` with the hostname it serves, taken
 * from the site address or, for a shared site such as `:80`, from the `host` matcher of
 * the `handle @x` (or `reverse_proxy @x`) around it.
 */
export function caddyRoutes(sites: CaddySite[]): CaddyRoutes {
  const routes: CaddyRoute[] = [];
  const hostnames: CaddyHostname[] = [];
  const diagnostics: Diagnostic[] = [];

  const lookup = (
    scope: Scope,
    name: string,
    index: number,
  ): MatcherDefinition | undefined => {
    let current: Scope | null = scope;
    let at = index;
    while (current) {
      const defs = current.definitions.get(name);
      if (defs && defs.length > 0) {
        // The nearest definition above the use wins: with imported route files that each
        // reuse `@host`, that is the one written in the same file.
        let found = defs[0];
        for (const def of defs) if (def.index < at) found = def;
        return found;
      }
      at = current.indexInParent;
      current = current.parent;
    }
    return undefined;
  };

  const narrow = (
    ctx: Context,
    word: string | undefined,
    scope: Scope,
    index: number,
    node: CaddyNode,
  ) => {
    if (word === undefined) return ctx;
    if (word.startsWith('@')) {
      const def = lookup(scope, word.slice(1), index);
      if (!def) {
        diagnostics.push(
          diagnostic(
            node.file,
            node.line,
            'warning',
            'caddy/unknown-matcher',
            `Matcher ${word} is not defined in this site`,
          ),
        );
        return { ...ctx, matcher: word };
      }
      return {
        hosts:
          def.hosts.length > 0
            ? def.hosts.map(name => ({ name, from: 'matcher' as const }))
            : ctx.hosts,
        matcher: word,
        pathMatcher:
          def.paths.length > 0 ? def.paths.join(' ') : ctx.pathMatcher,
      };
    }
    if (word.startsWith('/')) return { ...ctx, pathMatcher: word };
    return ctx;
  };

  const walk = (
    nodes: CaddyNode[],
    ctx: Context,
    scope: Scope,
    siteAddress: string,
  ) => {
    nodes.forEach((node, index) => {
      const words = node.tokens.map(t => t.text);
      const head = words[0];
      if (head === undefined || head.startsWith('@')) return;
      const matcherWord = isMatcherToken(words[1]) ? words[1] : undefined;
      if (NESTING.has(head) && node.block) {
        const inner = narrow(ctx, matcherWord, scope, index, node);
        walk(
          node.block,
          inner,
          newScope(node.block, scope, index, diagnostics, hostnames),
          siteAddress,
        );
        return;
      }
      if (head !== 'reverse_proxy') return;
      const inner = narrow(ctx, matcherWord, scope, index, node);
      const upstreams = upstreamsOf(
        words.slice(matcherWord ? 2 : 1),
        node.block,
      );
      if (
        upstreams.length === 0 &&
        !node.block?.some(n => n.tokens[0]?.text === 'dynamic')
      ) {
        diagnostics.push(
          diagnostic(
            node.file,
            node.line,
            'warning',
            'caddy/proxy-without-upstream',
            'reverse_proxy names no upstream',
          ),
        );
      }
      const hosts = inner.hosts.length > 0 ? inner.hosts : [null];
      for (const host of hosts) {
        routes.push({
          hostname: host?.name ?? null,
          hostnameFrom: host?.from ?? null,
          siteAddress,
          matcher: inner.matcher,
          pathMatcher: inner.pathMatcher,
          upstreams,
          file: node.file,
          line: node.line,
        });
      }
    });
  };

  for (const site of sites) {
    const hosts: Context['hosts'] = [];
    for (const address of site.addresses) {
      if (address.host === '' || hosts.some(h => h.name === address.host))
        continue;
      hosts.push({ name: address.host, from: 'site' });
      hostnames.push({
        hostname: address.host,
        from: 'site',
        file: address.file,
        line: address.line,
      });
    }
    const scope = newScope(site.directives, null, -1, diagnostics, hostnames);
    walk(
      site.directives,
      { hosts, matcher: null, pathMatcher: null },
      scope,
      site.addresses[0]?.raw ?? '',
    );
  }
  return { routes, hostnames, diagnostics };
}

function isMatcherToken(word: string | undefined): boolean {
  return (
    word !== undefined &&
    (word.startsWith('@') || word.startsWith('/') || word === '*')
  );
}

function newScope(
  nodes: CaddyNode[],
  parent: Scope | null,
  indexInParent: number,
  diagnostics: Diagnostic[],
  hostnames: CaddyHostname[],
): Scope {
  const definitions = new Map<string, MatcherDefinition[]>();
  nodes.forEach((node, index) => {
    const head = node.tokens[0]?.text;
    if (!head?.startsWith('@') || head.length < 2) return;
    const def = readMatcher(node, head.slice(1), index);
    const list = definitions.get(def.name);
    if (list) {
      diagnostics.push(
        diagnostic(
          node.file,
          node.line,
          'error',
          'caddy/duplicate-matcher',
          `Matcher @${def.name} is defined more than once in this site (first at ${list[0].file}:${list[0].line}); Caddy refuses it`,
        ),
      );
      list.push(def);
    } else {
      definitions.set(def.name, [def]);
    }
    for (const hostname of def.hosts)
      hostnames.push({
        hostname,
        from: 'matcher',
        file: node.file,
        line: node.line,
      });
  });
  return { definitions, parent, indexInParent };
}

/** `@name host a b`, `@name path /x`, or `@name { host …; path … }`; other matchers are ignored. */
function readMatcher(
  node: CaddyNode,
  name: string,
  index: number,
): MatcherDefinition {
  const def: MatcherDefinition = {
    name,
    hosts: [],
    paths: [],
    file: node.file,
    line: node.line,
    index,
  };
  const lines = node.block
    ? node.block.map(n => n.tokens.map(t => t.text))
    : [node.tokens.slice(1).map(t => t.text)];
  for (const [kind, ...values] of lines) {
    if (kind === 'host')
      for (const v of values)
        def.hosts.push(v.includes('{') ? v : v.toLowerCase());
    else if (kind === 'path') def.paths.push(...values);
  }
  return def;
}

function upstreamsOf(
  words: string[],
  block: CaddyNode[] | null,
): CaddyUpstream[] {
  const raws = [...words];
  let defaultScheme: string | null = null;
  for (const sub of block ?? []) {
    const [kind, ...values] = sub.tokens.map(t => t.text);
    if (kind === 'to') raws.push(...values);
    if (kind === 'transport' && sub.block) {
      // `transport http { tls }` dials TLS; `versions h2c` dials cleartext HTTP/2.
      for (const option of sub.block) {
        const [key, ...rest] = option.tokens.map(t => t.text);
        if (key === 'tls') defaultScheme = 'https';
        if (key === 'versions' && rest.includes('h2c'))
          defaultScheme = defaultScheme ?? 'h2c';
      }
    }
  }
  const out: CaddyUpstream[] = [];
  for (const raw of raws) {
    const written =
      /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(raw) || raw.startsWith('unix/');
    const source =
      !written && defaultScheme ? `${defaultScheme}://${raw}` : raw;
    for (const upstream of parseUpstream(source))
      out.push({ ...upstream, raw });
  }
  return out;
}
