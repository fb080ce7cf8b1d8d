import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseUnit, parseUnitFile } from './parseUnit';
import { writeUnit, writeUnitBytes } from './writeUnit';

/** Fragments that exercise every rule of the syntax. */
const fragment = fc.constantFrom(
  '[Unit]',
  '[Container]',
  '[X-Custom] ',
  '[bad',
  '[]',
  'Description=Web app',
  'Image=quay.io/org/app:1.2.3',
  'Exec=/bin/sh -c "echo \\"hi\\" # not a comment"',
  'Environment="A=1 2" B=3',
  'Label=regex=^foo(\\?.*)?$',
  'Key=',
  '  Indented = value  ',
  'Value=ends with backslash \\',
  '\\',
  '# comment',
  '; comment \\',
  '   ',
  '',
  'garbage line',
  '=novalue',
  "Quote='unbalanced",
  'Tab\t=\tx',
  'LogOpt=tag="{{.ImageName}}"',
  'Path=%h/data/%N',
  'Uni=é漢😀\u0085',
);

const ending = fc.constantFrom('\n', '\r\n', '\r', '');

const unitText = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(fragment, ending), { maxLength: 30 }),
    fc.boolean(),
  )
  .map(([bom, lines, finalNewline]) => {
    const body = lines
      .map(([text, eol]) => text + (eol === '' ? '\n' : eol))
      .join('');
    return (
      (bom ? '\ufeff' : '') + (finalNewline ? body : body.replace(/\r?\n$/, ''))
    );
  });

function checkDocument(text: string) {
  const { document, diagnostics } = parseUnit(text, 'p/t.container');
  expect(writeUnit(document)).toBe(text);
  // Items cover every physical line once, in order.
  let next = 1;
  for (const item of document.items) {
    expect(item.line).toBe(next);
    expect(item.endLine).toBeGreaterThanOrEqual(item.line);
    next = item.endLine + 1;
  }
  expect(next).toBe(document.lines.length + 1);
  for (const d of diagnostics) {
    expect(d.file).toBe('p/t.container');
    expect(d.line).toBeGreaterThanOrEqual(0);
    expect(d.line).toBeLessThanOrEqual(Math.max(1, document.lines.length));
  }
}

describe('round trip (property)', () => {
  it('holds for unit-like text with every kind of line, ending and BOM', () => {
    expect(() =>
      fc.assert(fc.property(unitText, checkDocument), { numRuns: 500 }),
    ).not.toThrow();
  });

  it('holds for arbitrary strings, lone surrogates included', () => {
    expect(() =>
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary', maxLength: 300 }),
          checkDocument,
        ),
        { numRuns: 500 },
      ),
    ).not.toThrow();
  });

  it('holds byte for byte for random bytes that are valid UTF-8, and never throws on the rest', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), bytes => {
        const content = Buffer.from(bytes);
        const { document } = parseUnitFile({ path: 'b.container', content });
        const text = content.toString('utf8');
        const validUtf8 = Buffer.from(text, 'utf8').equals(content);
        expect(writeUnit(document)).toBe(text);
        expect(!validUtf8 || writeUnitBytes(document).equals(content)).toBe(
          true,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('holds for mutated podman test files', () => {
    const dir = path.join(__dirname, '__fixtures__');
    const seeds = fs
      .readdirSync(dir)
      .filter(f => f.endsWith('.container'))
      .map(f => fs.readFileSync(path.join(dir, f), 'utf8'));
    const mutation = fc.tuple(
      fc.nat(),
      fc.nat({ max: 3 }),
      fc.constantFrom(
        '\\',
        '\n',
        '\r\n',
        '"',
        "'",
        '#',
        '[',
        ']',
        '=',
        ' ',
        '\ufeff',
        '',
      ),
    );
    expect(seeds.length).toBeGreaterThan(3);
    fc.assert(
      fc.property(
        fc.constantFrom(...seeds),
        fc.array(mutation, { maxLength: 8 }),
        (seed, edits) => {
          let text = seed;
          for (const [at, drop, insert] of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + drop);
          }
          checkDocument(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
