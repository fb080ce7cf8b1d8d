import { parseYamlDocument, YamlParseOptions } from './yamlDocument';
import { YamlReader } from './yamlReader';

const OPTIONS: YamlParseOptions = {
  codePrefix: 'test',
  tool: 'the tool',
  duplicateKeys: {
    severity: 'error',
    consequence: 'the tool refuses the file',
  },
};

function parse(text: string) {
  return parseYamlDocument(
    { path: 'dir/config.yaml', content: Buffer.from(text) },
    OPTIONS,
  );
}

describe('parseYamlDocument', () => {
  it('reports a syntax error with the line the yaml package gives', () => {
    const { diagnostics } = parse('a: 1\nb: [1, 2\nc: 3\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      file: 'dir/config.yaml',
      severity: 'error',
      code: 'test/yaml-syntax',
    });
    expect(diagnostics[0].line).toBeGreaterThanOrEqual(2);
    expect(diagnostics[0].message).toMatch(/^the tool cannot read this YAML: /);
    expect(diagnostics[0].message).not.toContain('\n');
  });

  it('names a key written twice, with both lines and the mapping that holds it', () => {
    const { diagnostics, duplicates } = parse(
      'models:\n  a:\n    cmd: x\n  b: {}\n  a:\n    cmd: y\n',
    );
    expect(duplicates).toEqual([
      { path: ['models'], key: 'a', line: 5, firstLine: 2 },
    ]);
    expect(diagnostics).toEqual([
      {
        file: 'dir/config.yaml',
        line: 5,
        severity: 'error',
        code: 'test/duplicate-key',
        message:
          'key "a" in models is already defined on line 2; the tool refuses the file',
      },
    ]);
  });

  it('keeps comments in the document so later edits preserve them', () => {
    const { yaml } = parse('# top\nimage: redis:7 # pinned\n');
    yaml.document.set('image', 'redis:7.2');
    expect(yaml.document.toString()).toBe('# top\nimage: redis:7.2 # pinned\n');
  });

  it('drops a byte order mark without shifting lines', () => {
    const { yaml, diagnostics } = parse('\uFEFFa: 1\nb: 2\n');
    const reader = new YamlReader(yaml);
    expect(diagnostics).toEqual([]);
    expect(reader.get(reader.root(), 'b')?.line).toBe(2);
  });

  it('yields an empty document for empty input and for binary junk, without throwing', () => {
    expect(parse('').diagnostics).toEqual([]);
    expect(new YamlReader(parse('').yaml).root()).toBeNull();
    const junk = parse('\u0000\u0001: [{\n\t- ]]\n');
    expect(junk.diagnostics.length).toBeGreaterThan(0);
  });
});
