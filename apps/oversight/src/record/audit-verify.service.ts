import { Inject, Injectable } from '@nestjs/common';
import { verifyLog, type FirstBad, type LogVerification, type SignedCheckpoint, type StoredEntry } from '@tianping/audit-log';
import { AuditLogRepository, type LogSnapshot } from './audit-log.repository';
import { AUDIT_LOG_ORIGIN, columnsMatchBody } from './audit-record.util';
import { AuditSigningKey } from './audit-signing-key.provider';

export interface AuditVerification extends LogVerification {
  /** Rows in the table when verification began. */
  rows: number;
  /** What the table holds at the named seq now (absent when the row was deleted). */
  namedEntry?: { seq: number; kind: string; subjectRef: string | null };
  /** The tree size of the witnessed checkpoint the log was also held to, or null when none was given. */
  witnessedTreeSize: number | null;
}

export type VerifyProgress = (rowsRead: number, rowsTotal: number) => void;

/**
 * Recomputes the whole record from PostgreSQL: chain, Merkle tree, every signed checkpoint, and the
 * lookup columns against the hashed bodies. Names the first entry changed, deleted, inserted or moved.
 */
@Injectable()
export class AuditVerifyService {
  constructor(
    private readonly repository: AuditLogRepository,
    @Inject(AuditSigningKey) private readonly key: AuditSigningKey,
  ) {}

  /**
   * `witnessed`: the latest checkpoint published outside the database (see CheckpointWitness). The
   * log must reach it and agree with it: rows and checkpoints cut off the end are then found too.
   */
  async verify(onProgress?: VerifyProgress, witnessed: SignedCheckpoint | null = null): Promise<AuditVerification> {
    const snapshot = await this.repository.openSnapshot();
    try {
      const rows = await snapshot.count();
      const checkpoints = [...(await snapshot.checkpoints()), ...(witnessed ? [witnessed] : [])];
      const columns: { firstMismatch?: FirstBad } = {};
      const result = await verifyLog(this.stream(snapshot, rows, columns, onProgress), checkpoints, this.key.publicKeyPem, { origin: AUDIT_LOG_ORIGIN });
      const firstBad = earliest(result.firstBad, columns.firstMismatch) ?? unanchored(result);
      const verification: AuditVerification = {
        ...result,
        ok: result.ok && !firstBad,
        rows,
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

  private async *stream(snapshot: LogSnapshot, total: number, columns: { firstMismatch?: FirstBad }, onProgress?: VerifyProgress): AsyncGenerator<StoredEntry> {
    let position = 0;
    for await (const chunk of snapshot.entries()) {
      for (const row of chunk) {
        if (!columns.firstMismatch && !columnsMatchBody(row)) {
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
