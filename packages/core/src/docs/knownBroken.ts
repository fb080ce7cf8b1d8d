import type { CheckResult } from '../checks/types';
import { compareText } from '../entities/compareText';
import { GUIDE_FILES, serviceAnchor } from './anchors';
import { serviceComponents } from './components';
import { compareDiagnostics, type GuideContext } from './guideContext';
import type { Linker } from './links';
import { blocks, bullets, code, count, heading, link, table, text } from './markdown';
import { checkTitle, declaredBroken, diagnosticItem, findingItem } from './problems';
import type { SectionSpec } from './section';

/** Where a finding points, linked when its tree can be. */
function findingPlace(r: CheckResult, l: Linker): string {
  if (r.file === undefined) return '';
  if (r.tree === undefined) return code(r.file);
  return l.short({ tree: r.tree, path: r.file, line: r.line });
}

/** The subject of a finding, linked to where the guide documents it. */
function subjectLink(ctx: GuideContext, l: Linker, result: CheckResult): string {
  const label = code(result.entityName);
  const id = result.entity.slice(result.entity.indexOf(':') + 1);
  switch (result.entityKind) {
    case 'unit':
    case 'systemd-unit': {
      const planned = ctx.plan.units.get(id) ?? ctx.plan.systemdUnits.get(id);
      if (!planned) return label;
      if (planned.kind === 'Component') return link(label, l.to(serviceAnchor(planned.name)));
      return link(label, l.to(`resource-${planned.name}`));
    }
    case 'model': {
      const planned = ctx.plan.modelById.get(id);
      return link(label, planned ? l.to(`model-${planned.name.replace(/\.model$/, '')}`) : undefined);
    }
    case 'alias': {
      const planned = ctx.plan.aliasByName.get(id);
      return link(label, planned ? l.to(`alias-${planned.name.replace(/\.alias$/, '')}`) : undefined);
    }
    case 'hostname': {
      const planned = ctx.plan.hostnames.get(id);
      return link(label, planned ? l.to(`hostname-${planned.name}`) : undefined);
    }
    case 'kernel-args':
      return link(label, l.to('kernel-args'));
    case 'os':
      return link(label, l.to('os-and-hardware'));
    case 'decision': {
      const planned = ctx.plan.decisions.get(id);
      return link(label, planned ? l.to(`decision-${planned.name}`) : undefined);
    }
    default:
      return label;
  }
}

/**
 * What does not work today: units declared broken (in the scorecard's policy or in their own
 * comment), then every failing or waived finding by check, then the inventory's diagnostics.
 */
export function knownBrokenSection(ctx: GuideContext): SectionSpec {
  return {
    id: 'known-broken',
    kind: 'known-broken',
    title: 'Known broken and open problems',
    path: GUIDE_FILES.knownBroken,
    entityRefs: [],
    unitIds: [],
    render(l) {
      const broken: string[] = [];
      for (const c of serviceComponents(ctx)) {
        if (c.kind === 'distrobox') continue;
        const key = c.kind === 'quadlet' ? `unit:${c.unit.id}` : `systemd-unit:${c.unit.id}`;
        const reasons = ctx.findingsFor(key).filter(f => f.checkId === 'unit-known-broken' && f.status === 'fail').map(f => findingItem(f, l));
        const comment = declaredBroken(c.unit.leadingComment);
        if (comment !== undefined) reasons.unshift(`its comment says: ${text(comment)} (${l.short(c.unit.source)})`);
        if (reasons.length === 0) continue;
        broken.push(`${link(code(c.name), l.to(serviceAnchor(c.name)))}: ${reasons.length === 1 ? reasons[0] : `\n${bullets(reasons)}`}`);
      }
      const failing = ctx.findings.filter(f => f.checkId !== 'unit-known-broken');
      const byCheck = new Map<string, CheckResult[]>();
      for (const f of failing) byCheck.set(f.checkId, [...(byCheck.get(f.checkId) ?? []), f]);
      const checks = [...byCheck.entries()].sort((a, b) => compareText(a[0], b[0]));
      const findingBlocks = checks.map(([checkId, results]) =>
        blocks(
          heading(4, `${text(checkTitle(checkId))} (${code(checkId)}, ${count(results.length, 'finding')})`),
          table(
            ['Subject', 'Status', 'Where', 'Finding'],
            results.map(r => [
              subjectLink(ctx, l, r),
              r.status === 'waived' && r.waiver ? `waived until ${r.waiver.expires}` : `${r.status}, ${r.severity}`,
              findingPlace(r, l),
              r.message.replace(/\r?\n/g, ' ').replace(/[<>]/g, ch => `\\${ch}`),
            ]),
          ),
        ),
      );
      const diagnostics = ctx.inventory.diagnostics.filter(d => !ctx.isGenerated(d.tree ?? '', d.file)).sort(compareDiagnostics);
      let findingsText = 'The scorecard was not run for this guide: only what the files themselves say is listed.';
      if (ctx.options.findings !== undefined) {
        findingsText =
          findingBlocks.length > 0
            ? `${count(failing.length, 'finding')} of ${count(checks.length, 'check')}, failing or waived, when the guide was generated.\n\n${findingBlocks.join('\n\n')}`
            : 'Every check passes.';
      }
      return blocks(
        heading(2, 'Known broken and open problems', 'known-broken'),
        heading(3, 'Declared broken'),
        broken.length > 0 ? bullets(broken) : 'No unit is declared broken.',
        heading(3, 'Failing checks'),
        findingsText,
        heading(3, 'Diagnostics'),
        diagnostics.length > 0 ? bullets(diagnostics.map(d => diagnosticItem(d, l))) : 'The repositories read without a diagnostic.',
      );
    },
  };
}
