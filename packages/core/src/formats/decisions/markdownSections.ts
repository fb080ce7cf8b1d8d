/** An ATX heading (`## Title`) outside code fences, with the extent of its section. */
export interface MarkdownHeading {
  level: number;
  text: string;
  /** 1-based line of the heading. */
  line: number;
  /** 0-based indexes [bodyStart, bodyEnd) of the lines after the heading, up to the next heading of the same or a higher level. */
  bodyStart: number;
  bodyEnd: number;
}

/**
 * Lists the headings of a Markdown text and where each section ends, in one pass plus a
 * stack. Lines inside ``` or ~~~ fences are never headings.
 */
export function markdownHeadings(lines: readonly string[]): MarkdownHeading[] {
  const headings: MarkdownHeading[] = [];
  const open: MarkdownHeading[] = [];
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      if (fence === null) fence = fenceMatch[1];
      else if (
        fenceMatch[1][0] === fence[0] &&
        fenceMatch[1].length >= fence.length
      )
        fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/.exec(line);
    if (!heading) continue;
    const level = heading[1].length;
    const text = (heading[2] ?? '').replace(/[ \t]+#+$/, '').trim();
    while (open.length > 0 && open[open.length - 1].level >= level) {
      (open.pop() as MarkdownHeading).bodyEnd = i;
    }
    const entry: MarkdownHeading = {
      level,
      text,
      line: i + 1,
      bodyStart: i + 1,
      bodyEnd: lines.length,
    };
    headings.push(entry);
    open.push(entry);
  }
  return headings;
}

/** Leading YAML front matter (`---` … `---` on the first lines), as raw text and line count. */
export function frontMatter(
  lines: readonly string[],
): { yaml: string; lineCount: number } | null {
  if (
    lines.length === 0 ||
    lines[0].replace(/\r$/, '').replace(/^\ufeff/, '') !== '---'
  )
    return null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (line === '---' || line === '...') {
      return { yaml: lines.slice(1, i).join('\n'), lineCount: i + 1 };
    }
  }
  return null;
}
