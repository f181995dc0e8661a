import { PoisonMessage } from './durable.consumer';

/** An event's fields checked at the edge: each field's name (or path) and whether it holds. */
export type FieldChecks = Record<string, boolean>;

/** The value checks events share at the edge. */
export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
export const strOrNull = (v: unknown) => v === null || v === undefined || typeof v === 'string';
export const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every(str);
export const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const numOrNull = (v: unknown) => v === null || v === undefined || num(v);
/** A calendar day, or a date-time read for its day: `2026-03-01…`. */
export const isoDay = (v: unknown): v is string => str(v) && /^\d{4}-\d{2}-\d{2}/.test(v) && !Number.isNaN(Date.parse(v.slice(0, 10)));
export const instant = (v: unknown): v is string => str(v) && !Number.isNaN(Date.parse(v));

/** The names of the fields whose checks failed: names only, never values (they may be personal data). */
export function failedFields(checks: FieldChecks, prefix = ''): string[] {
  return Object.keys(checks)
    .filter((field) => !checks[field])
    .map((field) => prefix + field);
}

/** The failed fields of the first item in a list that fails any, named `list[i].field` (`list[i]` when not an object). */
export function failedInList(items: readonly unknown[], list: string, check: (item: Record<string, unknown>) => FieldChecks): string[] {
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (!isObject(item)) return [`${list}[${i}]`];
    const failed = failedFields(check(item), `${list}[${i}].`);
    if (failed.length > 0) return failed;
  }
  return [];
}

/** Refuses the message, naming the fields that failed, so whoever reads the dead letter knows what to fix. */
export function refuseIfFailed(what: string, failed: readonly string[]): void {
  if (failed.length > 0) throw new PoisonMessage(`${what}: malformed ${failed.join(', ')}`);
}

/**
 * A batch's records, each checked at the edge. A batch with one malformed record is refused whole (it goes to
 * the dead letters intact, for inspection) rather than half applied.
 */
export function checkedRecords<T>(payload: unknown, field: string, what: string, check: (record: Record<string, unknown>) => FieldChecks): T[] {
  const list = isObject(payload) ? payload[field] : undefined;
  if (!Array.isArray(list)) throw new PoisonMessage(`${what}: expected an object with a "${field}" array`);
  refuseIfFailed(what, failedInList(list, field, check));
  return list as T[];
}
