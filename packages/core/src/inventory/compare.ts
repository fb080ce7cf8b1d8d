/** Code-unit order of two strings (the same on every machine, unlike `localeCompare`). */
export function compare(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}
