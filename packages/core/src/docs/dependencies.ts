import type { DependencyEdge } from '../inventory/types';
import { resourceAnchor, serviceAnchor } from './anchors';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { code, link, listText } from './markdown';

/** Strongest first: a target named by several keys is listed once, under the strongest. */
const KIND_ORDER = ['requires', 'bindsTo', 'requisite', 'upholds', 'wants', 'partOf', 'pod', 'image', 'network', 'volume', 'mount'];

const KIND_WORDS: Record<string, [string, string]> = {
  requires: ['requires', 'requires'],
  bindsTo: ['is bound to', 'is bound to'],
  requisite: ['needs running', 'needs running'],
  upholds: ['upholds', 'upholds'],
  wants: ['wants', 'wants'],
  partOf: ['is part of', 'is part of'],
  pod: ['pod', 'pods'],
  image: ['image', 'images'],
  network: ['network', 'networks'],
  volume: ['volume', 'volumes'],
  mount: ['mounts', 'mounts'],
  timer: ['started by timer', 'started by timers'],
};

/** Anchor of a unit's entry (service) or row (resource), when it has one. */
export function unitAnchor(ctx: GuideContext, unitId: string): string | undefined {
  const quadlet = ctx.plan.units.get(unitId);
  if (quadlet) return quadlet.kind === 'Component' ? serviceAnchor(quadlet.name) : resourceAnchor(quadlet.name);
  const systemd = ctx.plan.systemdUnits.get(unitId);
  return systemd ? serviceAnchor(systemd.name) : undefined;
}

/** A unit by its catalog name, linked to its entry. */
export function unitRefText(ctx: GuideContext, l: Linker, unitId: string): string {
  const anchorId = unitAnchor(ctx, unitId);
  return link(code(ctx.unitLabel(unitId)), anchorId === undefined ? undefined : l.to(anchorId));
}

function edgeText(ctx: GuideContext, l: Linker, edge: DependencyEdge): string {
  if (edge.targetId !== undefined) return unitRefText(ctx, l, edge.targetId);
  if (edge.wellKnown) return `${code(edge.target)} (system)`;
  return `${code(edge.target)} (not in the box)`;
}

/** "requires `a`, `b`; wants `c`; network `sodimo.network`; volume `x.volume`". */
export function dependsOnText(ctx: GuideContext, l: Linker, edges: readonly DependencyEdge[]): string | undefined {
  const best = new Map<string, { edge: DependencyEdge; rank: number }>();
  for (const edge of edges) {
    const rank = KIND_ORDER.indexOf(edge.kind);
    if (rank < 0) continue;
    const key = edge.targetId ?? edge.service;
    const held = best.get(key);
    if (!held || rank < held.rank) best.set(key, { edge, rank });
  }
  if (best.size === 0) return undefined;
  const groups: string[] = [];
  for (const [rank, kind] of KIND_ORDER.entries()) {
    const names = [...best.values()]
      .filter(b => b.rank === rank)
      .map(b => edgeText(ctx, l, b.edge))
      .sort();
    if (names.length === 0) continue;
    const [one, many] = KIND_WORDS[kind];
    groups.push(`${names.length === 1 ? one : many} ${listText(names)}`);
  }
  return groups.join('; ');
}

/** "`openwebui` (requires), `paperclip` (wants)": who would notice if this unit stopped. */
export function neededByText(ctx: GuideContext, l: Linker, unitId: string): string | undefined {
  const byUnit = new Map<string, string[]>();
  for (const d of ctx.dependents(unitId)) {
    const kinds = byUnit.get(d.id) ?? [];
    const word = KIND_WORDS[d.kind]?.[0] ?? d.kind;
    if (!kinds.includes(word)) kinds.push(word);
    byUnit.set(d.id, kinds);
  }
  if (byUnit.size === 0) return undefined;
  return [...byUnit.entries()].map(([id, kinds]) => `${unitRefText(ctx, l, id)} (${kinds.join(', ')})`).join(', ');
}

/** `[Install]` targets: what starts the unit at boot. */
export function installText(wantedBy: readonly string[], requiredBy: readonly string[] = []): string | undefined {
  const targets = [...wantedBy.map(t => code(t)), ...requiredBy.map(t => `${code(t)} (required)`)];
  return targets.length > 0 ? listText(targets) : undefined;
}
