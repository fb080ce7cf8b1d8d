import type { Diagnostic } from '../diagnostic';
import {
  modelCaddyfile,
  parseSiteAddress,
  type CaddyRoute,
} from '../formats/caddy';
import {
  readCloudflared,
  type CloudflaredIngressRule,
} from '../formats/cloudflared';
import { isLoopbackHost } from '../formats/common';
import type { SourceFile } from '../sourceFile';
import { compare } from './compare';
import type { ConfigFile } from './configFiles';
import type { ServerIndex } from './serverIndex';
import type { TreeIndex } from './treeIndex';
import type {
  CaddySummary,
  CloudflaredSummary,
  ContainerHop,
  Hostname,
  InventoryUnit,
  RouteChain,
  SourceRef,
} from './types';
import type { UnitDirectory } from './unitDirectory';

const CADDY_IMAGE = /(^|\/)caddy$/;
/** Names a container uses to reach the host it runs on. */
const HOST_GATEWAY_NAMES = new Set([
  'host.containers.internal',
  'host.docker.internal',
  'host-gateway',
]);

type LocatedRoute = CaddyRoute & { ref: SourceRef };

interface CaddyInstance {
  summary: CaddySummary;
  routes: LocatedRoute[];
  /** Routes by exact hostname; wildcard and any-host routes apart (few). */
  byHost: Map<string, LocatedRoute[]>;
  wildcards: LocatedRoute[];
  anyHost: LocatedRoute[];
  server?: InventoryUnit;
}

interface IngressRule {
  rule: CloudflaredIngressRule;
  ref: SourceRef;
  service: string;
}

export interface HostnamesResult {
  hostnames: Hostname[];
  caddy: CaddySummary[];
  cloudflared: CloudflaredSummary[];
  diagnostics: (Diagnostic & { tree: string })[];
}

/**
 * Every public hostname with its route chain: cloudflared rule → Caddy route → upstream →
 * container and port. A link that cannot be followed is kept with the reason.
 */
