import { GUIDE_FILES, resourceAnchor } from './anchors';
import { resourceUnits } from './components';
import { neededByText } from './dependencies';
import type { GuideContext } from './guideContext';
import { anchor, blocks, code, count, heading, table, text } from './markdown';
import { problemItems } from './problems';
import type { SectionSpec } from './section';

/** First paragraph of a comment, on one line: the short "what is in it" of a volume. */
function firstParagraph(comment: string): string {
  const lines: string[] = [];
  for (const line of comment.split(/\r?\n/)) {
    if (line.trim() === '') {
      if (lines.length > 0) break;
      continue;
    }
    lines.push(line.trim());
  }
  return lines.join(' ');
}

function podmanName(name: string | undefined): string {
  return name === undefined ? '' : code(name);
}

/** Volumes, networks, images and builds: one row each, with the units that use them. */
export function resourcesSection(ctx: GuideContext): SectionSpec {
  const resources = resourceUnits(ctx);
  return {
    id: 'resources',
    kind: 'resources',
    title: 'Resources',
    path: GUIDE_FILES.resources,
    entityRefs: [],
    unitIds: [],
    rows: resources.map(r => ({ anchor: resourceAnchor(r.name), keys: [r.ref, r.unit.id] })),
    render(l) {
      const rows = resources.map(({ name, unit }) => {
        const about = [unit.description, firstParagraph(unit.leadingComment)].filter(s => s && s.trim() !== '').map(s => text(s!));
        const problems = problemItems(ctx, l, { key: `unit:${unit.id}`, files: [{ tree: unit.source.tree, path: unit.source.path }] });
        return [
          `${anchor(resourceAnchor(name))}${code(name)}`,
          unit.type,
          podmanName(unit.resourceName ?? unit.resourceNamePattern),
          about.join(' — '),
          neededByText(ctx, l, unit.id) ?? '**unused**',
          l.short(unit.source),
          problems.join('; '),
        ];
      });
      return blocks(
        heading(2, 'Resources', 'resources'),
        rows.length > 0
          ? `${count(rows.length, 'quadlet resource')}: what podman creates for the services, who uses each, and where it is defined. Volumes hold the data to back up.`
          : 'The box defines no volume, network or image unit.',
        rows.length > 0 && table(['Resource', 'Type', 'Podman name', 'What it is', 'Used by', 'Source', 'Problems'], rows),
      );
    },
  };
}
