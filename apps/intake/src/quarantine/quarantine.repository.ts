import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface QuarantinedRecord {
  id: number;
  kind: string;
  source: string;
  line: number;
  rawMasked: unknown;
  reasons: unknown;
  status: 'open' | 'replayed' | 'discarded';
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: unknown;
}

const COLUMNS = `id::int, kind, source, line, raw_masked AS "rawMasked", reasons, status, created_at AS "createdAt", resolved_at AS "resolvedAt", resolution`;

@Injectable()
export class QuarantineRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(filter: { kind?: string; status?: string; afterId?: number; limit: number }): Promise<QuarantinedRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.quarantine
        WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2) AND id > $3
        ORDER BY id LIMIT $4`,
      [filter.kind ?? null, filter.status ?? null, filter.afterId ?? 0, filter.limit],
    );
  }

  async countByStatus(): Promise<{ kind: string; status: string; count: number }[]> {
    return this.dataSource.query(`SELECT kind, status, count(*)::int AS count FROM intake.quarantine GROUP BY kind, status ORDER BY kind, status`);
  }

  /** The reasons open records are held for, by kind, field and code, the most common first. */
  async openReasons(limit: number): Promise<{ kind: string; field: string; code: string; count: number }[]> {
    return this.dataSource.query(
      `SELECT q.kind, r->>'field' AS field, r->>'code' AS code, count(DISTINCT q.id)::int AS count
         FROM intake.quarantine q CROSS JOIN LATERAL jsonb_array_elements(q.reasons) r
        WHERE q.status = 'open' AND jsonb_typeof(q.reasons) = 'array'
        GROUP BY 1, 2, 3 ORDER BY count DESC, 1, 2, 3 LIMIT $1`,
      [limit],
    );
  }

  async find(id: number): Promise<QuarantinedRecord | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM intake.quarantine WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The sealed original (or last corrected) record: only the replay path opens it. */
  async sealedRaw(manager: EntityManager, id: number): Promise<{ kind: string; rawSealed: string; status: string; reasons: unknown } | null> {
    const [row] = await manager.query(`SELECT kind, raw_sealed AS "rawSealed", status, reasons FROM intake.quarantine WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async resolve(manager: EntityManager, id: number, status: 'replayed' | 'discarded', resolution: unknown): Promise<void> {
    await manager.query(`UPDATE intake.quarantine SET status = $2, resolved_at = now(), resolution = $3 WHERE id = $1`, [
      id,
      status,
      JSON.stringify(resolution),
    ]);
  }

  /** A correction that still fails: keep the corrected record and its new reasons, still open. */
  async keepCorrected(manager: EntityManager, id: number, rawSealed: string, rawMasked: unknown, reasons: unknown): Promise<void> {
    await manager.query(`UPDATE intake.quarantine SET raw_sealed = $2, raw_masked = $3, reasons = $4 WHERE id = $1`, [
      id,
      rawSealed,
      JSON.stringify(rawMasked),
      JSON.stringify(reasons),
    ]);
  }
}
