/**
 * Index helpers that skip `{…}` placeholders, whose contents (`{$HOST:default}`,
 * `{env.UPSTREAM}`) may hold the very separators being looked for.
 */
export function indexOutsideBraces(text: string, needle: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === needle && depth === 0) return i;
  }
  return -1;
}

export function lastIndexOutsideBraces(text: string, needle: string): number {
  let depth = 0;
  let found = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    else if (ch === needle && depth === 0) found = i;
  }
  return found;
}

/** Lower-cases a host name but leaves placeholders as written, since their names are case-sensitive. */
export function lowerHost(host: string): string {
  return host.includes('{') ? host : host.toLowerCase();
}
