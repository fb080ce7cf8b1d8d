import { parseUnit } from './parseUnit';
import { writeUnit, writeUnitBytes } from './writeUnit';

describe('writeUnit', () => {
  it.each([
    ['empty', ''],
    ['no final newline', '[A]\nK=v'],
    ['CRLF', '[A]\r\nK=v\r\n'],
    ['mixed endings', '[A]\r\nK=v\nL=w\r\n\n'],
    ['BOM', '\ufeff[A]\nK=v\n'],
    ['trailing blanks', '[A]  \nK=v \t \n\n\n'],
    ['garbage', 'no section\n]]][[[\n=\n\\\n'],
    ['lone CR', '[A]\rK=v\r'],
    ['dangling continuation', '[A]\nK=v \\\n# c\n'],
  ])('gives back the exact text (%s)', (_name, text) => {
    expect(writeUnit(parseUnit(text, 'u').document)).toBe(text);
  });

  it('writes UTF-8 bytes', () => {
    const text = '[A]\nK=é\n';
    expect(
      writeUnitBytes(parseUnit(text, 'u').document).equals(
        Buffer.from(text, 'utf8'),
      ),
    ).toBe(true);
  });
});
