import { checkById, type CheckResult } from '@quadlet-portal/core';
import {
  countsOf,
  dayOf,
  failuresAtOrAbove,
  placeOf,
  scoreText,
  type CheckReport,
  type FailOn,
} from './checkReport';

/**
 * A pull-request comment: one summary line, a table of the failures (severity, check, subject,
 * file:line, message), then the waived findings with their decision and expiry.
 */
export function formatCheckMarkdown(
  report: CheckReport,
  failOn: FailOn,
): string {
  const counts = countsOf(report.results);
  const blocking = failuresAtOrAbove(report.results, failOn).length;
  const out: string[] = [
    `### quadlet-portal check: ${cell(report.box)}`,
    '',
    `Score **${scoreText(report.card)}** · ${counts.fail} failing · ${
      counts.waived
    } waived · ${counts.unknown} undecided · checked ${dayOf(report.now)}${
      report.online ? ' (online)' : ''
    }${gate(failOn, blocking)}`,
  ];
  const failures = report.results.filter(r => r.status === 'fail');
  if (failures.length > 0) {
    out.push(
      '',
      '| Severity | Check | Subject | Where | Finding |',
      '| --- | --- | --- | --- | --- |',
      ...failures.map(
        r =>
          `| ${r.severity} | ${checkCell(r)} | ${cell(r.entityName)} | ${code(
            placeOf(report, r),
          )} | ${cell(r.message)} |`,
      ),
    );
  } else {
    out.push('', 'No failing check.');
  }
  const waived = report.results.filter(r => r.status === 'waived');
  if (waived.length > 0) {
    out.push(
      '',
      `<details><summary>Waived (${waived.length})</summary>`,
      '',
      '| Check | Subject | Where | Decision | Expires | Reason |',
      '| --- | --- | --- | --- | --- | --- |',
      ...waived.map(
        r =>
          `| ${checkCell(r)} | ${cell(r.entityName)} | ${code(
            placeOf(report, r),
          )} | ${cell(r.waiver?.decision ?? '')} | ${cell(
            r.waiver?.expires ?? '',
          )} | ${cell(r.waiver?.reason ?? '')} |`,
      ),
      '',
      '</details>',
    );
  }
  return `${out.join('\n')}\n`;
}

function gate(failOn: FailOn, blocking: number): string {
  if (failOn === 'never') return '';
  return blocking > 0
    ? ` · **${blocking} at or above ${failOn}**`
    : ` · nothing at or above ${failOn}`;
}

function checkCell(r: CheckResult): string {
  const title = checkById(r.checkId)?.title;
  return title ? `${code(r.checkId)} ${cell(title)}` : code(r.checkId);
}

/** Table cells: no line breaks, escaped pipes. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** Inline code that survives backticks and pipes in the text. */
function code(text: string): string {
  const escaped = cell(text);
  return escaped.includes('`') ? `\`\` ${escaped} \`\`` : `\`${escaped}\``;
}
