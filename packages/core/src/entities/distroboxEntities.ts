import type { Distrobox } from '../inventory/types';
import { compact } from './compact';
import type { EntityLike } from './entityLike';
import type { MappingContext } from './mappingContext';
import type { DistroboxQuadletSpec } from './quadletSpec';
import { imageAnnotations, imageTags, type UnitFacts } from './unitFacts';

/** A distrobox container of an assemble manifest as a Component (`distrobox`). */
export function distroboxEntity(ctx: MappingContext, facts: UnitFacts, box: Distrobox, unitIdsByName: ReadonlyMap<string, string>): EntityLike {
  const planned = ctx.plan.distroboxes.get(box)!;
  const quadlet: DistroboxQuadletSpec = compact({
    kind: 'distrobox' as const,
    name: box.name,
    image: box.image && facts.image(box.image, unitIdsByName),
    packages: [...box.packages],
    volumes: [...box.volumes],
    startNow: box.startNow,
    init: box.init,
    source: ctx.places.place(box.source),
  });
  return ctx.entity(planned, {
    description: `distrobox ${box.name}${box.image ? ` (${box.image.text})` : ''}`,
    source: box.source,
    annotations: imageAnnotations(box.image),
    tags: imageTags(box.image),
    spec: { type: 'distrobox', lifecycle: 'production', owner: ctx.owner, system: ctx.system, quadlet },
  });
}
