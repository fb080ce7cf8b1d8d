import fc from 'fast-check';
import { parseUnit, parseUnitKeys } from './parseUnit';

const KEYS = new Set(['Image', 'ContainerName', 'ServiceName']);

/** Lines that exercise continuations, comments inside them, blanks, bad lines and headers. */
const line = fc.constantFrom(
  '[Container]',
  '[Unit]',
  '[bad',
  '[A] x',
  'Image=quay.io/org/app:1',
  '  ContainerName =  web  ',
  'ServiceName=a \\',
  'Image=split \\',
  'Other=value',
  'Image=',
  '=novalue',
  'garbage line',
  '# comment',
  '; comment \\',
  '\\',
  '',
  '   ',
  'Image=ends\\',
  'ContainerName=x\r',
  '\u00a0Image=nbsp\u00a0',
);

const unitText = fc
  .tuple(
    fc.array(line, { maxLength: 20 }),
    fc.constantFrom('\n', '\r\n'),
    fc.boolean(),
  )
  .map(
    ([lines, eol, finalNewline]) => lines.join(eol) + (finalNewline ? eol : ''),
  );

describe('parseUnitKeys', () => {
  it('reads the chosen keys and the headers exactly as parseUnit does (property)', () => {
    fc.assert(
      fc.property(unitText, text => {
        const full = parseUnit(text, 'a/b.container').document.items.filter(
          item =>
            item.kind === 'section' ||
            (item.kind === 'entry' && KEYS.has(item.key)),
        );
        expect(parseUnitKeys(text, 'a/b.container', KEYS).items).toEqual(full);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps nothing else', () => {
    const doc = parseUnitKeys(
      '# head\n[Container]\nImage=a\nExec=run \\\n  more\nContainerName=web\n',
      'x.container',
      KEYS,
    );
    expect(
      doc.items.map(i => (i.kind === 'entry' ? `${i.key}=${i.value}` : i.kind)),
    ).toEqual(['section', 'Image=a', 'ContainerName=web']);
  });
});
