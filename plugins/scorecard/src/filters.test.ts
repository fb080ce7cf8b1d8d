import { checks, mayRun } from './__testUtils__/fixtures';
import {
  applyFilter,
  DEFAULT_FILTER,
  filterFromSearch,
  searchFromFilter,
} from './filters';
import { rowsOfRun } from './findingRows';

const rows = rowsOfRun(mayRun, checks);
const names = (filtered: typeof rows) =>
  filtered.map(r => `${r.finding.checkId} ${r.finding.entityName}`);

describe('filter in the query string', () => {
  it('reads every field and writes them back', () => {
    const search = new URLSearchParams(
      'box=sodimo&check=image-floating-tag&severity=warning&status=fail&entity=component%3Asodimo%2Fcockpit&q=latest&new=1',
    );
    const filter = filterFromSearch(search);
    expect(filter).toEqual({
      box: 'sodimo',
      check: 'image-floating-tag',
      severity: 'warning',
      status: 'fail',
      entity: 'component:sodimo/cockpit',
      text: 'latest',
      onlyNew: true,
    });
    expect(searchFromFilter(filter).toString()).toBe(search.toString());
  });

  it('falls back to the default for unknown values and leaves defaults out', () => {
    const filter = filterFromSearch(
      new URLSearchParams('status=broken&severity=fatal&q=%20'),
    );
    expect(filter.status).toBe('open');
    expect(filter.severity).toBeUndefined();
    expect(filter.text).toBeUndefined();
    expect(searchFromFilter(DEFAULT_FILTER).toString()).toBe('');
  });
});

describe('applyFilter', () => {
  it('shows what is not passing by default, and everything with status all', () => {
    const open = applyFilter(rows, DEFAULT_FILTER);
    expect(open.length).toBe(
      mayRun.results.filter(r => r.status !== 'pass').length,
    );
    expect(open.every(r => r.finding.status !== 'pass')).toBe(true);
    expect(applyFilter(rows, { status: 'all' })).toHaveLength(rows.length);
  });

  it('narrows by check, severity and status together', () => {
    expect(
      names(
        applyFilter(rows, {
          status: 'fail',
          check: 'unit-known-broken',
          severity: 'error',
        }),
      ),
    ).toEqual([
      'unit-known-broken paperclip.container',
      'unit-known-broken piler.container',
    ]);
    expect(
      applyFilter(rows, {
        status: 'fail',
        check: 'unit-known-broken',
        severity: 'warning',
      }),
    ).toEqual([]);
  });

  it('matches the entity by full ref or namespace/name, case-insensitively', () => {
    const full = applyFilter(rows, {
      status: 'fail',
      entity: 'component:sodimo/piler',
    });
    expect(names(full)).toEqual([
      'unit-known-broken piler.container',
      'image-not-digest-pinned piler.container',
    ]);
    expect(
      applyFilter(rows, { status: 'fail', entity: 'Sodimo/Piler' }),
    ).toEqual(full);
    expect(applyFilter(rows, { status: 'fail', entity: 'sodimo/pil' })).toEqual(
      [],
    );
  });

  it('searches message, subject, file and waiver decision, every word', () => {
    expect(names(applyFilter(rows, { status: 'open', text: 'D-167' }))).toEqual(
      ['image-floating-tag cockpit.container'],
    );
    expect(
      names(applyFilter(rows, { status: 'fail', text: 'mysql piler' })),
    ).toEqual(['unit-known-broken piler.container']);
    expect(
      names(applyFilter(rows, { status: 'fail', text: 'kargs.d' })).every(n =>
        n.startsWith('kernel-arg'),
      ),
    ).toBe(true);
  });

  it('keeps only new failures with onlyNew', () => {
    expect(names(applyFilter(rows, { status: 'open', onlyNew: true }))).toEqual(
      ['image-floating-tag cockpit.container'],
    );
  });

  it('filters on the box', () => {
    expect(applyFilter(rows, { status: 'all', box: 'bazzite' })).toEqual([]);
    expect(applyFilter(rows, { status: 'all', box: 'sodimo' })).toHaveLength(
      rows.length,
    );
  });
});