export function readHostnames(
  configs: readonly ConfigFile[],
  targetFiles: (tree: TreeIndex) => {
    files: SourceFile[];
    sourcePath: (target: string) => string;
  },
  servers: ServerIndex,
  directory: UnitDirectory,
): HostnamesResult {
  const diagnostics: HostnamesResult['diagnostics'] = [];
  const caddies: CaddyInstance[] = [];
  for (const { tree, file } of configs.filter(c => c.kind === 'caddy')) {
    const view = targetFiles(tree);
    const entry = file.target ?? file.path;
    const model = modelCaddyfile(entry, view.files);
    const ref = (path: string, line: number): SourceRef => ({
      tree: tree.name,
      path: view.sourcePath(path),
      line: Math.max(1, line),
    });
    diagnostics.push(
      ...model.diagnostics.map(d => ({
        ...d,
        file: view.sourcePath(d.file),
        tree: tree.name,
      })),
    );
    const serverLink = servers.serverOf(tree.name, file.path, CADDY_IMAGE);
    const server = serverLink ? directory.quadlet(serverLink.id) : undefined;
    const summary: CaddySummary = {
      tree: tree.name,
      path: file.path,
      files: model.files.map(f => view.sourcePath(f)),
      sites: model.sites.map(s => ({
        address: s.addresses.join(', '),
        source: ref(s.file, s.line),
      })),
      routes: model.routes.length,
      listens: [
        ...new Set(model.sites.flatMap(s => s.addresses.map(listenPort))),
      ].sort((a, b) => a - b),
    };
    if (serverLink) summary.server = serverLink;
    const routes = model.routes.map(r => ({ ...r, ref: ref(r.file, r.line) }));
    const byHost = new Map<string, LocatedRoute[]>();
    for (const route of routes) {
      if (route.hostname === null || route.hostname.startsWith('*.')) continue;
      const list = byHost.get(route.hostname);
      if (list) list.push(route);
      else byHost.set(route.hostname, [route]);
    }
    caddies.push({
      summary,
      routes,
      byHost,
      wildcards: routes.filter(
        r => r.hostname !== null && r.hostname.startsWith('*.'),
      ),
      anyHost: routes.filter(r => r.hostname === null),
      server,
    });
  }

  const cloudflared: CloudflaredSummary[] = [];
  const rules: IngressRule[] = [];
  for (const { tree, file } of configs.filter(c => c.kind === 'cloudflared')) {
    const { config, diagnostics: found } = readCloudflared({
      path: file.path,
      content: file.source.content,
    });
    diagnostics.push(...found.map(d => ({ ...d, tree: tree.name })));
    const summary: CloudflaredSummary = {
      tree: tree.name,
      path: file.path,
      ingress: [],
    };
    if (config.tunnel) summary.tunnel = config.tunnel.id;
    for (const rule of config.ingress) {
      const ref: SourceRef = {
        tree: tree.name,
        path: file.path,
        line: Math.max(1, rule.line),
      };
      const service = serviceText(rule);
      const entry: CloudflaredSummary['ingress'][number] = {
        service,
        source: ref,
      };
      if (rule.hostname !== undefined)
        entry.hostname = rule.hostname.toLowerCase();
      if (rule.path !== undefined) entry.path = rule.path;
      summary.ingress.push(entry);
      if (rule.catchAll && summary.catchAll === undefined)
        summary.catchAll = service;
      rules.push({ rule, ref, service });
    }
    cloudflared.push(summary);
  }

  const names = new Map<string, Hostname>();
  const hostname = (name: string): Hostname => {
    let found = names.get(name);
    if (!found) {
      found = {
        hostname: name,
        declaredBy: [],
        chains: [],
        sources: [],
        decisions: [],
      };
      names.set(name, found);
    }
    return found;
  };
  const declare = (
    h: Hostname,
    by: Hostname['declaredBy'][number],
    source: SourceRef,
  ) => {
    if (!h.declaredBy.includes(by)) h.declaredBy.push(by);
    if (
      !h.sources.some(
        s =>
          s.tree === source.tree &&
          s.path === source.path &&
          s.line === source.line,
      )
    )
      h.sources.push(source);
  };
  for (const { rule, ref } of rules) {
    if (rule.hostname && rule.hostname !== '*')
      declare(hostname(rule.hostname.toLowerCase()), 'cloudflared', ref);
  }
  for (const caddy of caddies) {
    for (const route of caddy.routes) {
      if (route.hostname && isPublicName(route.hostname))
        declare(hostname(route.hostname), 'caddy', route.ref);
    }
  }
  for (const h of names.values())
    if (h.hostname.endsWith('.ts.net')) h.declaredBy.push('tailnet');

  // A wildcard rule stands for the concrete names it covers; keep it only when it covers none.
  for (const name of [...names.keys()]) {
    if (!name.startsWith('*.')) continue;
    const covered = [...names.keys()].some(
      other => other !== name && matchesHost(name, other),
    );
    if (covered) {
      for (const other of names.values()) {
        if (other.hostname !== name && matchesHost(name, other.hostname)) {
          for (const s of names.get(name)!.sources)
            declare(other, 'cloudflared', s);
        }
      }
      names.delete(name);
    }
  }

  // cloudflared takes the first rule that matches; index exact names, keep wildcards in order.
  const firstExact = new Map<string, IngressRule>();
  const wildcardRules: IngressRule[] = [];
  rules.forEach(r => {
    const name = r.rule.hostname?.toLowerCase();
    if (name === undefined || name === '*') return;
    if (name.startsWith('*.')) wildcardRules.push(r);
    else if (!firstExact.has(name)) firstExact.set(name, r);
  });
  const catchAll = rules.find(
    r => r.rule.catchAll && r.rule.service?.kind === 'url',
  );
  const ruleFor = (host: string): IngressRule | undefined => {
    const exact = firstExact.get(host);
    const wildcard = wildcardRules.find(r =>
      matchesHost(r.rule.hostname!.toLowerCase(), host),
    );
    if (exact && wildcard)
      return rules.indexOf(exact) < rules.indexOf(wildcard) ? exact : wildcard;
    return exact ?? wildcard ?? catchAll;
  };
  for (const h of names.values()) {
    const rule = ruleFor(h.hostname);
    h.chains = rule
      ? chainsFromIngress(h.hostname, rule, caddies, directory)
      : chainsFromCaddy(h.hostname, caddies, directory, undefined);
  }

  const hostnames = [...names.values()].sort((a, b) =>
    compare(a.hostname, b.hostname),
  );
  return {
    hostnames,
    caddy: caddies.map(c => c.summary),
    cloudflared,
    diagnostics,
  };
}

