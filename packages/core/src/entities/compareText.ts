/** Code-unit order, the same on every machine (`localeCompare` is not). */
export function compareText(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
