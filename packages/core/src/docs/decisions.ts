import { compareText } from '../entities/compareText';
import { decisionIdsOf } from '../entities/entityRefs';
import type { InventoryDecisionCitation } from '../inventory/types';
import { decisionAnchor, GUIDE_FILES, hostnameAnchor } from './anchors';
import { unitRefText } from './dependencies';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { anchor, blocks, code, count, heading, link, table, text } from './markdown';
import { problemItems } from './problems';
import type { SectionSpec } from './section';

type CitationSubject = InventoryDecisionCitation['subjects'][number];

/** What a citation belongs to, as a link to its entry: an env file counts for the units reading it. */
function subjectTexts(ctx: GuideContext, l: Linker, subject: CitationSubject): string[] {
  switch (subject.kind) {
    case 'unit':
    case 'systemd-unit':
      return [unitRefText(ctx, l, subject.id)];
    case 'env-file':
      return (ctx.envFiles.get(subject.id)?.usedBy ?? []).map(id => unitRefText(ctx, l, id));
    case 'model':
    case 'alias': {
      const planned = subject.kind === 'model' ? ctx.plan.modelById.get(subject.id) : ctx.plan.aliasByName.get(subject.id);
      const prefix = subject.kind === 'model' ? 'model-' : 'alias-';
      return [link(code(subject.id), planned ? l.to(`${prefix}${planned.name.replace(/\.(model|alias)$/, '')}`) : undefined)];
    }
    case 'hostname': {
      const planned = ctx.plan.hostnames.get(subject.id);
      return [link(code(subject.id), planned ? l.to(hostnameAnchor(planned.name)) : undefined)];
    }
    case 'kernel-arg':
      return [link('kernel arguments', l.to('kernel-args'))];
    case 'os':
      return [link('OS image', l.to('os-and-hardware'))];
    default:
      return [];
  }
}

/** The decision records: defined ones with title and status, cited-only ones flagged, and who cites each. */
export function decisionsSection(ctx: GuideContext): SectionSpec {
  const ids = decisionIdsOf(ctx.inventory);
  return {
    id: 'decisions',
    kind: 'decisions',
    title: 'Decisions',
    path: GUIDE_FILES.decisions,
    entityRefs: [],
    unitIds: [],
    rows: ids.flatMap(id => {
      const planned = ctx.plan.decisions.get(id);
      return planned ? [{ anchor: decisionAnchor(planned.name), keys: [planned.ref] }] : [];
    }),
    render(l) {
      const rows = ids.map(id => {
        const planned = ctx.plan.decisions.get(id);
        const record = ctx.inventory.decisions.find(d => d.id === id);
        const defined = record?.status === 'defined';
        const citedBy = new Set<string>();
        const mentions = new Set<string>();
        for (const citation of record?.citations ?? []) {
          // Commit messages are left out: the guide must not change with every commit.
          if (!citation.source || ctx.isGenerated(citation.source.tree, citation.source.path)) continue;
          if (defined && record?.definition && citation.source.tree === record.definition.tree && citation.source.path === record.definition.path) continue;
          const subjects = citation.subjects.flatMap(s => subjectTexts(ctx, l, s));
          if (subjects.length > 0) for (const s of subjects) citedBy.add(s);
          else mentions.add(l.short(citation.source));
        }
        for (const unitId of ctx.unitsCiting(id)) citedBy.add(unitRefText(ctx, l, unitId));
        const cited = [...citedBy].sort(compareText);
        const also = [...mentions].sort(compareText);
        const problems = problemItems(ctx, l, { key: `decision:${id}`, files: [] });
        return [
          `${planned ? anchor(decisionAnchor(planned.name)) : ''}${code(id)}`,
          defined ? text(record?.title ?? '') : '**cited, not recorded**',
          defined ? text(record?.state ?? 'no status line') : '',
          defined && record?.definition ? l.short(record.definition) : '',
          [cited.join(', '), also.length > 0 ? `also mentioned in ${also.join(', ')}` : ''].filter(s => s !== '').join('; '),
          problems.join('; '),
        ];
      });
      const citedOnly = ids.filter(id => ctx.inventory.decisions.find(d => d.id === id)?.status !== 'defined').length;
      return blocks(
        heading(2, 'Decisions', 'decisions'),
        ids.length > 0
          ? `${count(ids.length, 'decision')}${citedOnly > 0 ? `, ${citedOnly} of them cited but not recorded anywhere in the repositories` : ''}. A unit that cites a record is linked from it.`
          : 'No decision record is defined or cited in the repositories.',
        ids.length > 0 && table(['Id', 'Title', 'Status', 'Recorded at', 'Cited by', 'Problems'], rows),
      );
    },
  };
}
