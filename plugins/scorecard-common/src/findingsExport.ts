import type { ScorecardFinding, ScorecardRunSummary } from './types';

const CSV_COLUMNS = [
  'status',
  'severity',
  'check',
  'subject',
  'entity_ref',
  'detail',
  'tree',
  'file',
  'line',
  'message',
  'waiver_decision',
  'waiver_expires',
  'waiver_expired',
  'url',
  'fingerprint',
] as const;

/**
 * Findings as CSV (RFC 4180: comma-separated, CRLF line ends, quoted when needed) with a header
 * row. A cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
 */
export function findingsToCsv(findings: readonly ScorecardFinding[]): string {
  const rows = findings.map(f => [
    f.status,
    f.severity,
    f.checkId,
    f.entityName,
    f.entityRef ?? '',
    f.detail ?? '',
    f.tree ?? '',
    f.file ?? '',
    f.line !== undefined ? String(f.line) : '',
    f.message,
    f.waiver?.decision ?? '',
    f.waiver?.expires ?? '',
    f.waiver ? String(f.waiver.expired) : '',
    f.url ?? '',
    f.fingerprint,
  ]);
  return [[...CSV_COLUMNS], ...rows]
    .map(row => row.map(csvCell).join(','))
    .map(line => `${line}\r\n`)
    .join('');
}

function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Findings as a Markdown table (status, severity, check, subject, where, finding), headed
 * by the box and the run, for an issue or a pull-request comment.
 */
export function findingsToMarkdown(
  findings: readonly ScorecardFinding[],
  run?: Pick<ScorecardRunSummary, 'box' | 'id' | 'startedAt' | 'score'>,
): string {
  const lines: string[] = [];
  if (run) {
    const score = run.score?.score;
    lines.push(
      `### Scorecard ${mdCell(run.box)}, run ${run.id} (${run.startedAt.slice(
        0,
        10,
      )})${
        score !== undefined && score !== null
          ? `: ${Math.round(score * 100)}%`
          : ''
      }`,
      '',
    );
  }
  if (findings.length === 0) {
    lines.push('No findings.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '| Status | Severity | Check | Subject | Where | Finding |',
    '| --- | --- | --- | --- | --- | --- |',
  );
  for (const f of findings) {
    const place = f.file
      ? `${f.tree ? `${f.tree}:` : ''}${f.file}${f.line ? `:${f.line}` : ''}`
      : '';
    const where = f.url
      ? `[${mdCell(place)}](${f.url})`
      : place && `\`${mdCell(place)}\``;
    // The message already ends with the waiver's expiry, reason and decision.
    lines.push(
      `| ${f.status} | ${f.severity} | \`${f.checkId}\` | ${mdCell(
        f.entityName,
      )} | ${where} | ${mdCell(f.message)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function mdCell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}
