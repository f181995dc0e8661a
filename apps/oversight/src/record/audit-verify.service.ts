import { Inject, Injectable } from '@nestjs/common';
import { verifyLog, type FirstBad, type LogVerification, type SignedCheckpoint, type StoredEntry } from '@tianping/audit-log';
import { AuditLogRepository, type LogSnapshot } from './audit-log.repository';
import { AUDIT_LOG_ORIGIN, columnsMatchBody } from './audit-record.util';
import { AuditSigningKey } from './audit-signing-key.provider';
import { checkArchiveFile, type ArchiveFileCheck } from './body-archive-check';
import { ArchiveLedger } from './body-archive-ledger';
import { BodyArchiveRepository, type ArchivedRow, type BodyArchive } from './body-archive.repository';

export interface AuditVerification extends LogVerification {
  /** Rows in the table when verification began. */
  rows: number;
  /** Entries whose body was moved to an archive file: chained and in the signed tree by their leaf hash. */
  bodiesArchived: number;
  /** Of those, bodies not checked against their leaf hash: all of them unless the archive files were given. */
  bodiesUnchecked: number;
  /** Each archive file checked (with --archives DIR): its SHA-256 against the record's, every body against its leaf hash. */
  archives?: ArchiveFileCheck[];
  /** What the table holds at the named seq now (absent when the row was deleted). */
  namedEntry?: { seq: number; kind: string; subjectRef: string | null };
  /** The tree size of the witnessed checkpoint the log was also held to, or null when none was given. */
  witnessedTreeSize: number | null;
}

export type VerifyProgress = (rowsRead: number, rowsTotal: number) => void;

export interface VerifyOptions {
  /** Also check the body archive files kept in this directory. */
  archivesDir?: string;
  /** Called after each archive file checked. */
  onArchive?: (checked: ArchiveFileCheck, done: number, total: number) => void;
}

const ARCHIVED_ROWS_CHUNK = 5000;

/**
 * Recomputes the whole record from PostgreSQL: chain, Merkle tree, every signed checkpoint, and the
 * lookup columns against the hashed bodies. Names the first entry changed, deleted, inserted or moved.
 */
@Injectable()
export class AuditVerifyService {
  constructor(
    private readonly repository: AuditLogRepository,
    private readonly archives: BodyArchiveRepository,
    @Inject(AuditSigningKey) private readonly key: AuditSigningKey,
  ) {}

  /**
   * `witnessed`: the latest checkpoint published outside the database (see CheckpointWitness). The
   * log must reach it and agree with it: rows and checkpoints cut off the end are then found too.
   */
  async verify(onProgress?: VerifyProgress, witnessed: SignedCheckpoint | null = null, options: VerifyOptions = {}): Promise<AuditVerification> {
    const snapshot = await this.repository.openSnapshot();
    try {
      const rows = await snapshot.count();
      const checkpoints = [...(await snapshot.checkpoints()), ...(witnessed ? [witnessed] : [])];
      const archives = await this.archives.all(snapshot.runner);
      const ledger = new ArchiveLedger(archives);
      const columns: { firstMismatch?: FirstBad } = {};
      const result = await verifyLog(this.stream(snapshot, rows, columns, ledger, onProgress), checkpoints, this.key.publicKeyPem, {
        origin: AUDIT_LOG_ORIGIN,
      });
      // Counts only stand once every row was read: a verify stopped early by tampering names that first.
      if (!result.firstBad) ledger.finish();
      const files = options.archivesDir === undefined ? undefined : await this.checkFiles(snapshot, archives, options);
      const firstBad = earliest(earliest(result.firstBad, columns.firstMismatch), ledger.firstBad) ?? unanchored(result);
      const bodiesChecked = files?.reduce((n, f) => n + f.bodiesChecked, 0) ?? 0;
      const verification: AuditVerification = {
        ...result,
        ok: result.ok && !firstBad && (files ?? []).every((f) => f.ok),
        rows,
        bodiesArchived: ledger.archivedRows,
        bodiesUnchecked: ledger.archivedRows - bodiesChecked,
        ...(files ? { archives: files } : {}),
        witnessedTreeSize: witnessed?.treeSize ?? null,
        ...(firstBad ? { firstBad } : {}),
      };
      if (firstBad) {
        const named = await snapshot.entryKind(firstBad.seq);
        if (named) verification.namedEntry = { seq: firstBad.seq, ...named };
      }
      return verification;
    } finally {
      await snapshot.close();
    }
  }

  /** Each archive file in turn, against the rows of the same snapshot that name it. */
  private async checkFiles(snapshot: LogSnapshot, archives: BodyArchive[], options: VerifyOptions): Promise<ArchiveFileCheck[]> {
    const checks: ArchiveFileCheck[] = [];
    const rowsOf = (archive: BodyArchive) => this.archivedRows(snapshot, archive);
    for (const archive of archives) {
      checks.push(await checkArchiveFile(options.archivesDir as string, archive, rowsOf));
      options.onArchive?.(checks[checks.length - 1], checks.length, archives.length);
    }
    return checks;
  }

  private async *archivedRows(snapshot: LogSnapshot, archive: BodyArchive): AsyncGenerator<ArchivedRow[]> {
    let after = -1;
    for (;;) {
      const rows = await this.archives.archivedRows(snapshot.runner, archive, after, ARCHIVED_ROWS_CHUNK);
      if (rows.length === 0) return;
      yield rows;
      after = rows[rows.length - 1].seq;
    }
  }

  private async *stream(
    snapshot: LogSnapshot,
    total: number,
    columns: { firstMismatch?: FirstBad },
    ledger: ArchiveLedger,
    onProgress?: VerifyProgress,
  ): AsyncGenerator<StoredEntry> {
    let position = 0;
    for await (const chunk of snapshot.entries()) {
      for (const row of chunk) {
        ledger.see(row);
        // An archived body's columns are checked against the file, with --archives.
        if (!columns.firstMismatch && row.bodyJson !== null && !columnsMatchBody({ ...row, bodyJson: row.bodyJson })) {
          columns.firstMismatch = {
            seq: row.seq,
            problem: 'changed',
            position,
            detail: 'kind, subject_ref or recorded_at column differs from the logged body',
          };
        }
        position++;
        yield { seq: row.seq, prevHash: row.prevHash, bodyJson: row.bodyJson, leafHash: row.leafHash };
      }
      onProgress?.(position, total);
    }
  }
}

function earliest(a: FirstBad | undefined, b: FirstBad | undefined): FirstBad | undefined {
  if (!a || !b) return a ?? b;
  return b.seq < a.seq ? b : a;
}

/** Every append signs a checkpoint in its own transaction, so rows past the last one were not appended by the service. */
function unanchored(result: LogVerification): FirstBad | undefined {
  if (result.unanchoredEntries === 0) return undefined;
  const seq = result.entries - result.unanchoredEntries;
  return {
    seq,
    problem: 'inserted',
    throughSeq: result.entries - 1,
    detail: `entries ${seq}..${result.entries - 1} are not covered by any signed checkpoint`,
  };
}
