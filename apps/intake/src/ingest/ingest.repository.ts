import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { textArrayBinary, timestamptzArrayBinary } from '@tianping/database';
import { enqueueEvent } from '@tianping/messaging';
import { INTAKE_SCHEMA } from '../database/intake.data-source';
import {
  judgedAgainst,
  splitIntoRounds,
  toColumnParams,
  upsertSql,
  VERDICT_LETTERS,
  type Row,
  type StoredVersion,
  type TableSpec,
  type UpsertOutcome,
} from './record-tables';

export interface QuarantineRow {
  kind: string;
  source: string;
  line: number;
  rawSealed: string;
  rawMasked: unknown;
  rawHash: string;
  reasons: unknown;
  /** Which record it is a version of, and the update time it carries (heldVersionOf); the load that brought it. */
  recordKey: string | null;
  heldUpdatedAt: Date | null;
  runId: string | null;
}

/** The versions a batch stored (inserted, updated, or found identical), and where they came from. */
export interface StoredVersions {
  kind: string;
  keys: string[];
  /** Index for index with `keys`; null for officers, whose exports carry no update time. */
  updatedAts: (Date | null)[];
  source: string;
  runId: string | null;
  /** A copy being replayed: resolved by its replay, not superseded by it. */
  replayOf: number | null;
}

const sqlCache = new Map<TableSpec, string>();

const SUPERSEDE_SQL = `WITH t AS (
    SELECT q.id, v.updated_at FROM unnest($2::text[], $3::timestamptz[]) AS v(key, updated_at)
      JOIN intake.quarantine q ON q.record_key = v.key
     WHERE EXISTS (SELECT 1 FROM intake.quarantine WHERE kind = $1 AND status = 'open' AND record_key IS NOT NULL)
       AND q.kind = $1 AND q.status = 'open' AND q.id <> $5
       AND CASE WHEN q.held_updated_at IS NULL OR v.updated_at IS NULL THEN q.created_at < now()
                WHEN q.reasons @> '[{"field": "updated_at", "code": "conflict"}]' THEN v.updated_at > q.held_updated_at
                ELSE v.updated_at >= q.held_updated_at END
     FOR UPDATE OF q SKIP LOCKED)
  UPDATE intake.quarantine q SET status = 'superseded', resolved_at = now(),
         resolution = jsonb_build_object('supersededBy', $4::jsonb || jsonb_strip_nulls(jsonb_build_object('updatedAt', to_char(t.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))))
    FROM t WHERE q.id = t.id`;

