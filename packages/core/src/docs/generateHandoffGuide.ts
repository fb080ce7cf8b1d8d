import { compareText } from '../entities/compareText';
import type { Inventory } from '../inventory/types';
import { GUIDE_FILES, location } from './anchors';
import { serviceComponents, type ServiceComponent } from './components';
import { decisionsSection } from './decisions';
import { distroboxEntrySection } from './distroboxEntry';
import { GuideContext } from './guideContext';
import { hostnameSections } from './hostnames';
import { kernelArgsSection } from './kernelArgs';
import { knownBrokenSection } from './knownBroken';
import { Linker } from './links';
import { code, link, text } from './markdown';
import { modelSections } from './models';
import { overviewSection } from './overview';
import { resourcesSection } from './resources';
import type { SectionSpec } from './section';
import { serviceTableSection } from './serviceTable';
import { systemdUnitEntrySection } from './systemdUnitEntry';
import type { GuideFile, GuideLocation, GuideSection, HandoffGuide, HandoffGuideOptions } from './types';
import { unitEntrySection } from './unitEntry';
import { upgradeSection } from './upgradeLoop';

function entrySection(ctx: GuideContext, c: ServiceComponent): SectionSpec {
  if (c.kind === 'quadlet') return unitEntrySection(ctx, c.unit);
  if (c.kind === 'systemd') return systemdUnitEntrySection(ctx, c.unit);
  return distroboxEntrySection(ctx, c.box);
}

/** Ends a file with exactly one newline and no trailing blanks on any line. */
function tidy(markdown: string): string {
  return `${markdown.replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/**
 * The onboarding guide of a box, generated from its Inventory (and, when given, the current
 * scorecard findings): a README with the overview and the service inventory, one reference
 * entry per service under `services/`, and one file per topic (resources, models, hostnames,
 * kernel arguments, decisions, known-broken, upgrade loop).
 *
 * Pure and deterministic: the same input gives the same bytes (no dates, everything sorted,
 * commit messages ignored). Secret values cannot appear: the Inventory holds names only.
 */
export function generateHandoffGuide(inventory: Inventory, options: HandoffGuideOptions): HandoffGuide {
  const ctx = new GuideContext(inventory, options);
  const specs: SectionSpec[] = [
    overviewSection(ctx),
    serviceTableSection(ctx),
    ...serviceComponents(ctx).map(c => entrySection(ctx, c)),
    resourcesSection(ctx),
    ...modelSections(ctx),
    ...hostnameSections(ctx),
    kernelArgsSection(ctx),
    decisionsSection(ctx),
    knownBrokenSection(ctx),
    upgradeSection(ctx),
  ];

  const anchors = new Map<string, string>();
  for (const spec of specs) {
    anchors.set(spec.id, spec.path);
    for (const row of spec.rows ?? []) anchors.set(row.anchor, spec.path);
  }
  const trees = options.trees ?? [];
  // A section shown alone has no folder to be relative to: only web links survive.
  const pageTrees = trees.map(t => ({ name: t.name, webBase: t.webBase }));

  const byPath = new Map<string, SectionSpec[]>();
  for (const spec of specs) byPath.set(spec.path, [...(byPath.get(spec.path) ?? []), spec]);
  const files: GuideFile[] = [...byPath.entries()]
    .map(([path, list]) => {
      const l = new Linker(trees, 'file', path, anchors);
      const back = path === GUIDE_FILES.readme ? [] : [`${link(`${text(options.box)} handoff guide`, l.file(GUIDE_FILES.readme))} › ${code(path)}`];
      return { path, content: tidy([...back, ...list.map(s => s.render(l))].join('\n\n')) };
    })
    .sort((a, b) => compareText(a.path, b.path));

  const page = new Linker(pageTrees, 'page', '', anchors);
  const sections: GuideSection[] = specs.map(spec => {
    const section: GuideSection = {
      id: spec.id,
      kind: spec.kind,
      title: spec.title,
      path: spec.path,
      href: `${spec.path}#${spec.id}`,
      entityRefs: [...spec.entityRefs],
      unitIds: [...spec.unitIds],
      markdown: tidy(spec.render(page)),
    };
    if (spec.parent !== undefined) section.parent = spec.parent;
    return section;
  });

  const locations: Record<string, GuideLocation> = {};
  const locate = (key: string, where: GuideLocation) => {
    if (!(key in locations)) locations[key] = where;
  };
  for (const spec of specs) {
    for (const key of [...spec.entityRefs, ...spec.unitIds]) locate(key, location(spec.id, spec.path));
    for (const row of spec.rows ?? []) for (const key of row.keys) locate(key, location(spec.id, spec.path, row.anchor));
  }
  const sortedLocations: Record<string, GuideLocation> = {};
  for (const key of Object.keys(locations).sort(compareText)) sortedLocations[key] = locations[key];

  return { box: options.box, files, sections, locations: sortedLocations };
}

/** The whole guide as one Markdown page (sections in reading order, links as `#anchor`). */
export function handoffGuidePage(guide: HandoffGuide): string {
  return guide.sections.map(s => s.markdown).join('\n');
}
