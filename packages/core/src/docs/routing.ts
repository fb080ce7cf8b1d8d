import type { InventoryUnit, PublishedPort, RouteChain } from '../inventory/types';
import { hostnameAnchor } from './anchors';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { code, link, listText } from './markdown';

const LOOPBACK = new Set(['127.0.0.1', '::1', '[::1]', 'localhost']);

export function isLoopback(port: PublishedPort): boolean {
  return port.hostIp !== undefined && LOOPBACK.has(port.hostIp);
}

/** `` `127.0.0.1:8091:80` `` (loopback 8091 → 80/tcp). */
export function portItem(port: PublishedPort): string {
  let where = port.hostIp ?? 'every host interface';
  if (isLoopback(port)) where = 'loopback';
  const host = port.hostPort === undefined ? 'a port podman picks' : String(port.hostPort);
  const inside = port.containerPort === undefined ? '' : ` → ${port.containerPort}/${port.protocol}`;
  return `${code(port.text)} (${where} ${host}${inside})`;
}

/** The hops of one chain: cloudflared → Caddy → upstream → container port. */
export function chainText(chain: RouteChain, l: Linker): string {
  const hops: string[] = [];
  if (chain.ingress) hops.push(`cloudflared (${l.short(chain.ingress.source)})`);
  if (chain.proxy) {
    const matcher = chain.proxy.matcher ? ` ${code(chain.proxy.matcher)}` : '';
    hops.push(`Caddy${matcher} (${l.short(chain.proxy.source)})`);
  }
  if (chain.upstream) hops.push(code(chain.upstream.raw));
  if (chain.container) {
    hops.push(chain.container.port === undefined ? `container ${code(chain.container.name)}` : `container port ${chain.container.port}`);
  }
  for (const gap of chain.unresolved) hops.push(`**unresolved ${gap.hop}**: ${gap.reason}`);
  return hops.join(' → ');
}

/** `` `vault.sodimo.eu` `` path `/notifications/hub`, linked to its hostname entry. */
export function hostnameRef(ctx: GuideContext, l: Linker, hostname: string, path?: string): string {
  const planned = ctx.plan.hostnames.get(hostname);
  const label = link(code(hostname), planned ? l.to(hostnameAnchor(planned.name)) : undefined);
  return path ? `${label} path ${code(path)}` : label;
}

/**
 * How traffic reaches a container: each public hostname's chain that ends at it, its role as
 * the proxy in front of others, or how its ports are published when nothing routes to it.
 */
export function routingItems(ctx: GuideContext, l: Linker, unit: InventoryUnit): string[] {
  const items: string[] = [];
  for (const { hostname, chain } of ctx.routesTo(unit.id)) {
    items.push(`${hostnameRef(ctx, l, hostname, chain.path)} via ${chainText(chain, l)}`);
  }
  for (const caddy of ctx.inventory.caddy.filter(c => c.server?.id === unit.id)) {
    const files = new Set(caddy.files);
    const routed: string[] = [];
    for (const host of ctx.inventory.hostnames) {
      for (const chain of host.chains) {
        if (!chain.proxy || chain.proxy.source.tree !== caddy.tree || !files.has(chain.proxy.source.path)) continue;
        const upstream = chain.upstream ? ` → ${code(chain.upstream.raw)}` : '';
        routed.push(`${hostnameRef(ctx, l, host.hostname, chain.path)}${upstream}`);
      }
    }
    const sites = caddy.sites.map(s => `${code(s.address)} (${l.short(s.source)})`);
    const listens = caddy.listens.length > 0 ? `, listening on ${listText(caddy.listens.map(p => code(String(p))))}` : '';
    const front = sites.length > 0 ? `site ${listText(sites)}` : l.short({ tree: caddy.tree, path: caddy.path });
    const routes = routed.length > 0 ? `routes ${routed.join(', ')}` : 'no route reaches a container';
    items.push(`reverse proxy for the box: ${front}${listens}; ${routes}`);
  }
  if (items.length > 0) return items;
  const loopback = unit.ports.filter(isLoopback).map(p => code(String(p.hostPort ?? p.text)));
  const open = unit.ports.filter(p => !isLoopback(p)).map(p => code(String(p.hostPort ?? p.text)));
  if (open.length > 0) items.push(`direct: ${listText(open)} published on the host, outside any tunnel or proxy`);
  if (loopback.length > 0) items.push(`internal only: ${listText(loopback)} on the loopback interface, no public hostname`);
  if (unit.ports.length === 0) items.push('internal only: no published port, reached over the container network');
  return items;
}

/** `litellm` on `sodimo.network` (+ aliases): the name other containers use. */
export function networkItem(unit: InventoryUnit): string | undefined {
  if (unit.networks.length === 0 && unit.networkAliases.length === 0) return undefined;
  const names = [unit.resourceName, ...unit.networkAliases].filter((n): n is string => n !== undefined);
  const nets = unit.networks.map(n => code(n.text));
  const as = names.length > 0 ? ` as ${listText([...new Set(names)].map(code))}` : '';
  return `${listText(nets) || 'default network'}${as}`;
}
