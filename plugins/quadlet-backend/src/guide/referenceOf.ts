import type {
  GuideLocation,
  GuideSection,
  HandoffGuide,
} from '@quadlet-portal/core';

/** What the guide says about one entity: where it is documented and the section(s) that hold it. */
export interface HandoffReference {
  box: string;
  entityRef: string;
  location: GuideLocation;
  /**
   * The entity's own sections (a service's entry, a model, a hostname); for an entity that is
   * only a row of a table (a volume, a decision), the section that holds the row.
   */
  sections: GuideSection[];
}

/** Undefined when the guide does not document the entity. */
export function referenceOf(
  guide: HandoffGuide,
  entityRef: string,
): HandoffReference | undefined {
  const location = guide.locations[entityRef];
  if (!location) return undefined;
  let sections = guide.sections.filter(s => s.entityRefs.includes(entityRef));
  if (sections.length === 0)
    sections = guide.sections.filter(s => s.id === location.section);
  return { box: guide.box, entityRef, location, sections };
}
