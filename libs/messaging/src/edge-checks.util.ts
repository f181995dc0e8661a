import { PoisonMessage } from './durable.consumer';

/** An event's fields checked at the edge: each field's name (or path) and whether it holds. */
export type FieldChecks = Record<string, boolean>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
