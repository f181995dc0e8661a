import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';

/** A body archive as noted in oversight.body_archives (the record's 'archive' entry says the same, signed). */
export interface BodyArchive {
  firstSeq: number;
  lastSeq: number;
  entries: number;
  fileName: string;
  sha256: string;
  bytes: number;
  /** ISO-8601: the archive took score entries recorded before this instant. */
  recordedBefore: string;
}

/** A score entry still holding its body, as the archive run reads it. */
export interface ScoreBodyRow {
  seq: number;
  prevHash: string;
  bodyJson: string;
  leafHash: string;
  /** Recorded before the cut-off of this run. */
  due: boolean;
}

/** An archived row as the archive check compares it with its line in the file. */
export interface ArchivedRow {
  seq: number;
  kind: string;
  subjectRef: string | null;
  prevHash: string;
  leafHash: string;
  recordedAt: string;
}

const ARCHIVE_COLUMNS = `first_seq AS "firstSeq", last_seq AS "lastSeq", entries, file_name AS "fileName", sha256, bytes,
  to_char(recorded_before AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedBefore"`;

function toArchive(row: BodyArchive & { firstSeq: string | number; lastSeq: string | number; entries: string | number; bytes: string | number }): BodyArchive {
  return { ...row, firstSeq: Number(row.firstSeq), lastSeq: Number(row.lastSeq), entries: Number(row.entries), bytes: Number(row.bytes) };
}

type Queryable = Pick<DataSource | EntityManager | QueryRunner, 'query'>;

/**
 * An enterprise's latest score entry keeps its body: it is the score the enterprise sees, appeals and asks
 * a receipt for, so that receipt, an appeal's review and a replay never need an archive file.
 */
const REPLACED = `EXISTS (SELECT 1 FROM oversight.audit_entries later
                      WHERE later.subject_ref = e.subject_ref AND later.kind = 'score' AND later.seq > e.seq)`;

/**
 * A score a person still has to act on keeps its body too, latest or not: the enterprise's current score as
 * the reviews hold it (a re-score as of an earlier day, logged later, does not replace it), a score whose
 * colour waits for a person's confirmation, and the score of an appeal not closed yet (filed, in review,
 * or decided and awaiting its re-score), whose facts the reviewer judges.
 */
const HELD = `EXISTS (SELECT 1 FROM (SELECT c.score_id FROM oversight.current_scores c WHERE c.credit_code = e.subject_ref
                      UNION ALL SELECT a.score_id FROM oversight.appeals a
                                 WHERE a.credit_code = e.subject_ref AND a.status IN ('filed', 'in-review', 'awaiting-rescore')
                      UNION ALL SELECT d.score_id FROM oversight.colour_decisions d WHERE d.credit_code = e.subject_ref AND d.status = 'pending') held
                 JOIN oversight.recorded_events r ON r.event_key = 'score:' || held.score_id WHERE r.seq = e.seq)`;

/** What a run may take: score entries replaced by a later score and held for no one. */
const ARCHIVABLE = `e.kind = 'score' AND ${REPLACED} AND NOT ${HELD}`;

/**
 * The HELD check makes the planner's estimate of a chunk huge, past jit_above_cost, and compiling the
 * query then took 1.2 s a chunk where running it took 0.15 s (measured on 200,000 entries): off for
 * the queries that use it, in their transaction.
 */
async function withoutJit<T>(manager: EntityManager, query: () => Promise<T>): Promise<T> {
  await manager.query(`SET LOCAL jit = off`);
  return query();
}

