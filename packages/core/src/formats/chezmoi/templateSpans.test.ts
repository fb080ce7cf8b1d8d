import fc from 'fast-check';
import { findTemplateSpans, templateDelimiters } from './templateSpans';

describe('findTemplateSpans', () => {
  it('finds actions with their lines, trim markers and inner text', () => {
    const { spans } = findTemplateSpans(
      'a\n{{- if .x }}\nImage=x:{{ .tag -}}\n{{ end }}',
    );
    expect(
      spans.map(s => [s.line, s.endLine, s.action, s.trimLeft, s.trimRight]),
    ).toEqual([
      [2, 2, 'if .x', true, false],
      [3, 3, '.tag', false, true],
      [4, 4, 'end', false, false],
    ]);
  });

  it('skips strings that hold the right delimiter, and reads comments', () => {
    const { spans } = findTemplateSpans(
      '{{ "}}" }} {{ `a}}b` }} {{/* c }} */}} x',
    );
    expect(spans.map(s => [s.action, s.comment])).toEqual([
      ['"}}"', false],
      ['`a}}b`', false],
      ['/* c }} */', true],
    ]);
  });

  it('follows actions across lines', () => {
    const { spans } = findTemplateSpans('x\n{{ if\n  .a }}\ny');
    expect(spans.map(s => [s.line, s.endLine])).toEqual([[2, 3]]);
  });

  it('reports an unclosed action', () => {
    const { spans } = findTemplateSpans('ok\n{{ .broken\nmore');
    expect(spans).toEqual([
      expect.objectContaining({ line: 2, closed: false }),
    ]);
  });

  it('uses the delimiters a chezmoi:template directive sets', () => {
    const text =
      '# chezmoi:template:left-delimiter="[[" right-delimiter=]]\nx={{.ID}} y=[[ .name ]]\n';
    expect(templateDelimiters(text)).toEqual({
      delimiters: { left: '[[', right: ']]' },
      directiveLines: [1],
    });
    expect(findTemplateSpans(text).spans.map(s => s.action)).toEqual(['.name']);
  });

  it('never throws and keeps spans ordered and inside the text', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '{',
            '}',
            '"',
            '`',
            '-',
            ' ',
            '\n',
            '/',
            '*',
            'a',
            "'",
          ),
        }),
        text => {
          const { spans } = findTemplateSpans(text);
          let last = 0;
          for (const s of spans) {
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.end).toBeLessThanOrEqual(text.length);
            expect(s.line).toBeLessThanOrEqual(s.endLine);
            last = s.end;
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
