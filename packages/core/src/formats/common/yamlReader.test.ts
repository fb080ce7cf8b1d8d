import { parseYamlDocument } from './yamlDocument';
import { YamlReader } from './yamlReader';

function reader(text: string): YamlReader {
  const { yaml } = parseYamlDocument(
    { path: 'x.yaml', content: Buffer.from(text) },
    {
      codePrefix: 't',
      tool: 't',
      duplicateKeys: { severity: 'error', consequence: '' },
    },
  );
  return new YamlReader(yaml);
}

describe('YamlReader', () => {
  it('expands merge keys, letting explicit keys win, and keeps each key line', () => {
    const r = reader(
      'defaults: &d\n  ttl: 5\n  cmd: base\nmodel:\n  <<: *d\n  ttl: 7\n',
    );
    const model = r.get(r.root(), 'model')?.value;
    expect(r.entries(model).map(e => [e.key, r.text(e.value), e.line])).toEqual(
      [
        ['ttl', '7', 6],
        ['cmd', 'base', 3],
      ],
    );
  });

  it('expands a list of merge sources in order', () => {
    const r = reader('a: &a {x: 1}\nb: &b {x: 2, y: 2}\nc:\n  <<: [*a, *b]\n');
    const c = r.get(r.root(), 'c')?.value;
    expect(r.entries(c).map(e => [e.key, r.number(e.value)])).toEqual([
      ['x', 1],
      ['y', 2],
    ]);
  });

  it('reads scalars by type and answers undefined for the wrong type', () => {
    const r = reader('n: 42\ns: "42"\nb: yes\nf: 1.50\nl: [1]\nz: ~\n');
    const root = r.root();
    const value = (key: string) => r.get(root, key)?.value;
    expect(r.number(value('n'))).toBe(42);
    expect(r.number(value('s'))).toBe(42);
    expect(r.text(value('f'))).toBe('1.50');
    expect(r.boolean(value('b'))).toBe(true);
    expect(r.text(value('l'))).toBeUndefined();
    expect(r.items(value('l')).map(item => r.number(item))).toEqual([1]);
    expect(r.isSet(value('z'))).toBe(false);
    expect(r.isSet(value('n'))).toBe(true);
    expect(r.entries(value('n'))).toEqual([]);
  });

  it('resolves aliases in sequences and gives plain values', () => {
    const r = reader('x: &x {a: 1}\nlist: [*x, 2]\n');
    const list = r.get(r.root(), 'list')?.value;
    expect(r.plain(list)).toEqual([{ a: 1 }, 2]);
    expect(r.items(list).map(item => r.isMap(item))).toEqual([true, false]);
  });
});

describe('YamlReader with repeated keys', () => {
  const text = 'a: 1\nb: 2\na: 3\n';
  it('reads the first occurrence by default, as a refusing tool never runs the file', () => {
    const r = reader(text);
    expect(r.entries(r.root()).map(e => [e.key, r.number(e.value)])).toEqual([
      ['a', 1],
      ['b', 2],
      ['a', 3],
    ]);
    expect(r.number(r.get(r.root(), 'a')?.value)).toBe(1);
  });

  it('keeps only the last occurrence when asked to, like PyYAML', () => {
    const r = new YamlReader(reader(text).yaml, 'last');
    expect(
      r.entries(r.root()).map(e => [e.key, r.number(e.value), e.line]),
    ).toEqual([
      ['b', 2, 2],
      ['a', 3, 3],
    ]);
  });
});
