import { checks, marchRun, mayRun } from './__testUtils__/fixtures';
import { placeText, rowsOfRun } from './findingRows';

describe('rowsOfRun', () => {
  it('marks as new only the failure that did not fail in the previous run', () => {
    const rows = rowsOfRun(mayRun, checks);
    const fresh = rows.filter(r => r.isNew).map(r => r.finding.fingerprint);
    // In March the cockpit floating tag was waived; in May the waiver has expired.
    expect(fresh).toEqual([
      'image-floating-tag|unit:dotfiles:home/dot_config/containers/systemd/cockpit.container|',
    ]);
  });

  it('marks nothing as new in a first run: there is no last run to compare with', () => {
    // The backend lists every failure of a first run as new.
    expect(marchRun.newFingerprints.length).toBeGreaterThan(0);
    expect(marchRun.previousRunId).toBeUndefined();
    expect(rowsOfRun(marchRun, checks).filter(r => r.isNew)).toEqual([]);
  });

  it('never marks a result that does not fail as new', () => {
    const rows = rowsOfRun(
      { ...mayRun, newFingerprints: mayRun.results.map(r => r.fingerprint) },
      checks,
    );
    expect(
      rows.filter(r => r.isNew).every(r => r.finding.status === 'fail'),
    ).toBe(true);
    expect(rows.some(r => r.finding.status !== 'fail')).toBe(true);
  });

  it('attaches the check and a key unique over the run', () => {
    const rows = rowsOfRun(mayRun, checks);
    expect(new Set(rows.map(r => r.id)).size).toBe(rows.length);
    const piler = rows.find(
      r =>
        r.finding.checkId === 'unit-known-broken' &&
        r.finding.entityName === 'piler.container',
    );
    expect(piler?.check?.title).toBe('Unit known to be broken');
  });
});

describe('placeText', () => {
  it('writes tree:path:line, leaving out what is unknown', () => {
    const base = mayRun.results[0];
    expect(
      placeText({ ...base, tree: 'dotfiles', file: 'a/b.container', line: 13 }),
    ).toBe('dotfiles:a/b.container:13');
    expect(
      placeText({ ...base, tree: undefined, file: 'x.yaml', line: undefined }),
    ).toBe('x.yaml');
    expect(placeText({ ...base, file: undefined })).toBeUndefined();
  });
});
