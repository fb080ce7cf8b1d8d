/** `69%`, or a dash when nothing was decided (every subject unknown). */
export function percent(score: number | null | undefined): string {
  if (score === null || score === undefined || !Number.isFinite(score))
    return '–';
  return `${Math.round(score * 100)}%`;
}

/** `2026-05-01 10:00 UTC`: one time zone for the whole team, sortable, unambiguous. */
export function formatTime(iso: string | undefined): string {
  if (!iso) return '–';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2026-05-01`. */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
