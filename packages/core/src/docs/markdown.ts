/**
 * Markdown building blocks. Everything the guide prints from the box's files goes through
 * `text` or `code`, so a comment or a value can never open a link, a tag or a table cell.
 */

/** Prose from the box (comments, descriptions): characters that would start markup are escaped. */
export function text(value: string): string {
  return value
    .replace(/[\\`*[\]<]/g, c => `\\${c}`)
    .replace(/(^|\s)_/g, '$1\\_')
    .replace(/_(?=\s|$)/g, '\\_')
    .replace(/\r?\n/g, ' ')
    .replace(/^([#+=>-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** An inline code span that survives backticks inside the value. */
export function code(value: string): string {
  const flat = value.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map(r => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** `[label](href)` — `label` is Markdown already (escape it with `text`/`code`). */
export function link(label: string, href: string | undefined): string {
  if (href === undefined) return label;
  const safe = href.replace(/[ ()<>]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${label}](${safe})`;
}

/** An explicit anchor: ids stay stable whatever the heading says. */
export function anchor(id: string): string {
  return `<a id="${id}"></a>`;
}

/** A heading with its anchor on the line before. */
export function heading(level: number, title: string, id?: string): string {
  const line = `${'#'.repeat(level)} ${title}`;
  return id === undefined ? line : `${anchor(id)}\n\n${line}`;
}

/** A GFM table; cells are Markdown (already escaped). Every `|` of a cell is escaped, code spans too (GFM wants that). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cell = (value: string) => (value.trim() === '' ? ' ' : value.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|'));
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A bullet list, one item per entry (an item's own line breaks are kept indented). */
export function bullets(items: readonly string[]): string {
  return items.map(item => `- ${item.replace(/\n/g, '\n  ')}`).join('\n');
}

/** A quoted block of prose from the box: paragraphs kept, lines of a paragraph joined. */
export function quote(value: string): string {
  return paragraphs(value)
    .map(p => `> ${p}`)
    .join('\n>\n');
}

/** Prose split into escaped paragraphs: blank lines separate, indented lines stay as code. */
export function paragraphs(value: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length > 0) out.push(text(current.join(' ')));
    current = [];
  };
  for (const raw of value.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line.trim() === '') flush();
    else if (/^\s{2,}\S/.test(line)) {
      // An indented line in a comment is usually a command or a value: keep it apart, verbatim.
      flush();
      out.push(code(line.trim()));
    } else current.push(line.trim());
  }
  flush();
  return out;
}

/** Blocks separated by one blank line; empty blocks dropped. */
export function blocks(...parts: (string | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join('\n\n');
}

/** `a, b and c`. */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `1 volume`, `3 volumes`. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
