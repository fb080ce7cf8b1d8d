import type { Distrobox } from '../inventory/types';
import { serviceAnchor, servicePath } from './anchors';
import type { GuideContext } from './guideContext';
import { imageLine } from './imageFacts';
import { blocks, code, heading, listText, text } from './markdown';
import { field, fields, type SectionSpec } from './section';

/** The reference entry of a distrobox container (`distrobox-assemble` manifest). */
export function distroboxEntrySection(ctx: GuideContext, box: Distrobox): SectionSpec {
  const planned = ctx.plan.distroboxes.get(box)!;
  const id = serviceAnchor(planned.name);
  return {
    id,
    kind: 'service',
    title: planned.name,
    path: servicePath(planned.name),
    parent: 'services',
    entityRefs: [planned.ref],
    unitIds: [],
    render(l) {
      const flags = [box.startNow ? '`start_now`' : undefined, box.init ? '`init`' : undefined].filter((f): f is string => f !== undefined);
      return blocks(
        heading(3, text(planned.name), id),
        `${code(box.name)} · distrobox container`,
        fields(
          field('Image', box.image ? imageLine(box.image, l) : 'none given'),
          field('Packages', box.packages.length > 0 ? listText([...box.packages].sort().map(code)) : undefined),
          field('Volumes', box.volumes.length > 0 ? box.volumes.map(code) : undefined),
          field('Flags', flags.length > 0 ? listText(flags) : undefined),
          field('Source', l.place(box.source)),
          field('Upgrade', `Edit ${l.short(box.source)}, then ${code(`distrobox assemble create --replace --file ${box.source.path.slice(box.source.path.lastIndexOf('/') + 1)} --name ${box.name}`)}.`),
        ),
      );
    },
  };
}
