/**
 * `target.push(...items)` passes every item as an argument, which throws a RangeError past
 * roughly 100,000 items; parsers must not throw on big inputs, so they append with a loop.
 */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}
