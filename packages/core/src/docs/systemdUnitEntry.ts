import type { InventorySystemdUnit } from '../inventory/types';
import { hostnameRef } from './routing';
import { serviceAnchor, servicePath } from './anchors';
import { dependsOnText, installText, neededByText, unitRefText } from './dependencies';
import { decisionsText } from './decisionRefs';
import { documentationItems } from './documentationLinks';
import { envItems } from './envFacts';
import type { GuideContext } from './guideContext';
import { imageLine } from './imageFacts';
import type { Linker } from './links';
import { blocks, code, heading, listText, quote, text } from './markdown';
import { problemItems } from './problems';
import { secretsLine } from './secretNames';
import { field, fields, type SectionSpec } from './section';
import { sourceItems } from './unitEntry';
import { upgradeText } from './upgradeSteps';

/** A tunnel unit (`cloudflared.service`): its ingress hostnames are its routing. */
const TUNNEL = /^cloudflared(@[^.]*)?\.service$/;

function tunnelItems(ctx: GuideContext, l: Linker, unit: InventorySystemdUnit): string[] {
  if (!TUNNEL.test(unit.name)) return [];
  return ctx.inventory.cloudflared.flatMap(config =>
    config.ingress.map(rule => {
      const host = rule.hostname ? hostnameRef(ctx, l, rule.hostname, rule.path) : 'everything else';
      return `${host} → ${code(rule.service)} (${l.short(rule.source)})`;
    }),
  );
}

/** The reference entry of a plain systemd service or timer the box defines. */
export function systemdUnitEntrySection(ctx: GuideContext, unit: InventorySystemdUnit): SectionSpec {
  const planned = ctx.plan.systemdUnits.get(unit.id)!;
  const id = serviceAnchor(planned.name);
  const scope = unit.scope === 'unknown' ? '' : unit.scope;
  return {
    id,
    kind: 'service',
    title: planned.name,
    path: servicePath(planned.name),
    parent: 'services',
    entityRefs: [planned.ref],
    unitIds: [unit.id],
    render(l) {
      const files = [
        { tree: unit.source.tree, path: unit.source.path },
        ...unit.dropIns.map(d => ({ tree: d.tree, path: d.path })),
        ...unit.envFiles.flatMap(r => {
          const file = ctx.envFiles.get(r.envFile)?.file;
          return file ? [file] : [];
        }),
      ];
      const problems = problemItems(ctx, l, { key: `systemd-unit:${unit.id}`, files, comment: unit.leadingComment });
      const activated = unit.activates ? ctx.systemdByName.get(unit.activates) : undefined;
      // Only the program: the arguments of ExecStart= can carry credentials.
      const program = unit.execStart[0]?.trim().split(/\s+/)[0];
      const env = envItems(unit.envFiles, unit.environment, ctx.envFiles, l);
      const timers = ctx.dependents(unit.id).filter(d => d.kind === 'timer').map(d => unitRefText(ctx, l, d.id));
      const startedBy = installText(unit.wantedBy) ?? (timers.length > 0 ? `its timer ${listText(timers)}` : 'nothing (`[Install]` names no target)');
      return blocks(
        heading(3, text(planned.name), id),
        `${code(unit.name)} · plain systemd ${unit.type}${scope ? ` · ${scope} unit` : ''}`,
        unit.leadingComment.trim() !== '' && quote(unit.leadingComment),
        fields(
          ...documentationItems(unit.documentation).map(d => field(d.label, d.value)),
          field('Role', unit.description ? text(unit.description) : 'no `Description=`'),
          field('Runs', program ? code(program) : undefined),
          field('Schedule', unit.onCalendar.length > 0 ? listText(unit.onCalendar.map(code)) : undefined),
          field('Starts', activated ? unitRefText(ctx, l, activated.id) : unit.activates && code(unit.activates)),
          field('Images', unit.images.length > 0 ? unit.images.map(i => `${imageLine(i, l)}${i.via === 'script' ? ', pulled by a script' : ''}`) : undefined),
          field('Routing', tunnelItems(ctx, l, unit)),
          field('Env', env.length > 0 ? env : 'none'),
          field('Secrets', secretsLine([], unit.environment, unit.envFiles, ctx.envFiles)),
          field('Depends on', dependsOnText(ctx, l, unit.dependencies) ?? 'nothing declared'),
          field('Needed by', neededByText(ctx, l, unit.id)),
          field('Started by', startedBy),
          field('Decisions', decisionsText(ctx, l, unit.decisions)),
          field('Source', sourceItems(l, unit)),
          field('Known problems', problems.length > 0 ? problems : 'none known'),
          field('Upgrade', upgradeText(ctx, l, { source: unit.source, scope: unit.scope, serviceName: unit.name }, unit.source, 'Edit')),
        ),
      );
    },
  };
}
