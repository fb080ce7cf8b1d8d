import type { FindingRow } from './findingRows';

function waiverExpired(row: FindingRow): string {
  if (!row.finding.waiver) return '';
  return row.finding.waiver.expired ? 'yes' : 'no';
}

/** The columns of both exports, in order. */
const COLUMNS: { header: string; value: (row: FindingRow) => string }[] = [
  { header: 'box', value: r => r.box },
  { header: 'status', value: r => r.finding.status },
  { header: 'new', value: r => (r.isNew ? 'yes' : '') },
  { header: 'severity', value: r => r.finding.severity },
  { header: 'check', value: r => r.finding.checkId },
  { header: 'subject', value: r => r.finding.entityName },
  { header: 'entity', value: r => r.finding.entityRef ?? '' },
  { header: 'tree', value: r => r.finding.tree ?? '' },
  { header: 'file', value: r => r.finding.file ?? '' },
  {
    header: 'line',
    value: r => (r.finding.line ? String(r.finding.line) : ''),
  },
  { header: 'message', value: r => r.finding.message },
  { header: 'waiver decision', value: r => r.finding.waiver?.decision ?? '' },
  { header: 'waiver expires', value: r => r.finding.waiver?.expires ?? '' },
  { header: 'waiver expired', value: r => waiverExpired(r) },
  { header: 'url', value: r => r.finding.url ?? '' },
];

/**
 * RFC 4180 quoting; a cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) gets a
 * leading `'`, since messages quote text from the box's files.
 */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows as CSV, one line per finding, CRLF line ends as RFC 4180 writes them. */
export function findingsCsv(rows: readonly FindingRow[]): string {
  const lines = [COLUMNS.map(c => csvCell(c.header)).join(',')];
  for (const row of rows)
    lines.push(COLUMNS.map(c => csvCell(c.value(row))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Pipes would end a cell and newlines a row; backticks stay, GitHub renders them. */
function mdCell(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, ' ');
}

function mdPlace(row: FindingRow): string {
  const f = row.finding;
  if (!f.file) return '';
  const text = `${f.tree ? `${f.tree}:` : ''}${f.file}${
    f.line ? `:${f.line}` : ''
  }`;
  return f.url ? `[${mdCell(text)}](${f.url})` : `\`${mdCell(text)}\``;
}

function mdWaiver(row: FindingRow): string {
  const w = row.finding.waiver;
  if (!w) return '';
  return `${w.decision}, ${w.expired ? 'expired' : 'until'} ${w.expires}`;
}

/** The rows as a Markdown table under a heading, ready for an issue or a hand-off note. */
export function findingsMarkdown(
  rows: readonly FindingRow[],
  title: string,
): string {
  const lines = [`# ${title}`, ''];
  if (rows.length === 0) {
    lines.push('No findings.');
    return `${lines.join('\n')}\n`;
  }
  const counts = new Map<string, number>();
  for (const row of rows)
    counts.set(row.finding.status, (counts.get(row.finding.status) ?? 0) + 1);
  lines.push(
    [...counts].map(([status, n]) => `${n} ${status}`).join(', '),
    '',
    '| Box | Status | Severity | Check | Subject | Where | Message | Waiver |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const row of rows) {
    const f = row.finding;
    lines.push(
      `| ${[
        mdCell(row.box),
        `${f.status}${row.isNew ? ' (new)' : ''}`,
        f.severity,
        `\`${f.checkId}\``,
        mdCell(f.entityName),
        mdPlace(row),
        mdCell(f.message),
        mdCell(mdWaiver(row)),
      ].join(' | ')} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Hands text to the browser as a file download. */
export function downloadText(fileName: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
