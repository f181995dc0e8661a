import { normaliseCreditCode } from '@tianping/common';
import { parseCstDateTime, parseIsoOffsetDateTime } from './contract-date.util';
import { textOf } from './contract-value.util';
import type { RawRecord, SourceKind } from './intake.model';
import { idKeyOf, MAX_ID_LENGTH, storableText } from './record-validation.util';

/** The record a held (quarantined) copy is a version of, and the update time it carries where it can be read. */
export interface HeldVersion {
  /** The natural key, normalised as the stored record's: null when the copy names none (or not even a record). */
  key: string | null;
  /** Its update time; null when blank or unreadable, and for officers, whose exports carry none. */
  updatedAt: Date | null;
}

/**
 * Which record a rejected copy would be, read as the validator reads a valid one (credit codes as typed:
 * upper-cased, blanks stripped, full-width folded; other keys trimmed), so a later valid version finds it.
 */
export function heldVersionOf(kind: SourceKind, raw: RawRecord | string): HeldVersion {
  if (typeof raw === 'string' || raw === null || typeof raw !== 'object') return { key: null, updatedAt: null };
  const field = idKeyOf(kind);
  const text = textOf(Object.prototype.hasOwnProperty.call(raw, field) ? raw[field] : null);
  const key = text === null ? null : kind === 'subjects' ? normaliseCreditCode(text) : text;
  return { key: key !== null && couldBeStored(key) ? key : null, updatedAt: heldUpdatedAt(kind, raw.updated_at) };
}

/** A key no valid version can have (too long for an identifier, or not text) names no record: and no index could hold it. */
function couldBeStored(key: string): boolean {
  return key.length <= MAX_ID_LENGTH && !storableText(key).includes('\uFFFD');
}

function heldUpdatedAt(kind: SourceKind, value: unknown): Date | null {
  if (kind === 'officers' || typeof value !== 'string') return null;
  const parsed = kind === 'clues' ? parseIsoOffsetDateTime(value) : parseCstDateTime(value);
  return parsed.ok ? parsed.value : null;
}
