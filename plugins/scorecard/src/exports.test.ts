import { checks, findingOf, mayRun, PILER_URL } from './__testUtils__/fixtures';
import { findingsCsv, findingsMarkdown } from './exports';
import { type FindingRow, rowsOfRun } from './findingRows';

const rows = rowsOfRun(mayRun, checks);
const row = (checkId: string, entityName: string): FindingRow =>
  rows.find(r => r.finding === findingOf(mayRun, checkId, entityName))!;

describe('findingsCsv', () => {
  it('writes a header and one quoted line per finding', () => {
    const csv = findingsCsv([row('image-floating-tag', 'cockpit.container')]);
    const [header, line, end] = csv.split('\r\n');
    expect(header).toBe(
      'box,status,new,severity,check,subject,entity,tree,file,line,message,waiver decision,waiver expires,waiver expired,url',
    );
    expect(line).toBe(
      'sodimo,fail,yes,warning,image-floating-tag,cockpit.container,component:sodimo/cockpit,dotfiles,home/dot_config/containers/systemd/cockpit.container,13,' +
        '"`quay.io/cockpit/ws:latest` is on floating tag `latest` (waiver expired on 2026-03-31: slow upstream cadence, strong compatibility; pin at the end of the roll-out, D-167)",' +
        'D-167,2026-03-31,yes,',
    );
    expect(end).toBe('');
  });

  it('doubles quotes, and defuses cells a spreadsheet would run as formulas', () => {
    const piler = row('unit-known-broken', 'piler.container');
    const csv = findingsCsv([
      piler,
      { ...piler, finding: { ...piler.finding, message: '=HYPERLINK("x")' } },
    ]);
    const lines = csv.split('\r\n');
    expect(lines[1]).toContain('"MYSQL localhost"'.replace(/"/g, '""'));
    expect(lines[1].endsWith(PILER_URL)).toBe(true);
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});

describe('findingsMarkdown', () => {
  it('writes a titled table with counts, links and waivers, escaping pipes', () => {
    const piler = row('unit-known-broken', 'piler.container');
    const md = findingsMarkdown(
      [
        row('image-floating-tag', 'cockpit.container'),
        { ...piler, finding: { ...piler.finding, message: 'a | b' } },
      ],
      'Scorecard findings: sodimo',
    );
    const lines = md.trimEnd().split('\n');
    expect(lines[0]).toBe('# Scorecard findings: sodimo');
    expect(lines[2]).toBe('2 fail');
    expect(lines[4]).toBe(
      '| Box | Status | Severity | Check | Subject | Where | Message | Waiver |',
    );
    expect(lines[6]).toContain(
      '| sodimo | fail (new) | warning | `image-floating-tag` | cockpit.container | `dotfiles:home/dot_config/containers/systemd/cockpit.container:13` |',
    );
    expect(lines[6].endsWith('| D-167, expired 2026-03-31 |')).toBe(true);
    expect(lines[7]).toBe(
      `| sodimo | fail | error | \`unit-known-broken\` | piler.container | [dotfiles:home/dot_config/containers/systemd/piler.container:1](${PILER_URL}) | a \\| b |  |`,
    );
  });

  it('says so when there is nothing to export', () => {
    expect(findingsMarkdown([], 'Scorecard findings: sodimo')).toBe(
      '# Scorecard findings: sodimo\n\nNo findings.\n',
    );
  });
});
