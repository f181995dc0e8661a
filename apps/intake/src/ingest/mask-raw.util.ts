import { maskIdNumber, maskName } from '@tianping/common';
import { isSensitiveField, redactText } from '@tianping/observability';
import { personalReach, rowLayout, storableText, type RawRecord, type SourceKind } from '@tianping/intake-core';

/**
 * The operator's view of a rejected record: the contract's personal fields masked, and in every
 * other text (fields the contract does not know, a line that was not even JSON) resident ID numbers
 * and phone numbers masked; the rest as it came. The record itself is kept sealed for the replay.
 */
export function maskRaw(kind: SourceKind, raw: RawRecord | string, reach: readonly string[] = []): RawRecord | string {
  if (typeof raw === 'string') return storableText(redactText(raw.length > 2000 ? `${raw.slice(0, 2000)}…` : raw));
  const masked: RawRecord = {};
  for (const [key, value] of Object.entries(raw)) {
    // A cell a split may have moved a personal value to: masked like a name where it holds letters.
    const shown = reach.includes(key) && typeof value === 'string' && /\p{L}/u.test(value) ? maskName(value) : maskedValue(kind, key, value);
    // defineProperty, so a key named __proto__ stays data; jsonb cannot hold a NUL, so the view shows U+FFFD.
    Object.defineProperty(masked, storableText(key), {
      value: typeof shown === 'string' ? storableText(shown) : shown,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return masked;
}

/** In a ragged CSV row, the other cells that may hold a personal field's value (see personalReach). */
export function raggedReach(kind: SourceKind, raw: RawRecord | string, reasons: unknown): string[] {
  if (kind === 'clues') return [];
  const layout = rowLayout(kind, raw, reasons);
  return layout === null ? [] : personalReach(kind, layout);
}

function maskedValue(kind: SourceKind, key: string, value: RawRecord[string]): RawRecord[string] {
  // A phone or ID number sent as a JSON number is one all the same: masked as its text would be.
  if (typeof value === 'number') {
    const text = String(value);
    const shown = maskedValue(kind, key, text);
    return shown === text ? value : shown;
  }
  if (typeof value !== 'string') return value;
  if (key === 'legal_rep_id') return maskIdNumber(value);
  if ((kind === 'officers' && key === 'name') || isSensitiveField(key)) return maskName(value); // legal_rep_name among them
  return redactText(value);
}
