import { decisionAnchor } from './anchors';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { code, link, text } from './markdown';

/** `D-106` linked to its row in the decisions index, with its title (or a flag when it is not recorded). */
export function decisionRef(ctx: GuideContext, l: Linker, id: string): string {
  const planned = ctx.plan.decisions.get(id);
  const label = link(code(id), planned ? l.to(decisionAnchor(planned.name)) : undefined);
  const record = ctx.inventory.decisions.find(d => d.id === id);
  if (record?.status === 'defined') return record.title ? `${label} ${text(record.title)}` : label;
  return `${label} (cited, not recorded)`;
}

export function decisionsText(ctx: GuideContext, l: Linker, ids: readonly string[]): string | undefined {
  const unique = [...new Set(ids)].sort();
  return unique.length > 0 ? unique.map(id => decisionRef(ctx, l, id)).join('; ') : undefined;
}