/** The port a site address listens on: written, or 80 for `http://`, else Caddy's HTTPS port. */
function listenPort(address: string): number {
  const parsed = parseSiteAddress(address);
  return parsed.port ?? (parsed.scheme === 'http' ? 80 : 443);
}

function isPublicName(name: string): boolean {
  return (
    name.includes('.') &&
    !name.includes('{') &&
    !/^[\d.]+$/.test(name) &&
    !/(^|\.)localhost$/.test(name)
  );
}

/** `*.example.com` matches one label in front (cloudflared and Caddy agree on this). */
export function matchesHost(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const suffix = pattern.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.');
}

function chainsFromIngress(
  host: string,
  ingress: IngressRule,
  caddies: CaddyInstance[],
  directory: UnitDirectory,
): RouteChain[] {
  const hop = {
    kind: 'cloudflared' as const,
    service: ingress.service,
    source: ingress.ref,
  };
  const service = ingress.rule.service;
  const endpoint = service?.endpoint;
  if (!service || service.kind !== 'url' || !endpoint) {
    return [
      {
        ingress: hop,
        complete: false,
        unresolved: [
          {
            hop: 'ingress',
            reason: `service ${service?.raw ?? '(none)'} is not an HTTP origin`,
          },
        ],
      },
    ];
  }
  const port = endpoint.port;
  const viaHost =
    isLoopbackHost(endpoint.host) || HOST_GATEWAY_NAMES.has(endpoint.host);
  let unit: InventoryUnit | undefined;
  let containerPort: number | undefined;
  if (viaHost && port !== undefined) {
    unit = directory.containersPublishing(port)[0];
    containerPort = unit?.ports.find(p => p.hostPort === port)?.containerPort;
  } else if (!viaHost) {
    unit = directory.containersNamed(endpoint.host)[0]?.unit;
    containerPort = port;
  }
  const caddy =
    (unit && caddies.find(c => c.server?.id === unit!.id)) ??
    (!unit && viaHost && port !== undefined
      ? caddies.find(c => !c.server && c.summary.listens.includes(port))
      : undefined);
  if (caddy) return chainsFromCaddy(host, [caddy], directory, hop);
  if (unit) {
    const container: ContainerHop = {
      unit: unit.id,
      name: unit.name,
      via: viaHost ? 'host-port' : 'container-name',
    };
    if (unit.resourceName) container.containerName = unit.resourceName;
    if (containerPort !== undefined) container.port = containerPort;
    return [
      {
        ingress: hop,
        upstream: {
          host: endpoint.host,
          port,
          scheme: endpoint.scheme,
          raw: ingress.service,
        },
        container,
        complete: true,
        unresolved: [],
      },
    ];
  }
  return [
    {
      ingress: hop,
      complete: false,
      unresolved: [
        {
          hop: 'upstream',
          reason: viaHost
            ? `nothing in the box publishes host port ${port}`
            : `no container of the box is named ${endpoint.host}`,
        },
      ],
    },
  ];
}

