import { renameClueIds } from '@tianping/common';

/** The reference an enterprise knows one of its clues by (ClueRefs.of, bound to its credit code). */
export type RefOf = (clueId: string) => string;

/**
 * A copy of `value` in which every clue an appeal names (a challenge, a correction, a verdict: an
 * object with `kind: 'clue'` and a `recordId`) also carries its `ref`, the reference the enterprise
 * knows it by. Officers see both; the web gateway withholds the id from the enterprise.
 */
export function withClueRefs<T>(value: T, refOf: RefOf): T {
  return mapClues(value, (clue, id) => ({ ...clue, ref: refOf(id) }));
}

/**
 * A copy with each such clue named by its reference alone: what the record keeps. Its entries are
 * permanent and handed to the enterprise as receipts, so they must not hold the Platform B id, whose
 * channel and day can point to who complained; whoever holds the key can tell which clue a reference is.
 */
export function clueIdsAsRefs<T>(value: T, refOf: RefOf): T {
  return mapClues(value, ({ recordId: _id, ...clue }, id) => ({ ...clue, ref: refOf(id) }));
}

/** The ids of the clues `value` names (as challenges, corrections or verdicts do). */
export function namedClueIds(value: unknown): string[] {
  const ids: string[] = [];
  mapClues(value, (clue, id) => (ids.push(id), clue));
  return ids;
}

/** An officer's text with each of the given clue ids in it replaced by its reference (longest first, so none is cut). */
export function renameClues(text: string, ids: readonly string[], refOf: RefOf): string {
  return renameClueIds(text, new Map(ids.map((id) => [id, refOf(id)])));
}

function mapClues<T>(value: T, change: (clue: Record<string, unknown>, id: string) => Record<string, unknown>): T {
  if (Array.isArray(value)) return value.map((item: unknown) => mapClues(item, change)) as T;
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).map(([key, item]) => [key, mapClues(item, change)]);
  const copy = Object.fromEntries(entries) as Record<string, unknown>;
  return (copy.kind === 'clue' && typeof copy.recordId === 'string' ? change(copy, copy.recordId) : copy) as T;
}
