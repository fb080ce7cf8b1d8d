import { join } from 'node:path';
import { citationsFromCommits } from './commits';
import { fixtureTree } from '../../testing/fixtureTree';
import { modelDecisions } from './model';
import { parseDecisionFile } from './parse';

describe('modelDecisions', () => {
  const documents = fixtureTree(join(__dirname, '__fixtures__/box')).map(
    parseDecisionFile,
  );
  const commits = citationsFromCommits([
    { sha: 'c'.repeat(40), subject: 'openwebui: drop audio (D-97)', body: '' },
  ]);
  const model = modelDecisions(documents, commits);

  it('joins definitions and citations by number, citations in the order of the files given', () => {
    expect(model.diagnostics).toEqual([]);
    expect(
      model.decisions.map(d => [d.key, d.status, d.citations.length]),
    ).toEqual([
      ['D-005', 'defined', 0],
      ['D-097', 'defined', 4],
      ['D-165', 'cited-only', 1],
      ['D-166', 'defined', 4],
      ['D-167', 'defined', 1],
      ['D-971', 'cited-only', 1],
      ['D-999', 'cited-only', 1],
      ['ADR-0007', 'cited-only', 1],
      ['ADR-0012', 'defined', 0],
    ]);
    const d097 = model.decisions[1];
    expect(d097.definition).toMatchObject({
      file: 'docs/decisions.md',
      line: 11,
      title: 'Speech engines off in the chat UI',
    });
    expect(d097.citations.map(c => [c.id, c.file, c.line])).toEqual([
      ['D-097', 'docs/decisions/D-167-digest-pinning.md', 9],
      ['D-097', 'docs/decisions.md', 3],
      ['D-97', 'home/dot_config/llama-swap/config.yaml', 1],
      ['D-97', `commit:${'c'.repeat(40)}`, 1],
    ]);
  });

  it('keeps citations in YAML comments as written, compared by number', () => {
    const model2 = modelDecisions([
      parseDecisionFile({ path: 'config.yaml', text: '# see D-97\n' }),
    ]);
    expect(model2.decisions).toEqual([
      expect.objectContaining({
        key: 'D-097',
        status: 'cited-only',
        citations: [expect.objectContaining({ id: 'D-97' })],
      }),
    ]);
  });

  it('reports a second definition of the same decision', () => {
    const twice = modelDecisions([
      parseDecisionFile({ path: 'a.md', text: '## D-97 — first\n' }),
      parseDecisionFile({
        path: 'docs/decisions/D-097-second.md',
        text: '# Second\n',
      }),
    ]);
    expect(twice.diagnostics.map(d => [d.file, d.line, d.code])).toEqual([
      ['docs/decisions/D-097-second.md', 1, 'decisions/duplicate-definition'],
    ]);
    expect(twice.decisions[0].otherDefinitions).toHaveLength(1);
  });
});
