import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export const QUARANTINE_STATUSES = ['open', 'replayed', 'discarded', 'superseded'] as const;
export type QuarantineStatus = (typeof QUARANTINE_STATUSES)[number];

/** What came in together: one load (run), or every load of one source; exactly one of the two. */
export interface QuarantineSelector {
  runId?: string;
  source?: string;
}

/** Open records by the load that brought them: what can be discarded at once. */
export interface OpenRun {
  runId: string;
  kind: string;
  source: string;
  startedAt: Date | null;
  count: number;
  /** The open copies of other loads the run closed as superseded; null while it runs, or for a run no longer recorded. */
  superseded: number | null;
}

export interface QuarantinedRecord {
  id: number;
  kind: string;
  source: string;
  line: number;
  rawMasked: unknown;
  reasons: unknown;
  status: QuarantineStatus;
  /** The load that brought it (intake.ingest_runs); null for one held before loads were recorded here. */
  runId: string | null;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: unknown;
}

const COLUMNS = `id::int, kind, source, line, run_id AS "runId", raw_masked AS "rawMasked", reasons, status, created_at AS "createdAt", resolved_at AS "resolvedAt", resolution`;

@Injectable()
export class QuarantineRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async list(filter: { kind?: string; status?: string; runId?: string; afterId?: number; limit: number }): Promise<QuarantinedRecord[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM intake.quarantine
        WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR status = $2) AND ($5::uuid IS NULL OR run_id = $5) AND id > $3
        ORDER BY id LIMIT $4`,
      [filter.kind ?? null, filter.status ?? null, filter.afterId ?? 0, filter.limit, filter.runId ?? null],
    );
  }

  /** The loads with the most open records, each with its source and kind. */
  async openRuns(limit: number): Promise<OpenRun[]> {
    return this.dataSource.query(
      `SELECT o.run_id AS "runId", o.kind, o.source, r.started_at AS "startedAt", o.count, (r.counts->>'superseded')::int AS superseded
         FROM (SELECT run_id, min(kind) AS kind, min(source) AS source, count(*)::int AS count FROM intake.quarantine
                WHERE status = 'open' AND run_id IS NOT NULL GROUP BY run_id) o
         LEFT JOIN intake.ingest_runs r ON r.id = o.run_id
        ORDER BY o.count DESC, r.started_at DESC NULLS LAST LIMIT $1`,
      [limit],
    );
  }

  /** Discards every open record of one load (or source) in one statement; returns how many. */
  async discardAll(manager: EntityManager, selector: QuarantineSelector, resolution: unknown): Promise<number> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, discarded]: [unknown[], number] = await manager.query(
      `UPDATE intake.quarantine SET status = 'discarded', resolved_at = now(), resolution = $3
        WHERE status = 'open' AND ($1::uuid IS NOT NULL OR $2::text IS NOT NULL)
          AND ($1::uuid IS NULL OR run_id = $1) AND ($2::text IS NULL OR source = $2)`,
      [selector.runId ?? null, selector.source ?? null, JSON.stringify(resolution)],
    );
    return discarded;
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
  async sealedRaw(manager: EntityManager, id: number): Promise<{ kind: string; source: string; rawSealed: string; status: string; reasons: unknown } | null> {
    const [row] = await manager.query(`SELECT kind, source, raw_sealed AS "rawSealed", status, reasons FROM intake.quarantine WHERE id = $1 FOR UPDATE`, [id]);
    return row ?? null;
  }

  async resolve(manager: EntityManager, id: number, status: 'replayed' | 'discarded', resolution: unknown): Promise<void> {
    await manager.query(`UPDATE intake.quarantine SET status = $2, resolved_at = now(), resolution = $3 WHERE id = $1`, [
      id,
      status,
      JSON.stringify(resolution),
    ]);
  }

  /** A correction that still fails: keep the corrected record and its new reasons, still open, as a version of the record it now names. */
  async keepCorrected(
    manager: EntityManager,
    id: number,
    held: { rawSealed: string; rawMasked: unknown; reasons: unknown; key: string | null; updatedAt: Date | null },
  ): Promise<void> {
    await manager.query(`UPDATE intake.quarantine SET raw_sealed = $2, raw_masked = $3, reasons = $4, record_key = $5, held_updated_at = $6 WHERE id = $1`, [
      id,
      held.rawSealed,
      JSON.stringify(held.rawMasked),
      JSON.stringify(held.reasons),
      held.key,
      held.updatedAt,
    ]);
  }
}
