import { columnOfHeader, normaliseHeader } from './contract-columns.model';
import { sameValue, shiftDecimal, textOf } from './contract-value.util';
import { RawRecord, Reason, SourceKind } from './intake.model';

/**
 * A quarantined row keeps the cell of a column its export named twice under that column's header
 * (注册资本(元) beside registered_capital_wan). A replay that corrects the key has said which value is
 * right, so the other cell goes; one that leaves the key as it was is still held while the two differ.
 */
export function settleRepeatedColumns(kind: SourceKind, raw: RawRecord, corrected: readonly string[]): { raw: RawRecord; conflicts: Reason[] } {
  if (kind === 'clues') return { raw, conflicts: [] };
  const conflicts: Reason[] = [];
  const kept = Object.entries(raw).filter(([header, value]) => {
    const named = columnOfHeader(kind, normaliseHeader(header));
    if (named === null) return true;
    const key = named.column.key;
    if (corrected.includes(key)) return false;
    const held = textOf(raw[key]);
    const repeated = textOf(value);
    if (held !== null && repeated !== null && !sameValue(held, shiftDecimal(repeated, named.shift), named.column.money !== undefined)) {
      conflicts.push({ field: key, code: 'conflicting_columns', message: `the column ${header} kept with this record gives ${key} another value` });
    }
    return true;
  });
  // fromEntries defines each key as data, so a header named __proto__ stays one.
  return { raw: Object.fromEntries(kept) as RawRecord, conflicts };
}