/** The only place intake's ingest path writes: bulk, set-based, inside the caller's transaction. */
@Injectable()
export class IngestRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Upserts rows (in arrival order) and returns each row's outcome, index for index. */
  async upsert(manager: EntityManager, spec: TableSpec, rows: Row[]): Promise<UpsertOutcome[]> {
    const outcomes = new Array<UpsertOutcome>(rows.length);
    const indexed = rows.map((row, index) => ({ row, index }));
    const sql = sqlCache.get(spec) ?? sqlCache.set(spec, upsertSql(spec)).get(spec)!;
    for (const round of splitIntoRounds(indexed, (r) => String(r.row[spec.key]))) {
      const [{ verdicts: letters }]: { verdicts: string }[] = await manager.query(
        sql,
        toColumnParams(
          spec,
          round.map((r) => r.row),
        ),
      );
      const verdicts = Array.from(letters ?? '', (letter) => VERDICT_LETTERS[letter]);
      if (verdicts.length !== round.length) throw new Error(`upsert into ${spec.table} returned ${verdicts.length} verdicts for ${round.length} rows`);
      const raced = round.filter((_, i) => verdicts[i] === 'raced');
      const current = raced.length
        ? await this.storedVersions(
            manager,
            spec,
            raced.map((r) => String(r.row[spec.key])),
          )
        : new Map<string, StoredVersion>();
      round.forEach((r, i) => {
        const verdict = verdicts[i];
        outcomes[r.index] = verdict !== 'raced' ? verdict : judgedAgainst(spec, r.row, current.get(String(r.row[spec.key])));
      });
    }
    return outcomes;
  }

  /** The stored versions, read anew: a later statement sees what other transactions committed meanwhile. */
  private async storedVersions(manager: EntityManager, spec: TableSpec, keys: string[]): Promise<Map<string, StoredVersion>> {
    const rows: ({ key: string } & StoredVersion)[] = await manager.query(
      `SELECT ${spec.key} AS key, fingerprint, ${spec.versioned ? 'updated_at' : 'NULL::timestamptz'} AS "updatedAt" FROM ${spec.table} WHERE ${spec.key} = ANY($1::text[])`,
      [keys],
    );
    return new Map(rows.map(({ key, ...version }) => [key, version]));
  }

  /** Keeps rejected records; a record already in quarantine is not added twice. Returns how many were new. */
  async quarantine(manager: EntityManager, rows: QuarantineRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO intake.quarantine (kind, source, line, raw_sealed, raw_masked, raw_hash, reasons, record_key, held_updated_at, run_id)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::text[], $7::jsonb[], $8::text[], $9::timestamptz[], $10::uuid[])
       ON CONFLICT (kind, raw_hash) DO NOTHING RETURNING id`,
      [
        rows.map((r) => r.kind),
        rows.map((r) => r.source),
        rows.map((r) => r.line),
        rows.map((r) => r.rawSealed),
        rows.map((r) => JSON.stringify(r.rawMasked)),
        rows.map((r) => r.rawHash),
        rows.map((r) => JSON.stringify(r.reasons)),
        rows.map((r) => r.recordKey),
        rows.map((r) => r.heldUpdatedAt),
        rows.map((r) => r.runId),
      ],
    );
    return inserted.length;
  }

  /**
   * Closes the open copies the stored versions supersede, in one statement: the same record (kind and key)
   * held with an update time the stored one equals or passes; a same-time conflict only by a strictly newer
   * one (equal is the very version it was held against); a copy whose update time could not be read (and an
   * officer's) by any version stored after it was held, that is by a later transaction. The gate first:
   * with no open copy of the kind keyed, nothing is joined. A copy another transaction holds locked (being
   * replayed or discarded) is skipped, not waited for: that transaction resolves it.
   */
  async supersede(manager: EntityManager, stored: StoredVersions): Promise<number> {
    if (stored.keys.length === 0) return 0;
    // TypeORM answers an UPDATE with [rows, affected].
    const [, closed]: [unknown[], number] = await manager.query(SUPERSEDE_SQL, [
      stored.kind,
      // In binary, as the upsert's columns: pg's own conversion of 5,000 keys and dates costs the main thread.
      textArrayBinary(stored.keys),
      timestamptzArrayBinary(stored.updatedAts),
      JSON.stringify({ source: stored.source, ...(stored.runId ? { runId: stored.runId } : {}) }),
      stored.replayOf ?? 0,
    ]);
    return closed;
  }

  async enqueue(manager: EntityManager, subject: string, payload: unknown): Promise<void> {
    await enqueueEvent(manager, INTAKE_SCHEMA, subject, payload);
  }

  async startRun(manager: EntityManager, id: string, source: string): Promise<void> {
    await manager.query(`INSERT INTO intake.ingest_runs (id, source) VALUES ($1, $2)`, [id, source]);
  }

  /** The newest runs; a run still reading has no counts yet (null), not the empty ones it was started with. */
  async recentRuns(limit: number): Promise<unknown[]> {
    return this.dataSource.query(
      `SELECT id, source, started_at AS "startedAt", finished_at AS "finishedAt", CASE WHEN finished_at IS NOT NULL THEN counts END AS counts, failure
         FROM intake.ingest_runs ORDER BY started_at DESC LIMIT $1`,
      [limit],
    );
  }

  /** `failure` says why a run ended before its input did; null when it read its input to the end. */
  async finishRun(manager: EntityManager, id: string, counts: unknown, failure: string | null = null): Promise<void> {
    await manager.query(`UPDATE intake.ingest_runs SET finished_at = now(), counts = $2, failure = $3 WHERE id = $1`, [id, JSON.stringify(counts), failure]);
  }
}
