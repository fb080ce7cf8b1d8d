import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDecisionFile, recordFromPath } from './parse';

const read = (path: string) =>
  parseDecisionFile({
    path,
    content: readFileSync(join(__dirname, '__fixtures__/box', path)),
  });

describe('parseDecisionFile', () => {
  it('reads definitions from headings of a decisions log', () => {
    const doc = read('docs/decisions.md');
    expect(doc.diagnostics).toEqual([]);
    expect(
      doc.definitions.map(d => [
        d.id,
        d.key,
        d.line,
        d.title,
        d.status,
        d.date,
        d.source,
      ]),
    ).toEqual([
      [
        'D-05',
        'D-005',
        5,
        'Two repos, one split rule (2025-11-01)',
        'Superseded by D-166',
        '2025-11-01',
        'heading',
      ],
      [
        'D-097',
        'D-097',
        11,
        'Speech engines off in the chat UI',
        'Accepted',
        '2026-03-02',
        'heading',
      ],
      ['D-166', 'D-166', 26, 'Vulkan over ROCm', 'Accepted', null, 'heading'],
    ]);
    const d097 = doc.definitions[1];
    expect(d097.text.startsWith('Status: Accepted')).toBe(true);
    expect(d097.text).toContain('### Consequences');
    expect(d097.text).toContain('## D-999');
    expect(d097.text).not.toContain('Vulkan over ROCm');
  });

  it('cites what the log mentions, but not a definition in its own section', () => {
    const doc = read('docs/decisions.md');
    expect(doc.citations.map(c => [c.id, c.line])).toEqual([
      ['D-097', 3],
      ['D-166', 7],
      ['D-166', 16],
      ['D-999', 23],
      ['D-0971', 38],
    ]);
  });

  it('reads a record in a file of its own, front matter first', () => {
    const doc = read('docs/decisions/D-167-digest-pinning.md');
    expect(doc.definitions).toEqual([
      {
        id: 'D-167',
        kind: 'D',
        number: 167,
        key: 'D-167',
        title: 'Pin images by digest',
        status: 'Proposed',
        date: '2026-04-22',
        text: 'Tags move; digests do not. Builds on D-097 only in spirit.',
        file: 'docs/decisions/D-167-digest-pinning.md',
        line: 7,
        source: 'file',
      },
    ]);
    expect(doc.citations.map(c => c.id)).toEqual(['D-097']);
  });

  it('reads an adr-tools record as an ADR', () => {
    const doc = read('adr/0012-use-postgres-for-crm.md');
    expect(
      doc.definitions.map(d => [d.key, d.title, d.status, d.date, d.line]),
    ).toEqual([
      ['ADR-0012', 'Use Postgres for the CRM', 'Accepted', '2026-01-10', 1],
    ]);
    expect(doc.citations.map(c => c.key)).toEqual(['ADR-0007', 'D-166']);
  });

  it('only cites in files that are not Markdown', () => {
    const doc = read('home/dot_config/containers/systemd/llama-swap.container');
    expect(doc.definitions).toEqual([]);
    expect(doc.citations.map(c => [c.id, c.line])).toEqual([
      ['D-166', 3],
      ['D-167', 3],
      ['D-165', 7],
    ]);
  });

  it('warns about broken front matter and a heading that disagrees with the file name', () => {
    const doc = parseDecisionFile({
      path: 'docs/D-170-x.md',
      text: '---\na: [\n---\n# D-171 — Other\n',
    });
    expect(doc.diagnostics.map(d => [d.line, d.code])).toEqual([
      [1, 'decisions/front-matter'],
      [4, 'decisions/id-mismatch'],
    ]);
    expect(doc.definitions.map(d => [d.key, d.title])).toEqual([
      ['D-170', 'Other'],
    ]);
  });

  it('skips binary files and never throws on odd Markdown', () => {
    expect(
      parseDecisionFile({
        path: 'x.md',
        content: Buffer.from([0, 1, 2, 68, 45, 49]),
      }).citations,
    ).toEqual([]);
    const doc = parseDecisionFile({
      path: 'x.md',
      text: '## D-1\n## D-1\n```\n## D-2',
    });
    expect(doc.definitions.map(d => d.key)).toEqual(['D-001', 'D-001']);
  });
});

describe('recordFromPath', () => {
  it.each([
    ['docs/decisions/D-167-digest-pinning.md', 'D-167', 'Digest pinning'],
    ['D-5.md', 'D-005', null],
    [
      'doc/adr/0001-record-architecture-decisions.md',
      'ADR-0001',
      'Record architecture decisions',
    ],
    ['docs/decisions/0003-x.md', 'ADR-0003', 'X'],
  ])('%s is %s', (path, key, title) => {
    expect(recordFromPath(path)).toMatchObject({ key, slugTitle: title });
  });

  it('ignores numbered files outside decision folders', () => {
    expect(recordFromPath('notes/0001-intro.md')).toBeNull();
    expect(recordFromPath('docs/D-167.txt')).toBeNull();
  });
});
