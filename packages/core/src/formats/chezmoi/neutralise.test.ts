import { neutraliseTemplate } from './neutralise';

describe('neutraliseTemplate', () => {
  it('blanks actions and keeps every line where it was', () => {
    const text =
      '[Container]\n{{ if .x }}\nImage=a:{{ .tag }}\n{{ end }}\nExec=run\n';
    const out = neutraliseTemplate(text);
    expect(out.text).toBe('[Container]\n\nImage=a:\n\nExec=run\n');
    expect(out.text.split('\n')).toHaveLength(text.split('\n').length);
    expect(out.spans).toHaveLength(3);
  });

  it('puts a replacement where an action shares its line, and keeps multi-line actions line-true', () => {
    const text = 'a={{ .x }}\n{{ if\n .y }}\nb=1\r\n';
    expect(neutraliseTemplate(text, { replacement: '*' }).text).toBe(
      'a=*\n\n\nb=1\r\n',
    );
  });

  it('blanks the directive line that changes delimiters', () => {
    const text =
      '# chezmoi:template:left-delimiter=[[ right-delimiter=]]\nLogOpt=tag={{.Name}}\nImage=x:[[ .tag ]]\n';
    expect(neutraliseTemplate(text).text).toBe(
      '\nLogOpt=tag={{.Name}}\nImage=x:\n',
    );
  });
});