/** The queries of archiving score bodies out of the record (oversight.body_archives and the rows it covers). */
@Injectable()
export class BodyArchiveRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(body);
  }

  /**
   * Fresh statistics before a run: without them (a record just restored, or grown since autovacuum last
   * looked) the planner checks "replaced by a later score" through the kind index, reading every score
   * entry for each one taken (6 s for a 5,000-entry chunk of 20,000; hours for a million).
   */
  async analyze(): Promise<void> {
    await this.dataSource.query(`ANALYZE oversight.audit_entries`);
  }

  /** Entries in the record now: rows appended after this are not considered by a run. */
  async treeSize(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT tree_size AS n FROM oversight.log_head`);
    return Number(row.n);
  }

  async all(db: Queryable = this.dataSource): Promise<BodyArchive[]> {
    const rows = await db.query(`SELECT ${ARCHIVE_COLUMNS} FROM oversight.body_archives ORDER BY first_seq`);
    return rows.map(toArchive);
  }

  /** The archive reaching furthest into the record: runs continue after it (one that took bodies left behind starts earlier). */
  async last(db: Queryable = this.dataSource): Promise<BodyArchive | null> {
    const [row] = await db.query(`SELECT ${ARCHIVE_COLUMNS} FROM oversight.body_archives ORDER BY last_seq DESC, first_seq DESC LIMIT 1`);
    return row ? toArchive(row) : null;
  }

  async byFirstSeq(firstSeq: number): Promise<BodyArchive | null> {
    const [row] = await this.dataSource.query(`SELECT ${ARCHIVE_COLUMNS} FROM oversight.body_archives WHERE first_seq = $1`, [firstSeq]);
    return row ? toArchive(row) : null;
  }

  /** seq of the record's entry that logged the archive of this file. */
  async entrySeq(fileName: string): Promise<number | null> {
    const [row] = await this.dataSource.query(`SELECT seq FROM oversight.audit_entries WHERE kind = 'archive' AND subject_ref = $1 ORDER BY seq LIMIT 1`, [
      fileName,
    ]);
    return row ? Number(row.seq) : null;
  }

  /**
   * Score entries after `after` and below `below` that a later score of the same enterprise has replaced and
   * no one holds (see HELD), in seq order, with whether each is before the cut-off.
   */
  async scoreBodies(after: number, below: number, recordedBefore: Date, limit: number): Promise<ScoreBodyRow[]> {
    const rows = await this.dataSource.transaction((m) =>
      withoutJit(m, () =>
        m.query(
          `SELECT seq, prev_hash AS "prevHash", body_json AS "bodyJson", leaf_hash AS "leafHash", recorded_at < $3 AS due
             FROM oversight.audit_entries e WHERE seq > $1 AND seq < $2 AND ${ARCHIVABLE} ORDER BY seq LIMIT $4`,
          [after, below, recordedBefore, limit],
        ),
      ),
    );
    return rows.map((r: ScoreBodyRow & { seq: string }) => ({ ...r, seq: Number(r.seq) }));
  }

  /**
   * Score entries up to `upTo` (the end of the last archive) that earlier runs left with their body, because
   * a person still needed them or they were the latest then, and that are now replaced and held for no one:
   * in seq order, `limit` after `after`. They go into the next run's file, ahead of its new range.
   */
  async leftBehind(after: number, upTo: number, recordedBefore: Date, limit: number): Promise<ScoreBodyRow[]> {
    const rows = await this.dataSource.transaction((m) =>
      withoutJit(m, () =>
        m.query(
          `SELECT seq, prev_hash AS "prevHash", body_json AS "bodyJson", leaf_hash AS "leafHash", true AS due
             FROM oversight.audit_entries e
            WHERE seq > $1 AND seq <= $2 AND body_json IS NOT NULL AND recorded_at < $3 AND ${ARCHIVABLE} ORDER BY seq LIMIT $4`,
          [after, upTo, recordedBefore, limit],
        ),
      ),
    );
    return rows.map((r: ScoreBodyRow & { seq: string }) => ({ ...r, seq: Number(r.seq) }));
  }

  /**
   * An upper bound of what a run will archive, for its progress bar: the held scores are counted too
   * (few, and checking them over the whole range took 4.5 s where this takes 0.7, at 200,000 entries).
   */
  async countDue(after: number, below: number, recordedBefore: Date): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::bigint AS n FROM oversight.audit_entries e
        WHERE kind = 'score' AND recorded_at < $3 AND ${REPLACED} AND (seq > $1 AND seq < $2 OR seq <= $1 AND body_json IS NOT NULL)`,
      [after, below, recordedBefore],
    );
    return Number(row.n);
  }

  /** Archive runs one at a time: held until the transaction ends. */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE oversight.body_archives IN EXCLUSIVE MODE`);
  }

  async insert(manager: EntityManager, archive: BodyArchive): Promise<void> {
    await manager.query(
      `INSERT INTO oversight.body_archives (first_seq, last_seq, entries, file_name, sha256, bytes, recorded_before) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [archive.firstSeq, archive.lastSeq, archive.entries, archive.fileName, archive.sha256, archive.bytes, archive.recordedBefore],
    );
  }

  /**
   * Sets the bodies of these score entries (the file's lines) to NULL with a reference to the archive; how
   * many. One held since the file was written (an appeal filed meanwhile) is left, and the count says so.
   */
  async markArchived(manager: EntityManager, archiveFirstSeq: number, seqs: number[]): Promise<number> {
    const [row] = await withoutJit(manager, () =>
      manager.query(
        `WITH done AS (UPDATE oversight.audit_entries e SET body_json = NULL, body_archive = $1
                        WHERE body_json IS NOT NULL AND seq = ANY($2::bigint[]) AND ${ARCHIVABLE} RETURNING 1)
         SELECT count(*)::bigint AS n FROM done`,
        [archiveFirstSeq, seqs],
      ),
    );
    return Number(row.n);
  }

  /** The rows whose body went to this archive, in seq order, `limit` after `after`. */
  async archivedRows(db: Queryable, archive: BodyArchive, after: number, limit: number): Promise<ArchivedRow[]> {
    const rows = await db.query(
      `SELECT seq, kind, subject_ref AS "subjectRef", prev_hash AS "prevHash", leaf_hash AS "leafHash",
              to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"
         FROM oversight.audit_entries WHERE body_archive = $1 AND seq > $2 AND seq BETWEEN $3 AND $4 ORDER BY seq LIMIT $5`,
      [archive.firstSeq, after, archive.firstSeq, archive.lastSeq, limit],
    );
    return rows.map((r: ArchivedRow & { seq: string }) => ({ ...r, seq: Number(r.seq) }));
  }
}
