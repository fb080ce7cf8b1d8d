import {
  appendEntry,
  findLastEntry,
  removeEntry,
  removeKey,
  setEntryValue,
  setValue,
} from './editUnit';
import { parseUnit } from './parseUnit';
import { entriesOf } from './unitDocument';

const doc = (text: string) => parseUnit(text, 'web.container').document;

function textOf(result: ReturnType<typeof setValue>): string {
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('setEntryValue / setValue', () => {
  it('changes only the value part of the line', () => {
    const before =
      '# web\r\n[Container]\r\n  Image =  quay.io/a/web:1.0  # keep\t\r\nExec=run\r\n';
    expect(
      textOf(setValue(doc(before), 'Container', 'Image', 'quay.io/a/web:1.1')),
    ).toBe(
      '# web\r\n[Container]\r\n  Image =  quay.io/a/web:1.1\t\r\nExec=run\r\n',
    );
  });

  it('edits the last occurrence, which is the one podman uses', () => {
    const before = '[Container]\nImage=a\nImage=b\n';
    expect(textOf(setValue(doc(before), 'Container', 'Image', 'c'))).toBe(
      '[Container]\nImage=a\nImage=c\n',
    );
  });

  it('collapses a continued entry onto one line', () => {
    const d = doc('[Container]\n  Exec=a \\\n# c\n  b\nImage=x\n');
    const entry = findLastEntry(d, 'Container', 'Exec')!;
    expect(textOf(setEntryValue(d, entry, 'run'))).toBe(
      '[Container]\n  Exec=run\nImage=x\n',
    );
  });

  it('keeps a file without a final newline that way', () => {
    expect(
      textOf(setValue(doc('[Container]\nImage=a'), 'Container', 'Image', 'bb')),
    ).toBe('[Container]\nImage=bb');
  });

  it('refuses values that would not read back', () => {
    const d = doc('[Container]\nImage=a\n');
    expect(setValue(d, 'Container', 'Image', 'x\ny')).toMatchObject({
      ok: false,
    });
    expect(setValue(d, 'Container', 'Image', 'x\\')).toMatchObject({
      ok: false,
    });
    expect(setValue(d, 'Container', 'Image', ' x')).toMatchObject({
      ok: false,
    });
  });

  it('refuses an entry that is not in the document', () => {
    const d = doc('[Container]\nImage=a\n');
    const other = findLastEntry(
      doc('\n\n[Container]\nImage=a\n'),
      'Container',
      'Image',
    )!;
    expect(setEntryValue(d, other, 'b')).toMatchObject({ ok: false });
  });
});

describe('appendEntry', () => {
  it('appends after the last entry of the section, before blank lines and the next section', () => {
    const before =
      '[Container]\nImage=a\n\n[Install]\nWantedBy=default.target\n';
    expect(textOf(appendEntry(doc(before), 'Container', 'Label', 'x=1'))).toBe(
      '[Container]\nImage=a\nLabel=x=1\n\n[Install]\nWantedBy=default.target\n',
    );
  });

  it('uses the indentation and line ending of the file', () => {
    const before = '[Container]\r\n    Image=a\r\n';
    expect(textOf(appendEntry(doc(before), 'Container', 'Pull', 'newer'))).toBe(
      '[Container]\r\n    Image=a\r\n    Pull=newer\r\n',
    );
  });

  it('creates a missing section at the end', () => {
    expect(
      textOf(
        appendEntry(
          doc('[Container]\nImage=a'),
          'Install',
          'WantedBy',
          'default.target',
        ),
      ),
    ).toBe('[Container]\nImage=a\n\n[Install]\nWantedBy=default.target');
  });

  it('adds right after a header without entries', () => {
    expect(
      textOf(
        appendEntry(
          doc('[Service]\n# none yet\n'),
          'Service',
          'Restart',
          'always',
        ),
      ),
    ).toBe('[Service]\nRestart=always\n# none yet\n');
  });

  it('rejects bad keys', () => {
    expect(appendEntry(doc('[A]\n'), 'A', 'a=b', 'c')).toMatchObject({
      ok: false,
    });
    expect(appendEntry(doc('[A]\n'), 'A', '#x', 'c')).toMatchObject({
      ok: false,
    });
  });
});

describe('removeEntry / removeKey', () => {
  it('removes the entry lines only', () => {
    const d = doc('[Container]\nImage=a\nLabel=x \\\n  y\nExec=z\n');
    const label = findLastEntry(d, 'Container', 'Label')!;
    expect(textOf(removeEntry(d, label))).toBe(
      '[Container]\nImage=a\nExec=z\n',
    );
  });

  it('removes every occurrence of a key', () => {
    const result = removeKey(doc('[A]\nK=1\nL=2\nK=3\n'), 'A', 'K');
    expect(textOf(result)).toBe('[A]\nL=2\n');
    expect(result.ok && entriesOf(result.document).map(e => e.line)).toEqual([
      2,
    ]);
  });

  it('leaves the other lines byte-identical when the last line goes', () => {
    expect(textOf(removeKey(doc('[A]\nK=1\nL=2'), 'A', 'L'))).toBe(
      '[A]\nK=1\n',
    );
  });
});
