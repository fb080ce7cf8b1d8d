import { ChezmoiIgnoreRules, parseChezmoiIgnore } from './ignoreFile';

describe('parseChezmoiIgnore', () => {
  it('reads patterns, comments, exclusions and the folder of the ignore file', () => {
    const patterns = parseChezmoiIgnore(
      'home/dot_config/.chezmoiignore',
      '# top\nfoo # why\n!keep\n\nbar#baz\n',
      '.config',
    );
    expect(patterns).toEqual([
      {
        file: 'home/dot_config/.chezmoiignore',
        line: 2,
        pattern: '.config/foo',
        negated: false,
        conditional: false,
      },
      {
        file: 'home/dot_config/.chezmoiignore',
        line: 3,
        pattern: '.config/keep',
        negated: true,
        conditional: false,
      },
      {
        file: 'home/dot_config/.chezmoiignore',
        line: 5,
        pattern: '.config/bar#baz',
        negated: false,
        conditional: false,
      },
    ]);
  });

  it('marks lines under a template conditional or holding markup as conditional', () => {
    const text =
      'a\n{{ if eq .chezmoi.os "darwin" }}\nb\n{{ else }}\nc\n{{ end }}\nd\n.local/bin/{{ .name }}\n';
    const patterns = parseChezmoiIgnore('.chezmoiignore', text);
    expect(patterns.map(p => [p.line, p.pattern, p.conditional])).toEqual([
      [1, 'a', false],
      [3, 'b', true],
      [5, 'c', true],
      [7, 'd', false],
      [8, '.local/bin/*', true],
    ]);
  });
});

describe('ChezmoiIgnoreRules', () => {
  const rules = new ChezmoiIgnoreRules(
    parseChezmoiIgnore(
      '.chezmoiignore',
      'README.md\n.cache\n*.bak\n!keep.bak\n{{ if .work }}\n.config/work/**\n{{ end }}\n{{ if .x }}\n!README.md\n{{ end }}\n',
    ),
  );

  it('answers per target, folders included', () => {
    expect(rules.status('.bashrc')).toBe('managed');
    expect(rules.status('.cache/x/y')).toBe('ignored');
    expect(rules.status('old.bak')).toBe('ignored');
    expect(rules.status('keep.bak')).toBe('managed');
    expect(rules.status('.config/work/a')).toBe('maybe-ignored');
    expect(rules.status('README.md')).toBe('maybe-ignored');
  });

  it('manages everything without patterns', () => {
    expect(new ChezmoiIgnoreRules([]).status('anything')).toBe('managed');
  });
});
