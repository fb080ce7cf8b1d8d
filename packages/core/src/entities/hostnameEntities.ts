import type { Hostname, RouteChain } from '../inventory/types';
import { compact } from './compact';
import type { EntityLike } from './entityLike';
import type { MappingContext } from './mappingContext';
import type { HostnameChain, HostnameQuadletSpec } from './quadletSpec';

/** The components behind the hops of a route chain that are not the final container. */
export interface HopRefs {
  /** The cloudflared service or container, when the box runs one. */
  cloudflared?: string;
  /** Caddy container by `tree\0path` of each file its Caddyfile is made of. */
  caddyByFile: ReadonlyMap<string, string>;
}

/**
 * A public hostname as a Resource (`hostname`) that depends on the components serving it
 * (the container at the end of each cloudflared → Caddy → container:port chain), with every
 * hop and its file:line under `spec.quadlet.chains`.
 */
export function hostnameEntity(ctx: MappingContext, host: Hostname, hops: HopRefs): EntityLike {
  const planned = ctx.plan.hostnames.get(host.hostname)!;
  const servedBy = new Set<string>();
  const chains = host.chains.map(chain => {
    const converted = chainFact(ctx, chain, hops);
    if (converted.container?.ref) servedBy.add(converted.container.ref);
    return converted;
  });
  const quadlet: HostnameQuadletSpec = {
    kind: 'hostname' as const,
    hostname: host.hostname,
    declaredBy: [...host.declaredBy],
    chains,
    sources: host.sources.map(s => ctx.places.place(s)),
    servedBy: [...servedBy].sort(),
    decisions: ctx.cite(planned.ref, host.decisions),
  };
  const spec = compact({
    type: 'hostname',
    owner: ctx.owner,
    system: ctx.system,
    dependsOn: servedBy.size > 0 ? [...quadlet.servedBy] : undefined,
    quadlet,
  });

  const ends = [...new Set(chains.map(c => (c.container ? `${c.container.containerName ?? c.container.unitFile}${c.container.port !== undefined ? `:${c.container.port}` : ''}` : undefined)).filter(Boolean))];
  return ctx.entity(planned, {
    description: `Public hostname (${host.declaredBy.join(', ') || 'undeclared'})${ends.length > 0 ? ` served by ${ends.join(', ')}` : ''}`,
    source: host.sources[0],
    annotations: { 'quadlet-portal.io/hostname': host.hostname },
    tags: [chains.length === 0 && 'no-route', chains.some(c => !c.complete) && 'incomplete-route'],
    links: /^[a-z0-9.-]+$/i.test(host.hostname) && host.declaredBy.some(d => d !== 'tailnet') ? [{ url: `https://${host.hostname}/`, title: host.hostname, type: 'website' }] : [],
    spec,
  });
}

function chainFact(ctx: MappingContext, chain: RouteChain, hops: HopRefs): HostnameChain {
  const { ingress, proxy, upstream, container } = chain;
  return compact({
    path: chain.path,
    ingress: ingress && compact({ service: ingress.service, source: ctx.places.place(ingress.source), ref: hops.cloudflared }),
    proxy:
      proxy &&
      compact({
        siteAddress: proxy.siteAddress,
        matcher: proxy.matcher,
        pathMatcher: proxy.pathMatcher,
        source: ctx.places.place(proxy.source),
        ref: hops.caddyByFile.get(`${proxy.source.tree}\0${proxy.source.path}`),
      }),
    upstream: upstream && compact({ host: upstream.host, port: upstream.port, scheme: upstream.scheme, raw: upstream.raw }),
    container:
      container &&
      compact({
        unitFile: container.name,
        containerName: container.containerName,
        port: container.port,
        via: container.via,
        ref: (ctx.plan.units.get(container.unit) ?? ctx.plan.systemdUnits.get(container.unit))?.ref,
      }),
    complete: chain.complete,
    unresolved: chain.unresolved.map(u => ({ hop: u.hop, reason: u.reason })),
  });
}
