import { citationsFromCommits } from './commits';

describe('citationsFromCommits', () => {
  it('reads subjects and bodies, with git show line numbers', () => {
    const found = citationsFromCommits([
      {
        sha: 'a'.repeat(40),
        subject: 'llama-swap: switch to Vulkan (D-166)',
        body: 'Why:\nsee D-97 and ID-0971.',
      },
      { sha: 'b'.repeat(40), subject: 'chore: bump', body: '' },
    ]);
    expect(found.map(c => [c.id, c.key, c.file, c.line, c.commit])).toEqual([
      ['D-166', 'D-166', `commit:${'a'.repeat(40)}`, 1, 'a'.repeat(40)],
      ['D-97', 'D-097', `commit:${'a'.repeat(40)}`, 4, 'a'.repeat(40)],
    ]);
  });
});
