import path from 'node:path';
import type { Inventory, RouteChain, SourceRef } from '@quadlet-portal/core';

const TYPE_ORDER = [
  'container',
  'pod',
  'kube',
  'volume',
  'network',
  'image',
  'build',
  'artifact',
];
const SEVERITIES = ['error', 'warning', 'info'];

/**
 * The `scan` summary for people: what the box holds in counts, one line per unit with its
 * image and pin tier, one line per hostname route chain, then every diagnostic as
 * `path:line: severity: message [code]` with paths a terminal or editor can open.
 */
export function formatScanText(
  inventory: Inventory,
  cwd: string = process.cwd(),
): string {
  const out: string[] = [];
  const locations = new Map(inventory.trees.map(t => [t.name, t.location]));
  const where = (tree: string | undefined, file: string) => {
    const location = tree === undefined ? undefined : locations.get(tree);
    if (location === undefined) return tree ? `${tree}/${file}` : file;
    return path.relative(cwd, path.resolve(cwd, location, file)) || file;
  };
  const short = (ref: SourceRef) =>
    `${path.posix.basename(ref.path)}:${ref.line}`;

  out.push(
    `Trees: ${
      inventory.trees
        .map(t => `${t.name} (${t.role}, ${t.files} files)`)
        .join(', ') || 'none'
    }`,
  );
  if (inventory.os) {
    const os = inventory.os;
    out.push(
      `OS: ${[os.distribution, os.release].filter(Boolean).join(' ')}${
        os.imageId ? ` (image ${os.imageId})` : ''
      } from ${where(os.source.tree, os.source.path)}:${os.source.line}`,
    );
  }
  const byType = countBy(
    inventory.units.map(u => u.type),
    TYPE_ORDER,
  );
  const missingEnv = inventory.envFiles.filter(
    e => e.status === 'missing',
  ).length;
  const citedOnly = inventory.decisions.filter(
    d => d.status === 'cited',
  ).length;
  out.push(
    `Counts: ${inventory.units.length} quadlets${
      byType ? ` (${byType})` : ''
    }, ` +
      `${inventory.systemdUnits.length} systemd units, ${inventory.models.length} models, ${inventory.aliases.length} aliases, ` +
      `${inventory.hostnames.length} hostnames, ${inventory.kernelArgs.length} kernel args, ` +
      `${inventory.decisions.length} decisions${
        citedOnly ? ` (${citedOnly} cited only)` : ''
      }, ` +
      `${inventory.envFiles.length} env files${
        missingEnv ? ` (${missingEnv} missing)` : ''
      }, ${inventory.distroboxes.length} distroboxes`,
  );

  if (inventory.units.length > 0) {
    out.push('', 'Units:');
    out.push(
      ...table(
        ['NAME', 'TYPE', 'IMAGE', 'PIN'],
        inventory.units.map(u => [
          u.name,
          u.type,
          u.image ? shortImage(u.image.text) : '-',
          u.image?.pinTier ?? u.image?.kind ?? '-',
        ]),
      ),
    );
  }
  if (inventory.distroboxes.length > 0) {
    out.push('', 'Distroboxes:');
    out.push(
      ...table(
        ['NAME', 'IMAGE', 'PIN'],
        inventory.distroboxes.map(d => [
          d.name,
          d.image ? shortImage(d.image.text) : '-',
          d.image?.pinTier ?? '-',
        ]),
      ),
    );
  }
  if (inventory.hostnames.length > 0) {
    out.push('', 'Hostnames:');
    const width = Math.max(...inventory.hostnames.map(h => h.hostname.length));
    for (const h of inventory.hostnames) {
      h.chains.forEach((chain, i) => {
        out.push(
          `  ${(i === 0 ? h.hostname : '').padEnd(width)}  ${chainText(
            chain,
            short,
          )}`,
        );
      });
      if (h.chains.length === 0)
        out.push(`  ${h.hostname.padEnd(width)}  (no route)`);
    }
  }
  if (inventory.models.length > 0 || inventory.aliases.length > 0) {
    out.push('', 'Models:');
    for (const m of inventory.models) {
      out.push(
        `  ${m.id}${m.aliases.length ? ` (${m.aliases.join(', ')})` : ''} on ${
          m.server?.name ?? '(no container)'
        }`,
      );
    }
    for (const a of inventory.aliases) {
      const targets = a.deployments.map(d => {
        const r = d.resolution;
        if (r.kind === 'local') return `${r.model} (local)`;
        if (r.kind === 'cloud') return `${d.model} (${r.provider})`;
        if (r.kind === 'endpoint') return `${d.model} at ${r.url}`;
        return `unresolved: ${r.reason}`;
      });
      out.push(`  ${a.name} -> ${[...new Set(targets)].join(' | ')}`);
    }
  }

  out.push(
    '',
    `Diagnostics: ${inventory.diagnostics.length}${severityCounts(inventory)}`,
  );
  for (const d of inventory.diagnostics) {
    out.push(
      `${where(d.tree, d.file)}:${d.line}: ${d.severity}: ${d.message} [${
        d.code
      }]`,
    );
  }
  return `${out.join('\n')}\n`;
}

function chainText(
  chain: RouteChain,
  short: (ref: SourceRef) => string,
): string {
  const hops: string[] = [];
  if (chain.ingress) hops.push(`cloudflared ${short(chain.ingress.source)}`);
  if (chain.proxy)
    hops.push(
      `caddy ${short(chain.proxy.source)}${chain.path ? ` ${chain.path}` : ''}`,
    );
  if (chain.upstream)
    hops.push(
      chain.upstream.port !== undefined
        ? `${chain.upstream.host}:${chain.upstream.port}`
        : chain.upstream.host,
    );
  if (chain.container)
    hops.push(
      `${chain.container.name}${
        chain.container.port !== undefined ? `:${chain.container.port}` : ''
      }`,
    );
  for (const u of chain.unresolved) hops.push(`?? ${u.reason}`);
  return hops.join(' -> ');
}

/** `3 container, 2 volume` in the given order (others after, alphabetically). */
function countBy(values: string[], order: readonly string[] = []): string {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const rank = (k: string) =>
    order.includes(k) ? order.indexOf(k) : order.length;
  return [...counts]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b, 'en'))
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
}

/** Digests shortened to 12 hex digits: the table stays readable, the JSON keeps them whole. */
function shortImage(text: string): string {
  return text.replace(/@(sha256:[0-9a-f]{12})[0-9a-f]+/, '@$1…');
}

function severityCounts(inventory: Inventory): string {
  const counts = countBy(
    inventory.diagnostics.map(d => d.severity),
    SEVERITIES,
  );
  return counts ? ` (${counts})` : '';
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')}`;
  return [line(header), ...rows.map(line)];
}
