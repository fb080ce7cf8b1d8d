import type { ScorecardFinding } from '@quadlet-portal/plugin-scorecard-common';
import { type FindingFilter, searchFromFilter } from './filters';

/** The scaffolder template that bumps an image (templates/bump-image). */
export const BUMP_IMAGE_TEMPLATE_PATH = '/create/templates/default/bump-image';

/** Subjects the bump template can edit: units whose image it rewrites. */
const BUMPABLE_KINDS = new Set(['unit', 'systemd-unit']);

/**
 * The bump-image template with the box and unit filled in, for a failing finding whose check
 * the bump fixes; undefined otherwise.
 */
export function fixUrl(
  box: string,
  finding: ScorecardFinding,
  fixableByBump: boolean,
): string | undefined {
  if (!fixableByBump || finding.status !== 'fail') return undefined;
  if (!BUMPABLE_KINDS.has(finding.entityKind)) return undefined;
  const formData = JSON.stringify({ box, unit: finding.entityName });
  return `${BUMP_IMAGE_TEMPLATE_PATH}?formData=${encodeURIComponent(formData)}`;
}

/** `/scorecard/<box>?…`, the overview of a box (or of all boxes) with a filter applied. */
export function overviewUrl(
  root: string,
  box: string | undefined,
  filter?: Partial<FindingFilter>,
): string {
  const base = root.replace(/\/+$/, '');
  const path = box ? `${base}/${encodeURIComponent(box)}` : base || '/';
  const search = filter
    ? searchFromFilter({ status: 'open', ...filter }).toString()
    : '';
  return search ? `${path}?${search}` : path;
}