function chainsFromCaddy(
  host: string,
  caddies: CaddyInstance[],
  directory: UnitDirectory,
  ingress: RouteChain['ingress'],
): RouteChain[] {
  const chains: RouteChain[] = [];
  for (const caddy of caddies) {
    const exact = caddy.byHost.get(host) ?? [];
    const wildcard =
      exact.length > 0
        ? []
        : caddy.wildcards.filter(r => matchesHost(r.hostname!, host));
    const anyHost = exact.length + wildcard.length > 0 ? [] : caddy.anyHost;
    for (const route of [...exact, ...wildcard, ...anyHost]) {
      const proxy: RouteChain['proxy'] = {
        kind: 'caddy',
        siteAddress: route.siteAddress,
        source: route.ref,
      };
      if (route.matcher) proxy.matcher = route.matcher;
      if (route.pathMatcher) proxy.pathMatcher = route.pathMatcher;
      const upstreams =
        route.upstreams.length > 0 ? route.upstreams : [undefined];
      for (const upstream of upstreams) {
        const chain: RouteChain = { proxy, complete: false, unresolved: [] };
        if (ingress) chain.ingress = ingress;
        if (route.pathMatcher) chain.path = route.pathMatcher;
        if (!upstream) {
          chain.unresolved.push({
            hop: 'upstream',
            reason: 'reverse_proxy names no upstream',
          });
        } else {
          chain.upstream = {
            host: upstream.host,
            scheme: upstream.scheme,
            raw: upstream.raw,
          };
          if (upstream.port !== null) chain.upstream.port = upstream.port;
          const found = containerOf(
            upstream.host,
            upstream.port ?? undefined,
            caddy.server,
            directory,
          );
          if ('reason' in found)
            chain.unresolved.push({ hop: 'container', reason: found.reason });
          else {
            chain.container = found;
            chain.complete = true;
          }
        }
        chains.push(chain);
      }
    }
  }
  if (chains.length === 0 && ingress) {
    chains.push({
      ingress,
      complete: false,
      unresolved: [{ hop: 'proxy', reason: `no Caddy route answers ${host}` }],
    });
  }
  return chains;
}

function containerOf(
  host: string,
  port: number | undefined,
  proxy: InventoryUnit | undefined,
  directory: UnitDirectory,
): ContainerHop | { reason: string } {
  const proxyOnHostNetwork =
    !proxy || proxy.networks.some(n => n.kind === 'host');
  if (
    HOST_GATEWAY_NAMES.has(host) ||
    (isLoopbackHost(host) && proxyOnHostNetwork)
  ) {
    if (port === undefined) return { reason: `no port for ${host}` };
    const unit = directory.containersPublishing(port)[0];
    if (!unit)
      return { reason: `nothing in the box publishes host port ${port}` };
    const hop: ContainerHop = {
      unit: unit.id,
      name: unit.name,
      via: 'host-port',
    };
    if (unit.resourceName) hop.containerName = unit.resourceName;
    const mapped = unit.ports.find(p => p.hostPort === port)?.containerPort;
    if (mapped !== undefined) hop.port = mapped;
    return hop;
  }
  if (isLoopbackHost(host))
    return {
      reason: `${host} inside the ${
        proxy!.name
      } container is that container itself`,
    };
  const named = directory.containersNamed(host)[0];
  if (!named) return { reason: `no container of the box is named ${host}` };
  const hop: ContainerHop = {
    unit: named.unit.id,
    name: named.unit.name,
    via: named.via,
  };
  if (named.unit.resourceName) hop.containerName = named.unit.resourceName;
  if (port !== undefined) hop.port = port;
  return hop;
}

/** The rule's service as written, unless it carries credentials; then the cleaned URL. */
function serviceText(rule: CloudflaredIngressRule): string {
  const raw = rule.service?.raw ?? '';
  return raw.includes('@') && rule.service?.endpoint
    ? rule.service.endpoint.url
    : raw;
}
