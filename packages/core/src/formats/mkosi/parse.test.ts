import fc from 'fast-check';
import { parseMkosi } from './parse';

function parse(text: string) {
  return parseMkosi({ path: 'mkosi.conf', content: Buffer.from(text) });
}

describe('parseMkosi', () => {
  it('reads sections and settings with continuation lines and their lines', () => {
    const document = parse(
      '[Content]\nPackages=\n    kernel\n\n    # comment inside\n    systemd\nBootable=yes\n',
    );
    expect(document.diagnostics).toEqual([]);
    expect(document.sections).toEqual([
      {
        name: 'Content',
        line: 1,
        assignments: [
          {
            key: 'Packages',
            value: '\nkernel\nsystemd',
            line: 2,
            endLine: 6,
            valueLines: [2, 3, 6],
          },
          {
            key: 'Bootable',
            value: 'yes',
            line: 7,
            endLine: 7,
            valueLines: [7],
          },
        ],
      },
    ]);
  });

  it('treats # anywhere on a line as a comment, unlike systemd', () => {
    const [section] = parse(
      '[Distribution]\nRelease=44 # pinned\nMirror=http://x/#frag\n',
    ).sections;
    expect(section.assignments.map(a => a.value)).toEqual(['44', 'http://x/']);
  });

  it('dedents the whole file first, so a uniformly indented file is not one long value', () => {
    const [section] = parse(
      '  [Output]\n  ImageId=box\n  ImageVersion=1\n',
    ).sections;
    expect(section.assignments.map(a => [a.key, a.value])).toEqual([
      ['ImageId', 'box'],
      ['ImageVersion', '1'],
    ]);
  });

  it('keeps repeated settings and handles CRLF and a BOM', () => {
    const [section] = parse(
      '\uFEFF[Content]\r\nPackages=a\r\nPackages=b\r\n',
    ).sections;
    expect(section.assignments.map(a => [a.key, a.value, a.line])).toEqual([
      ['Packages', 'a', 2],
      ['Packages', 'b', 3],
    ]);
  });

  it('reports what mkosi dies on', () => {
    const { diagnostics } = parse(
      'Orphan=1\n[Content\n[ ]\nNoEquals\n=value\n',
    );
    expect(diagnostics.map(d => [d.line, d.code])).toEqual([
      [1, 'mkosi/outside-section'],
      [2, 'mkosi/invalid-section'],
      [3, 'mkosi/invalid-section'],
      [4, 'mkosi/missing-equals'],
      [5, 'mkosi/missing-name'],
    ]);
  });

  it('never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), text => {
        const document = parse(text);
        expect(document.diagnostics.every(d => d.line >= 1)).toBe(true);
      }),
    );
  });
});
