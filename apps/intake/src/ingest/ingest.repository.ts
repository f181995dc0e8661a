import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
}

const sqlCache = new Map<TableSpec, string>();

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
      `INSERT INTO intake.quarantine (kind, source, line, raw_sealed, raw_masked, raw_hash, reasons)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::text[], $7::jsonb[])
       ON CONFLICT (kind, raw_hash) DO NOTHING RETURNING id`,
      [
        rows.map((r) => r.kind),
        rows.map((r) => r.source),
        rows.map((r) => r.line),
        rows.map((r) => r.rawSealed),
        rows.map((r) => JSON.stringify(r.rawMasked)),
        rows.map((r) => r.rawHash),
        rows.map((r) => JSON.stringify(r.reasons)),
      ],
    );
    return inserted.length;
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
