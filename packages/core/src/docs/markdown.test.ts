import { code, link, paragraphs, quote, table, text } from './markdown';

describe('markdown helpers', () => {
  it('escapes what would open markup in prose from the box', () => {
    expect(text('see <script>alert(1)</script> and [x](y) *bold* `tick`')).toBe(
      'see \\<script>alert(1)\\</script> and \\[x\\](y) \\*bold\\* \\`tick\\`',
    );
    expect(text('# not a heading')).toBe('\\# not a heading');
    expect(text('1. not a list')).toBe('1\\. not a list');
    expect(text('_emph_ but HSA_OVERRIDE_GFX stays')).toBe('\\_emph\\_ but HSA_OVERRIDE_GFX stays');
    expect(text('a -> b')).toBe('a -> b');
    expect(text('> quoted')).toBe('\\> quoted');
  });

  it('makes code spans that survive backticks', () => {
    expect(code('plain')).toBe('`plain`');
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
  });

  it('encodes characters that would end a link target', () => {
    expect(link('x', 'https://h/a b(c)')).toBe('[x](https://h/a%20b%28c%29)');
    expect(link('x', undefined)).toBe('x');
  });

  it('escapes every pipe of a table cell, code spans too', () => {
    expect(table(['A', 'B'], [[code('a|b'), '']])).toBe('| A | B |\n| --- | --- |\n| `a\\|b` |   |');
  });

  it('keeps paragraphs and sets indented comment lines apart as code', () => {
    expect(paragraphs('first line\nsecond line\n\nthe set is\n  iommu=pt x=1\n(end)')).toEqual([
      'first line second line',
      'the set is',
      '`iommu=pt x=1`',
      '(end)',
    ]);
    expect(quote('a\n\nb')).toBe('> a\n>\n> b');
  });
});
