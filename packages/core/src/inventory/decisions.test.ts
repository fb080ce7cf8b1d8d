import { readBox } from './readBox';

const file = (path: string, text: string) => ({
  path,
  content: Buffer.from(text),
});

describe('decisions across trees', () => {
  const inventory = readBox([
    {
      name: 'os',
      role: 'os',
      files: [
        file(
          'docs/decisions.md',
          '# Decisions\n\n## D-001 — First\n\nStatus: Accepted\n\nText.\n',
        ),
      ],
      commits: [{ sha: 'abc123', subject: 'Pin images (D-002)', body: '' }],
    },
    {
      name: 'apps',
      files: [
        file('docs/adr.md', '## D-001 — Again\n\nStatus: Draft\n'),
        file(
          'quadlets/web.container',
          '# Follows D-001.\n[Container]\nImage=ghcr.io/x/web:1\n',
        ),
      ],
    },
  ]);

  it('keeps the first definition, cites commits by sha, ties citations to units', () => {
    const d1 = inventory.decisions.find(d => d.id === 'D-001');
    expect(d1).toMatchObject({
      status: 'defined',
      title: 'First',
      state: 'Accepted',
      definition: { tree: 'os', path: 'docs/decisions.md', line: 3 },
    });
    expect(d1?.citations).toEqual([
      {
        source: { tree: 'apps', path: 'quadlets/web.container', line: 1 },
        subjects: [{ kind: 'unit', id: 'apps:quadlets/web.container' }],
      },
    ]);
    expect(inventory.decisions.find(d => d.id === 'D-002')).toEqual({
      id: 'D-002',
      status: 'cited',
      citations: [{ commit: 'abc123', subjects: [] }],
    });
    expect(inventory.units[0].decisions).toEqual(['D-001']);
  });

  it('names the other definition by tree and path in the duplicate warning', () => {
    expect(inventory.diagnostics).toContainEqual(
      expect.objectContaining({
        tree: 'apps',
        file: 'docs/adr.md',
        line: 1,
        code: 'decisions/duplicate-definition',
        message: 'D-001 is already defined at os/docs/decisions.md:3',
      }),
    );
  });
});
