import type { EntryRow } from '../audit-log.repository';

/**
 * An entry as served: bodyJson is the exact hashed text, body its parsed form for reading. Both are
 * null when the body was moved to an archive file; bodyArchivedIn names that file.
 */
export interface AuditEntryDto {
  seq: number;
  kind: string;
  subjectRef: string | null;
  recordedAt: string;
  prevHash: string;
  leafHash: string;
  bodyJson: string | null;
  body: unknown;
  bodyArchivedIn: string | null;
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
    body: row.bodyJson === null ? null : JSON.parse(row.bodyJson),
    bodyArchivedIn: row.bodyJson === null ? (row.bodyArchiveFile ?? null) : null,
  };
}
