import { citationRows, decisionFacts } from './decisionSpec';
import { fixtures } from './__testUtils__/fixtures';

describe('citationRows', () => {
  it('gives each citing entity its citation places, and places of no entity a last row', () => {
    const rows = citationRows([], decisionFacts(fixtures.d097));
    expect(
      rows.map(row => [
        row.entityRef,
        row.places.map(p =>
          'source' in p ? `${p.source.path}:${p.source.line}` : p.commit,
        ),
      ]),
    ).toEqual([
      [
        'component:sodimo/openwebui',
        [
          'home/dot_config/containers/systemd/openwebui.container:4',
          'home/dot_config/sodimo/openwebui.env.tmpl:22',
        ],
      ],
      [undefined, ['docs/decisions.md:4']],
    ]);
  });

  it('merges relation refs with spec refs case-insensitively and keeps refs without a place', () => {
    const rows = citationRows(
      ['component:sodimo/Piler', 'resource:sodimo/other'],
      decisionFacts(fixtures.d106),
    );
    expect(rows.map(row => [row.entityRef, row.places.length])).toEqual([
      ['component:sodimo/Piler', 2],
      ['resource:sodimo/other', 0],
    ]);
  });

  it('shows commit citations', () => {
    const rows = citationRows([], {
      citedBy: [],
      quadlet: {
        citations: [
          { commit: '0123456789abcdef', refs: ['component:sodimo/piler'] },
        ],
      },
    });
    expect(rows).toEqual([
      {
        entityRef: 'component:sodimo/piler',
        places: [{ commit: '0123456789abcdef' }],
      },
    ]);
  });
});
