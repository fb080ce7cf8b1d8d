import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseUnit, parseUnitFile, splitPhysicalLines } from './parseUnit';
import { entriesOf, sectionNamesOf, type UnitEntry } from './unitDocument';
import { writeUnit } from './writeUnit';

const fixture = (name: string) =>
  fs.readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');

function entries(text: string) {
  return entriesOf(parseUnit(text, 'x.container').document).map(e => [
    e.section,
    e.key,
    e.value,
    e.line,
  ]);
}

describe('splitPhysicalLines', () => {
  it('keeps each ending, CRLF included, and a missing final newline', () => {
    expect(splitPhysicalLines('a\r\nb\nc')).toEqual([
      { text: 'a', eol: '\r\n' },
      { text: 'b', eol: '\n' },
      { text: 'c', eol: '' },
    ]);
  });

  it('leaves a lone CR inside the text, as podman splits on LF only', () => {
    expect(splitPhysicalLines('a\rb\n')).toEqual([{ text: 'a\rb', eol: '\n' }]);
  });

  it('gives no line for empty text', () => {
    expect(splitPhysicalLines('')).toEqual([]);
  });
});

describe('parseUnit', () => {
  it('reads sections, keys and values with their lines', () => {
    expect(
      entries(
        '[Unit]\nDescription=Web\n\n[Container]\nImage = quay.io/a/b:1\n',
      ),
    ).toEqual([
      ['Unit', 'Description', 'Web', 2],
      ['Container', 'Image', 'quay.io/a/b:1', 5],
    ]);
  });

  it('treats # and ; as comments only at line start, after blanks', () => {
    const doc = parseUnit(
      '[A]\n  # c1\n\t; c2\nK=v # not a comment\n',
      'u',
    ).document;
    expect(doc.items.map(i => i.kind)).toEqual([
      'section',
      'comment',
      'comment',
      'entry',
    ]);
    expect(entriesOf(doc)[0].value).toBe('v # not a comment');
  });

  it('keeps Go templates and tag="{{.ImageName}}" as plain value text', () => {
    expect(entries('[Container]\nLogOpt=tag="{{.ImageName}}"\n')[0][2]).toBe(
      'tag="{{.ImageName}}"',
    );
  });

  it('joins continued lines without adding a space, as podman does', () => {
    expect(entries('[A]\nExec=a\\\nb \\\n  c\n')).toEqual([
      ['A', 'Exec', 'ab c', 2],
    ]);
  });

  it('skips comment lines inside a continuation', () => {
    const doc = parseUnit(
      '[A]\nK=a \\\n# inner\n; inner\nb\nL=1\n',
      'u',
    ).document;
    const [k, l] = entriesOf(doc);
    expect([k.value, k.line, k.endLine]).toEqual(['a b', 2, 5]);
    expect(l.line).toBe(6);
  });

  it('reads the podman line-continuation fixtures like podman', () => {
    expect(
      entriesOf(
        parseUnit(fixture('line-continuation-whitespace.container'), 'u')
          .document,
      )[1].value,
    ).toBe('"/some/binary file" --arg1 "arg 2"');
    const env = entriesOf(
      parseUnit(fixture('env.container'), 'u').document,
    ).filter(e => e.key === 'Environment');
    expect(env.map(e => e.value)).toEqual([
      'FOO1=foo1 "FOO2=foo2 " FOO3=foo3 REPLACE=replace',
      "REPLACE=replaced 'FOO4=foo\\nfoo' FOO5",
    ]);
  });

  it('does not continue a comment that ends with a backslash', () => {
    const doc = parseUnit(
      fixture('comment-with-continuation.container'),
      'u',
    ).document;
    expect(entriesOf(doc, 'Container').map(e => e.key)).toEqual([
      'Image',
      'ContainerName',
      'Label',
      'Environment',
      'Volume',
      'Volume',
      'PublishPort',
    ]);
  });

  it('drops a continuation that runs into the end of the file, with a warning', () => {
    const result = parseUnit(
      fixture('emptyline.container'),
      'emptyline.container',
    );
    expect(entriesOf(result.document)).toEqual([]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        line: 5,
        severity: 'warning',
        code: 'unit/dangling-continuation',
      }),
    ]);
  });

  it('strips a backslash on the very last line', () => {
    expect(entries('[A]\nK=v\\')).toEqual([['A', 'K', 'v', 2]]);
  });

  it('accumulates repeated sections into one name list', () => {
    const doc = parseUnit('[A]\nK=1\n[B]\n[A]\nK=2\n', 'u').document;
    expect(sectionNamesOf(doc)).toEqual(['A', 'B']);
    expect(entriesOf(doc, 'A').map(e => e.value)).toEqual(['1', '2']);
  });

  it('accepts blanks after a section header', () => {
    expect(sectionNamesOf(parseUnit('[Unit] \t\n', 'u').document)).toEqual([
      'Unit',
    ]);
  });

  it('reports keys before any section, garbage lines and bad section names as errors with lines', () => {
    const result = parseUnit('K=v\n[A]\njust words\n[]\n[A]]\n', 'f.container');
    expect(result.diagnostics.map(d => [d.line, d.severity, d.code])).toEqual([
      [1, 'error', 'unit/key-outside-section'],
      [3, 'error', 'unit/invalid-line'],
      [4, 'error', 'unit/invalid-section-name'],
      [5, 'error', 'unit/invalid-line'],
    ]);
    expect(result.diagnostics.every(d => d.file === 'f.container')).toBe(true);
  });

  it('rejects =value (empty key) like podman', () => {
    expect(parseUnit('[A]\n=v\n', 'u').diagnostics[0].code).toBe(
      'unit/invalid-line',
    );
  });

  it('trims with Go whitespace rules: NBSP trims, U+FEFF does not', () => {
    expect(entries('[A]\n\u00a0K=v\u00a0\n')).toEqual([['A', 'K', 'v', 2]]);
    expect(parseUnit('[A]\n\ufeffK=v\n', 'u').document.items[1]).toMatchObject({
      kind: 'entry',
      key: '\ufeffK',
    });
  });

  it('keeps a BOM out of the lines and warns that podman cannot read it', () => {
    const text = '\ufeff[Unit]\r\nDescription=x\r\n';
    const result = parseUnit(text, 'u');
    expect(result.document.bom).toBe(true);
    expect(entries(text)).toEqual([['Unit', 'Description', 'x', 2]]);
    expect(result.diagnostics[0]).toMatchObject({ code: 'unit/bom', line: 1 });
    expect(writeUnit(result.document)).toBe(text);
  });

  it('covers every physical line with exactly one item', () => {
    const text =
      '# top\n\n[A]\nK=a \\\n# skip\n  b\n\\\n# c\nL=1\nX=\\\n#end\n';
    const doc = parseUnit(text, 'u').document;
    const covered: number[] = [];
    for (const item of doc.items)
      for (let l = item.line; l <= item.endLine; l++) covered.push(l);
    expect(covered).toEqual(doc.lines.map((_, i) => i + 1));
  });

  it('records where a single-line value sits in its line', () => {
    const doc = parseUnit('[A]\n  Image =  quay.io/x:1  \r\n', 'u').document;
    const entry = doc.items[1] as UnitEntry;
    expect(doc.lines[1].text.slice(entry.valueStart, entry.valueEnd)).toBe(
      'quay.io/x:1',
    );
  });

  it('never throws on arbitrary bytes', () => {
    const bytes = Buffer.from([
      0xff, 0xfe, 0x5b, 0x41, 0x5d, 0x0a, 0x00, 0x3d, 0x5c, 0x0d,
    ]);
    const result = parseUnitFile({ path: 'bin.container', content: bytes });
    expect(result.diagnostics.some(d => d.code === 'unit/invalid-utf8')).toBe(
      true,
    );
  });
});
