import { frontMatter, markdownHeadings } from './markdownSections';

describe('markdownHeadings', () => {
  it('ends a section at the next heading of the same or a higher level, and skips fences', () => {
    const lines = [
      '# A',
      'x',
      '## B',
      '### C',
      'y',
      '```',
      '## not',
      '```',
      '## D',
      '# E',
      'z',
    ];
    expect(
      markdownHeadings(lines).map(h => [
        h.text,
        h.level,
        h.line,
        h.bodyStart,
        h.bodyEnd,
      ]),
    ).toEqual([
      ['A', 1, 1, 1, 9],
      ['B', 2, 3, 3, 8],
      ['C', 3, 4, 4, 8],
      ['D', 2, 9, 9, 9],
      ['E', 1, 10, 10, 11],
    ]);
  });

  it('reads closing hashes, indentation and tilde fences', () => {
    const lines = [
      '  ## Title ##',
      '~~~',
      '# no',
      '~~~',
      '#hashtag is not a heading',
      '#',
    ];
    expect(markdownHeadings(lines).map(h => h.text)).toEqual(['Title', '']);
  });
});

describe('frontMatter', () => {
  it('reads leading YAML front matter', () => {
    expect(frontMatter(['---', 'a: 1', '---', '# x'])).toEqual({
      yaml: 'a: 1',
      lineCount: 3,
    });
    expect(frontMatter(['# x', '---'])).toBeNull();
    expect(frontMatter(['---', 'never closed'])).toBeNull();
  });
});
