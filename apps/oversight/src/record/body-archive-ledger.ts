import type { FirstBad } from '@tianping/audit-log';
import type { EntryRow } from './audit-log.repository';
import type { BodyArchive } from './body-archive.repository';

/** The facts an 'archive' entry logs: the same as its row in oversight.body_archives. */
const FACTS = ['firstSeq', 'lastSeq', 'entries', 'sha256', 'bytes', 'recordedBefore'] as const;

/**
 * Checks, while verify streams the record, that archived rows are only what signed archive entries
 * say: each row without a body names an archive noted in body_archives whose range covers it; each
 * noted archive is logged by an 'archive' entry (after its range) stating the same facts; and as many
 * rows name it as that entry counts. Without the files, this is what keeps bodies from being dropped
 * quietly: a row's body set to NULL behind the guard's back is named.
 */
export class ArchiveLedger {
  private readonly noted: Map<number, BodyArchive & { rows: number; loggedAt?: number }>;
  private readonly byFile = new Map<string, number>();
  archivedRows = 0;
  firstBad?: FirstBad;

  constructor(archives: BodyArchive[]) {
    this.noted = new Map(archives.map((a) => [a.firstSeq, { ...a, rows: 0 }]));
    for (const a of archives) this.byFile.set(a.fileName, a.firstSeq);
  }

  see(row: EntryRow): void {
    if (row.bodyJson === null) this.archivedRow(row);
    else if (row.kind === 'archive') this.archiveEntry(row, row.bodyJson);
  }

  private archivedRow(row: EntryRow): void {
    this.archivedRows++;
    const archive = row.bodyArchive === null || row.bodyArchive === undefined ? undefined : this.noted.get(row.bodyArchive);
    if (!archive || row.seq < archive.firstSeq || row.seq > archive.lastSeq || row.kind !== 'score') {
      this.blame(row.seq, `body is missing, and no recorded archive of score bodies covers seq ${row.seq}`);
      return;
    }
    archive.rows++;
  }

  private archiveEntry(row: EntryRow, bodyJson: string): void {
    const firstSeq = row.subjectRef === null ? undefined : this.byFile.get(row.subjectRef);
    const archive = firstSeq === undefined ? undefined : this.noted.get(firstSeq);
    if (!archive) {
      this.blame(row.seq, `logs archive ${row.subjectRef}, which oversight.body_archives does not hold`);
      return;
    }
    const data = (JSON.parse(bodyJson) as { data: Record<string, unknown> }).data;
    const differs = FACTS.filter((key) => data[key] !== archive[key]);
    if (data.file !== archive.fileName) differs.push('fileName' as never);
    if (differs.length > 0 || row.seq <= archive.lastSeq || archive.loggedAt !== undefined) {
      this.blame(row.seq, `archive ${archive.fileName} as noted in oversight.body_archives differs from its signed entry (${differs.join(', ') || 'seq'})`);
      return;
    }
    archive.loggedAt = row.seq;
  }

  /** After the last row: every noted archive logged, and named by as many rows as it holds. */
  finish(): void {
    for (const archive of this.noted.values()) {
      if (archive.loggedAt === undefined) this.blame(archive.firstSeq, `archive ${archive.fileName} is not logged by any entry of the record`);
      else if (archive.rows !== archive.entries) {
        this.blame(archive.loggedAt, `archive ${archive.fileName} holds ${archive.entries} bodies by its signed entry, but ${archive.rows} rows name it`);
      }
    }
  }

  private blame(seq: number, detail: string): void {
    if (!this.firstBad || seq < this.firstBad.seq) this.firstBad = { seq, problem: 'changed', detail };
  }
}
