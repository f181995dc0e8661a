/**
 * One record per key, the newest by `version` (ties: the later one in the batch). A batch may
 * repeat a key — a redelivered event, a re-score beside a batch run — while an
 * `INSERT … ON CONFLICT DO UPDATE` may touch each row only once per statement.
 */
export function newestBy<T>(records: readonly T[], key: (r: T) => string, version: (r: T) => string): T[] {
  const best = new Map<string, T>();
  for (const r of records) {
    const k = key(r);
    const held = best.get(k);
    if (!held || version(r) >= version(held)) best.set(k, r);
  }
  return [...best.values()];
}

/** A timestamp written with any offset, in a form that compares as text (UTC ISO 8601). */
export function instant(text: string): string {
  return new Date(text).toISOString();
}
