import { findingsToCsv, findingsToMarkdown } from './findingsExport';
import type { ScorecardFinding } from './types';

const base: ScorecardFinding = {
  checkId: 'image-floating-tag',
  status: 'fail',
  severity: 'warning',
  entity: 'unit:dotfiles:home/dot_config/containers/systemd/cockpit.container',
  entityKind: 'unit',
  entityName: 'cockpit.container',
  entityRef: 'component:sodimo/cockpit',
  tree: 'dotfiles',
  file: 'home/dot_config/containers/systemd/cockpit.container',
  line: 13,
  message: '`quay.io/cockpit/ws:latest` is on floating tag `latest`',
  fingerprint:
    'image-floating-tag|unit:dotfiles:home/dot_config/containers/systemd/cockpit.container|',
  url: 'https://github.com/sodimo/dotfiles/blob/main/home/dot_config/containers/systemd/cockpit.container#L13',
};

describe('findingsToCsv', () => {
  it('writes a header and one RFC 4180 row per finding', () => {
    const waived: ScorecardFinding = {
      ...base,
      status: 'waived',
      message: 'a "quoted", two-line\nmessage',
      waiver: {
        reason: 'slow upstream',
        decision: 'D-167',
        expires: '2026-09-30',
        expired: false,
      },
      url: undefined,
    };
    expect(findingsToCsv([base, waived]).split('\r\n')).toEqual([
      'status,severity,check,subject,entity_ref,detail,tree,file,line,message,waiver_decision,waiver_expires,waiver_expired,url,fingerprint',
      `fail,warning,image-floating-tag,cockpit.container,component:sodimo/cockpit,,dotfiles,home/dot_config/containers/systemd/cockpit.container,13,` +
        `\`quay.io/cockpit/ws:latest\` is on floating tag \`latest\`,,,,${base.url},${base.fingerprint}`,
      `waived,warning,image-floating-tag,cockpit.container,component:sodimo/cockpit,,dotfiles,home/dot_config/containers/systemd/cockpit.container,13,` +
        `"a ""quoted"", two-line\nmessage",D-167,2026-09-30,false,,${base.fingerprint}`,
      '',
    ]);
  });

  it('keeps spreadsheet formulas from running', () => {
    const row = findingsToCsv([
      { ...base, entityName: '=HYPERLINK("x")', detail: '-fa' },
    ]).split('\r\n')[1];
    expect(row).toContain(`,"'=HYPERLINK(""x"")",`);
    expect(row).toContain(`,'-fa,`);
  });
});

describe('findingsToMarkdown', () => {
  it('writes a table with links to the lines, pipes escaped', () => {
    expect(
      findingsToMarkdown(
        [
          base,
          { ...base, url: undefined, message: 'a | b', status: 'unknown' },
        ],
        {
          box: 'sodimo',
          id: 7,
          startedAt: '2026-05-04T06:00:00.000Z',
          score: {
            score: 0.69,
            passing: 52,
            failing: 23,
            unknown: 0,
            waived: 0,
          },
        },
      ),
    ).toBe(
      [
        '### Scorecard sodimo, run 7 (2026-05-04): 69%',
        '',
        '| Status | Severity | Check | Subject | Where | Finding |',
        '| --- | --- | --- | --- | --- | --- |',
        `| fail | warning | \`image-floating-tag\` | cockpit.container | [dotfiles:home/dot_config/containers/systemd/cockpit.container:13](${base.url}) | \`quay.io/cockpit/ws:latest\` is on floating tag \`latest\` |`,
        '| unknown | warning | `image-floating-tag` | cockpit.container | `dotfiles:home/dot_config/containers/systemd/cockpit.container:13` | a \\| b |',
        '',
      ].join('\n'),
    );
  });

  it('says when there is nothing', () => {
    expect(findingsToMarkdown([])).toBe('No findings.\n');
  });
});
