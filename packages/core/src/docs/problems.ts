import { checkById } from '../checks/registry';
import type { CheckResult } from '../checks/types';
import type { InventoryDiagnostic } from '../inventory/types';
import type { GuideContext } from './guideContext';
import type { Linker } from './links';
import { code, text } from './markdown';

/**
 * Known problems, as lines of a list: scorecard findings (when given), the inventory's
 * diagnostics on the files involved, and a "known broken" note written in a unit's comment.
 */

/** Check messages are Markdown written by the checks (code spans); only tags and line breaks are neutralised. */
function message(value: string): string {
  return value.replace(/\r?\n/g, ' ').replace(/[<>]/g, c => `\\${c}`);
}

function where(result: CheckResult, l: Linker): string {
  if (result.file === undefined) return '';
  if (result.tree === undefined) return ` (${code(`${result.file}${result.line && result.line > 1 ? `:${result.line}` : ''}`)})`;
  return ` (${l.short({ tree: result.tree, path: result.file, line: result.line })})`;
}

export function checkTitle(checkId: string): string {
  return checkById(checkId)?.title ?? checkId;
}

/** One finding: what, how bad, where, and the waiver that covers it. */
export function findingItem(result: CheckResult, l: Linker): string {
  const head = `**${text(checkTitle(result.checkId))}** (${result.severity}, ${code(result.checkId)})`;
  const waiver = result.waiver;
  if (result.status === 'waived' && waiver) {
    return `Waived until ${waiver.expires} (${text(waiver.decision)}: ${text(waiver.reason)}): ${head}: ${message(result.message)}${where(result, l)}`;
  }
  const expired = waiver?.expired ? ` The waiver (${text(waiver.decision)}) expired on ${waiver.expires}.` : '';
  return `${head}: ${message(result.message)}${where(result, l)}.${expired}`;
}

export function diagnosticItem(d: InventoryDiagnostic, l: Linker): string {
  const at = d.tree ? l.short({ tree: d.tree, path: d.file, line: d.line }) : code(`${d.file}:${d.line}`);
  return `${d.severity} ${code(d.code)}: ${text(d.message)} (${at})`;
}

const BROKEN_MARKER = /known[\s_-]*broken/i;

/** The paragraph of a comment that declares the unit broken (`KNOWN BROKEN (dotfiles#17): …`). */
export function declaredBroken(comment: string): string | undefined {
  const lines = comment.split(/\r?\n/);
  const start = lines.findIndex(line => BROKEN_MARKER.test(line));
  if (start < 0) return undefined;
  const paragraph: string[] = [];
  for (const line of lines.slice(start)) {
    if (line.trim() === '') break;
    paragraph.push(line.trim());
  }
  return paragraph.join(' ');
}

/** Every known problem of one unit (or model, hostname…), as list items. */
export function problemItems(
  ctx: GuideContext,
  l: Linker,
  subject: {
    key: string;
    files: readonly { tree: string; path: string }[];
    comment?: string;
  },
): string[] {
  const items: string[] = [];
  const broken = subject.comment === undefined ? undefined : declaredBroken(subject.comment);
  if (broken !== undefined) items.push(`**Declared broken** in the unit's comment: ${text(broken)}`);
  for (const result of ctx.findingsFor(subject.key)) items.push(findingItem(result, l));
  for (const d of ctx.diagnosticsIn(subject.files)) items.push(diagnosticItem(d, l));
  return items;
}
