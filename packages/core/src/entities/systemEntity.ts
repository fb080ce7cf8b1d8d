import type { Inventory, InventoryDiagnostic } from '../inventory/types';
import { compact } from './compact';
import { compareText } from './compareText';
import type { EntityLike, EntityLink } from './entityLike';
import type { MappingContext } from './mappingContext';
import type { BoxDiagnostic, BoxQuadletSpec } from './quadletSpec';
import { ANNOTATION_SOURCE_LOCATION } from './sourcePlaces';

/** At most this many diagnostics ride on the System entity; the rest are counted. */
export const MAX_SYSTEM_DIAGNOSTICS = 500;

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/**
 * The box as a System: its trees, entity counts and its problems with file:line, so a broken
 * file is visible in the portal and not only in a log.
 */
export function systemEntity(ctx: MappingContext, inventory: Inventory, others: readonly EntityLike[]): EntityLike {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of inventory.diagnostics) counts[d.severity]++;
  const sorted = [...inventory.diagnostics].sort(compareDiagnostics);
  const shown = sorted.slice(0, MAX_SYSTEM_DIAGNOSTICS).map(d => diagnosticFact(ctx, d));

  const entityCounts: Record<string, number> = {};
  for (const e of others) {
    const key = `${e.kind.toLowerCase()}:${String((e.spec as { type?: unknown }).type ?? '')}`;
    entityCounts[key] = (entityCounts[key] ?? 0) + 1;
  }

  const trees: BoxQuadletSpec['trees'] = inventory.trees.map(t =>
    compact({
      name: t.name,
      role: t.role,
      roleFrom: t.roleFrom,
      location: ctx.places.location(t.name) ?? t.location,
      url: ctx.places.treeUrl(t.name),
      files: t.files,
      bytes: t.bytes,
      commits: t.commits,
      chezmoiRoot: t.chezmoiRoot,
    }),
  );
  const os = inventory.os;
  const quadlet: BoxQuadletSpec = compact({
    kind: 'box' as const,
    box: ctx.box.name,
    trees,
    os: os && compact({ distribution: os.distribution, release: os.release }),
    entityCounts: Object.fromEntries(Object.entries(entityCounts).sort(([a], [b]) => compareText(a, b))),
    diagnosticCounts: counts,
    diagnostics: shown,
    diagnosticsOmitted: sorted.length - shown.length,
  });

  const links: EntityLink[] = trees.filter(t => t.url).map(t => ({ url: t.url!, title: `${t.name} repository`, type: 'repository' }));
  const first = inventory.trees[0];
  return ctx.entity(ctx.plan.system, {
    title: ctx.box.title,
    description: ctx.box.description,
    annotations: {
      // The first tree's root: the System has no single file.
      [ANNOTATION_SOURCE_LOCATION]: first ? ctx.places.annotations({ tree: first.name, path: '', line: 1 })[ANNOTATION_SOURCE_LOCATION] : undefined,
      'quadlet-portal.io/diagnostics': countsText(counts),
    },
    tags: [counts.error > 0 && 'has-errors'],
    links,
    spec: { type: 'quadlet-box', owner: ctx.owner, quadlet },
  });
}

/** `3 errors, 12 warnings` (only the severities present); `none` when clean. */
export function countsText(counts: { error: number; warning: number; info: number }): string {
  const parts: string[] = [];
  if (counts.error) parts.push(`${counts.error} error${counts.error === 1 ? '' : 's'}`);
  if (counts.warning) parts.push(`${counts.warning} warning${counts.warning === 1 ? '' : 's'}`);
  if (counts.info) parts.push(`${counts.info} info`);
  return parts.join(', ') || 'none';
}

function diagnosticFact(ctx: MappingContext, d: InventoryDiagnostic): BoxDiagnostic {
  return compact({
    tree: d.tree || undefined,
    file: d.file,
    line: d.line,
    severity: d.severity,
    code: d.code,
    message: d.message,
    url: d.tree && d.file ? ctx.places.viewUrl(d.tree, d.file, d.line) : undefined,
  });
}

function compareDiagnostics(a: InventoryDiagnostic, b: InventoryDiagnostic): number {
  return (
    compareText(a.tree ?? '', b.tree ?? '') ||
    compareText(a.file, b.file) ||
    a.line - b.line ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

