import fc from 'fast-check';
import { appendEntry, removeEntry, setEntryValue } from './editUnit';
import { parseUnit } from './parseUnit';
import { entriesOf } from './unitDocument';

const line = fc.constantFrom(
  '[Container]',
  '[Unit]',
  'Image=quay.io/org/app:1',
  '  Image = docker.io/library/redis:7  ',
  'Exec=run "a b" \\',
  '  --flag',
  '# comment',
  '',
  'Label=a=1',
  'garbage',
  'Key=last\\',
);
const ending = fc.constantFrom('\n', '\r\n');
const docText = fc
  .tuple(
    fc.array(fc.tuple(line, ending), { minLength: 1, maxLength: 20 }),
    fc.boolean(),
  )
  .map(([lines, finalNewline]) => {
    const text = lines.map(([l, e]) => l + e).join('');
    return finalNewline ? text : text.replace(/\r?\n$/, '');
  });
/** Values an edit may set: no line breaks, no edge blanks, no trailing backslash. */
const value = fc
  .string({ maxLength: 40 })
  .filter(
    v =>
      !/[\r\n]/.test(v) &&
      v.trim() === v &&
      !v.endsWith('\\') &&
      !/^[\s\u0085]|[\s\u0085]$/.test(v),
  );

function differingLines(a: string[], b: string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++)
    if (a[i] !== b[i]) out.push(i);
  return out;
}

const linesOf = (text: string) => text.split('\n');

describe('edits (property)', () => {
  it('setting a single-line value changes exactly that line and reads back', () => {
    fc.assert(
      fc.property(docText, fc.nat(), value, (text, pick, v) => {
        const doc = parseUnit(text, 'u').document;
        const candidates = entriesOf(doc).filter(
          e => e.line === e.endLine && e.section !== undefined,
        );
        fc.pre(candidates.length > 0);
        const entry = candidates[pick % candidates.length];
        const result = setEntryValue(doc, entry, v);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const changed = differingLines(linesOf(text), linesOf(result.text));
        expect(changed.filter(i => i !== entry.line - 1)).toEqual([]);
        const after = entriesOf(result.document).find(
          e => e.line === entry.line,
        )!;
        expect([after.key, after.value]).toEqual([entry.key, v]);
      }),
      { numRuns: 500 },
    );
  });

  it('appending to an existing section inserts one line and keeps the others', () => {
    fc.assert(
      fc.property(docText, value, (text, v) => {
        const doc = parseUnit(text, 'u').document;
        fc.pre(
          doc.items.some(i => i.kind === 'section' && i.name === 'Container'),
        );
        const result = appendEntry(doc, 'Container', 'Label', v);
        fc.pre(result.ok); // refused when the anchor line ends the file with a backslash
        if (!result.ok) return;
        const before = linesOf(text);
        const after = linesOf(result.text);
        expect(after.length).toBe(before.length + 1);
        const added = after.findIndex(
          l => l.replace(/\r$/, '').trim() === `Label=${v}`.trim(),
        );
        expect(added).toBeGreaterThanOrEqual(0);
        const rest = [...after.slice(0, added), ...after.slice(added + 1)];
        expect(rest.map(l => l.replace(/\r$/, ''))).toEqual(
          before.map(l => l.replace(/\r$/, '')),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('removing an entry removes exactly its lines', () => {
    fc.assert(
      fc.property(docText, fc.nat(), (text, pick) => {
        const doc = parseUnit(text, 'u').document;
        const entries = entriesOf(doc);
        fc.pre(entries.length > 0);
        const entry = entries[pick % entries.length];
        const result = removeEntry(doc, entry);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const expected = [
          ...doc.lines.slice(0, entry.line - 1),
          ...doc.lines.slice(entry.endLine),
        ].map(l => l.text);
        expect(result.document.lines.map(l => l.text)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
