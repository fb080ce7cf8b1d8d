import type { FindingRow } from './findingRows';
import { placeText } from './findingRows';

/** `open`: everything that needs a look (fail, unknown, waived), the default. */
export type StatusFilter =
  | 'open'
  | 'fail'
  | 'unknown'
  | 'waived'
  | 'pass'
  | 'all';
export type SeverityFilter = 'error' | 'warning' | 'info';

/** What the findings table shows; kept in the page's query string so a view can be linked. */
export interface FindingFilter {
  box?: string;
  check?: string;
  severity?: SeverityFilter;
  status: StatusFilter;
  /** A catalog entity ref (`component:sodimo/piler`): the entity card links here with it. */
  entity?: string;
  /** Free text, matched case-insensitively against message, subject, check, file and waiver. */
  text?: string;
  /** Only failures that are new since the previous run. */
  onlyNew?: boolean;
}

export const STATUS_FILTERS: readonly StatusFilter[] = [
  'open',
  'fail',
  'unknown',
  'waived',
  'pass',
  'all',
];
export const SEVERITY_FILTERS: readonly SeverityFilter[] = [
  'error',
  'warning',
  'info',
];

export const DEFAULT_FILTER: FindingFilter = { status: 'open' };

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined {
  return allowed.find(a => a === value);
}

function text(value: string | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Reads the filter from `?box=&check=&severity=&status=&entity=&q=&new=1`; unknown values fall back to the default. */
export function filterFromSearch(search: URLSearchParams): FindingFilter {
  return {
    box: text(search.get('box')),
    check: text(search.get('check')),
    severity: oneOf(search.get('severity'), SEVERITY_FILTERS),
    status: oneOf(search.get('status'), STATUS_FILTERS) ?? 'open',
    entity: text(search.get('entity')),
    text: text(search.get('q')),
    onlyNew: search.get('new') === '1' ? true : undefined,
  };
}

/** The query string of a filter, leaving defaults out so plain links stay plain. */
export function searchFromFilter(filter: FindingFilter): URLSearchParams {
  const search = new URLSearchParams();
  if (filter.box) search.set('box', filter.box);
  if (filter.check) search.set('check', filter.check);
  if (filter.severity) search.set('severity', filter.severity);
  if (filter.status !== 'open') search.set('status', filter.status);
  if (filter.entity) search.set('entity', filter.entity);
  if (filter.text) search.set('q', filter.text);
  if (filter.onlyNew) search.set('new', '1');
  return search;
}

function statusMatches(status: string, filter: StatusFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'open') return status !== 'pass';
  return status === filter;
}

function haystack(row: FindingRow): string {
  const f = row.finding;
  return [
    f.message,
    f.entityName,
    f.entity,
    f.entityRef,
    f.checkId,
    row.check?.title,
    f.detail,
    placeText(f),
    f.waiver?.decision,
    f.waiver?.reason,
    row.box,
  ]
    .filter(Boolean)
    .join('\n')
    .toLocaleLowerCase('en-US');
}

/** Entity refs compare case-insensitively, and `component:sodimo/piler` also matches `sodimo/piler`. */
function entityMatches(row: FindingRow, entity: string): boolean {
  const ref = row.finding.entityRef?.toLocaleLowerCase('en-US');
  if (!ref) return false;
  const wanted = entity.toLocaleLowerCase('en-US');
  return ref === wanted || ref.endsWith(`:${wanted}`);
}

export function matchesFilter(row: FindingRow, filter: FindingFilter): boolean {
  const f = row.finding;
  if (filter.box && row.box !== filter.box) return false;
  if (filter.check && f.checkId !== filter.check) return false;
  if (filter.severity && f.severity !== filter.severity) return false;
  if (!statusMatches(f.status, filter.status)) return false;
  if (filter.onlyNew && !row.isNew) return false;
  if (filter.entity && !entityMatches(row, filter.entity)) return false;
  if (filter.text) {
    const words = filter.text.toLocaleLowerCase('en-US').split(/\s+/);
    const hay = haystack(row);
    if (!words.every(word => hay.includes(word))) return false;
  }
  return true;
}

export function applyFilter(
  rows: readonly FindingRow[],
  filter: FindingFilter,
): FindingRow[] {
  return rows.filter(row => matchesFilter(row, filter));
}
