import { chezmoiTemplateSpans, isChezmoiTemplatePath } from './chezmoiMarkup';

describe('chezmoi template markup', () => {
  it('tells template files by name', () => {
    expect(isChezmoiTemplatePath('home/dot_config/x.container.tmpl')).toBe(
      true,
    );
    expect(isChezmoiTemplatePath('home/encrypted_dot_x.tmpl.age')).toBe(true);
    expect(isChezmoiTemplatePath('home/dot_x.tmpl.literal')).toBe(false);
    expect(isChezmoiTemplatePath('home/.chezmoitemplates/header')).toBe(true);
    expect(isChezmoiTemplatePath('home/.chezmoiignore')).toBe(true);
    expect(isChezmoiTemplatePath('home/.chezmoidata.yaml')).toBe(false);
    expect(isChezmoiTemplatePath('home/x.container')).toBe(false);
  });

  it('never reports podman braces in a plain unit', () => {
    expect(
      chezmoiTemplateSpans('x.container', 'LogOpt=tag="{{.ImageName}}"\n'),
    ).toEqual([]);
  });

  it('reports every action of a template with its line', () => {
    const spans = chezmoiTemplateSpans(
      'x.container.tmpl',
      '[Unit]\nDescription={{ .chezmoi.hostname }}\n{{ template "x" . }}\n',
    );
    expect(spans.map(s => [s.line, s.action])).toEqual([
      [2, '.chezmoi.hostname'],
      [3, 'template "x" .'],
    ]);
  });
});
