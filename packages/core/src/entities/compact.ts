/**
 * A copy of `value` without its `undefined` properties, keys in the order written, so builders
 * can write each fact in reading order and still emit no empty keys (YAML would show `null`).
 */
export function compact<T extends object>(value: T): T {
  const out: Record<string, unknown> = {};
  for (const key in value) {
    if (value[key] !== undefined) out[key] = value[key];
  }
  return out as T;
}
