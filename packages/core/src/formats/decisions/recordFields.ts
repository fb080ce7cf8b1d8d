/** `Status:` and `Date:` of a decision record, read from the lines of its section. */
export interface RecordFields {
  status: string | null;
  date: string | null;
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

/**
 * Reads `Status: Accepted`, `**Status:** Accepted`, `- Status: Accepted`, a table row
 * `| Status | Accepted |`, or a `## Status` sub-heading followed by its first line
 * (adr-tools' layout); `Date:` the same way. The first occurrence wins.
 */
export function readRecordFields(lines: readonly string[]): RecordFields {
  let status: string | null = null;
  let date: string | null = null;
  for (let i = 0; i < lines.length && (status === null || date === null); i++) {
    const plain = lines[i].replace(/\r$/, '').replace(/\*\*|__/g, '');
    const field =
      /^\s*(?:[-*+]\s+)?(Status|Date|Decided|Decision date)\s*[:：]\s*(.*?)\s*$/i.exec(
        plain,
      ) ?? /^\s*\|\s*(Status|Date)\s*\|\s*([^|]*?)\s*\|/i.exec(plain);
    let name: string | null = null;
    let value: string | null = null;
    if (field) {
      name = field[1].toLowerCase();
      value = field[2];
    } else {
      const heading = /^\s{0,3}#{1,6}\s+(Status|Date)\s*#*\s*$/i.exec(plain);
      if (heading) {
        name = heading[1].toLowerCase();
        let j = i + 1;
        while (j < lines.length && lines[j].trim() === '') j++;
        value =
          j < lines.length && !/^\s{0,3}#/.test(lines[j])
            ? lines[j].replace(/\*\*|__/g, '').trim()
            : null;
      }
    }
    if (name === null || value === null || value === '') continue;
    if (name === 'status' && status === null) status = cleanStatus(value);
    else if (name !== 'status' && date === null)
      date = ISO_DATE.exec(value)?.[0] ?? value;
  }
  return { status, date };
}

/** The first ISO date in a text, e.g. a heading `D-12 (2026-04-22)`. */
export function isoDateIn(text: string): string | null {
  return ISO_DATE.exec(text)?.[0] ?? null;
}

function cleanStatus(value: string): string {
  return value.replace(/^[*_`\s]+|[*_`\s.]+$/g, '');
}
