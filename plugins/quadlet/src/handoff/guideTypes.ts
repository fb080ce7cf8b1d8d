/**
 * The handoff guide as the quadlet backend serves it (plugins/quadlet-backend, docs/handoff.md):
 * the core's section and location types, and the shapes of the routes' answers. Types only.
 */
// A type-only import from the node-library: erased at build time, so no Node code reaches the
// bundle; the rule cannot tell type imports from value imports.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
export type {
  GuideLocation,
  GuideSection,
  GuideSectionKind,
} from '@quadlet-portal/core';
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import type { GuideLocation, GuideSection } from '@quadlet-portal/core';

/** `GET /boxes`: one configured box. */
export interface HandoffBox {
  name: string;
  title?: string;
  description?: string;
}

/** `GET /boxes/:box/handoff`: the whole guide, sections in reading order. */
export interface HandoffGuideResponse {
  box: string;
  sections: GuideSection[];
  /** Entity ref or unit id → where the guide documents it. */
  locations: Record<string, GuideLocation>;
}

/** `GET /boxes/:box/reference?entityRef=…`: one entity's entry. */
export interface HandoffReferenceResponse {
  box: string;
  entityRef: string;
  location: GuideLocation;
  sections: GuideSection[];
}
