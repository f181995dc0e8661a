import type { EntryRow } from '../audit-log.repository';

/** An entry as served: bodyJson is the exact hashed text, body its parsed form for reading. */
export interface AuditEntryDto {
  seq: number;
  kind: string;
  subjectRef: string | null;
  recordedAt: string;
  prevHash: string;
  leafHash: string;
  bodyJson: string;
  body: unknown;
}

export function toAuditEntryDto(row: EntryRow): AuditEntryDto {
  return {
    seq: row.seq,
    kind: row.kind,
    subjectRef: row.subjectRef,
    recordedAt: row.recordedAt,
    prevHash: row.prevHash,
    leafHash: row.leafHash,
    bodyJson: row.bodyJson,
    body: JSON.parse(row.bodyJson),
  };
}
