import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { BodyArchiveRef, PerfectNode, SignedCheckpoint } from '@tianping/audit-log';

export interface LogHead {
  treeSize: number;
  lastLeafHash: string | null;
  compactRange: string[];
}

/** Which entries a page lists: by kind or subject, and where it starts. */
export interface EntryFilter {
  after?: number;
  before?: number;
  order?: 'oldest' | 'newest';
  limit: number;
  kind?: string;
  subjectRef?: string;
}

export interface EntryRow {
  seq: number;
  kind: string;
  subjectRef: string | null;
  prevHash: string;
  /** null once the body was moved to an archive file (a score entry only): see bodyArchive. */
  bodyJson: string | null;
  leafHash: string;
  /** ISO-8601 with milliseconds, exactly as written into the body. */
  recordedAt: string;
  /** first_seq of the body archive the body went to, or null while the body is here. */
  bodyArchive?: number | null;
  /** That archive's file name (given by entry and listEntries). */
  bodyArchiveFile?: string | null;
}

export interface NodeRef {
  level: number;
  index: number;
}

const ISO = `to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ENTRY_COLUMNS = `seq, kind, subject_ref AS "subjectRef", prev_hash AS "prevHash", body_json AS "bodyJson", leaf_hash AS "leafHash", ${ISO} AS "recordedAt", body_archive AS "bodyArchive"`;
/** Entries with the file name of the archive an archived body went to. */
const ENTRIES_WITH_ARCHIVE = `(SELECT e.*, a.file_name AS body_archive_file FROM oversight.audit_entries e LEFT JOIN oversight.body_archives a ON a.first_seq = e.body_archive) AS entries`;
const CHECKPOINT_COLUMNS = `origin, tree_size AS "treeSize", root_hash AS "rootHash", "timestamp", key_id AS "keyId", signature`;

function toEntry(row: EntryRow & { seq: string | number; bodyArchive?: string | number | null }): EntryRow {
  return { ...row, seq: Number(row.seq), bodyArchive: row.bodyArchive === null || row.bodyArchive === undefined ? null : Number(row.bodyArchive) };
}

function toCheckpoint(row: SignedCheckpoint & { treeSize: string | number }): SignedCheckpoint {
  return { origin: row.origin, treeSize: Number(row.treeSize), rootHash: row.rootHash, timestamp: row.timestamp, keyId: row.keyId, signature: row.signature };
}

/** The only place that queries the record's tables. */
@Injectable()
export class AuditLogRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(body);
  }

  /** Locks the head row until the caller's transaction ends: appends happen one writer at a time. */
  async lockHead(manager: EntityManager): Promise<LogHead> {
    const [row] = await manager.query(
      `SELECT tree_size AS "treeSize", last_leaf_hash AS "lastLeafHash", compact_range AS "compactRange" FROM oversight.log_head FOR UPDATE`,
    );
    return { treeSize: Number(row.treeSize), lastLeafHash: row.lastLeafHash, compactRange: row.compactRange };
  }

  async updateHead(manager: EntityManager, head: LogHead): Promise<void> {
    await manager.query(`UPDATE oversight.log_head SET tree_size = $1, last_leaf_hash = $2, compact_range = $3`, [
      head.treeSize,
      head.lastLeafHash,
      head.compactRange,
    ]);
  }

  async knownEventKeys(manager: EntityManager, keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows: { key: string }[] = await manager.query(`SELECT event_key AS key FROM oversight.recorded_events WHERE event_key = ANY($1::text[])`, [keys]);
    return new Set(rows.map((r) => r.key));
  }

  /** One statement per batch: arrays unnested server-side, not a round trip per entry. */
  async insertEntries(manager: EntityManager, rows: EntryRow[]): Promise<void> {
    await manager.query(
      `INSERT INTO oversight.audit_entries (seq, kind, subject_ref, prev_hash, body_json, leaf_hash, recorded_at)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[])`,
      [
        rows.map((r) => r.seq),
        rows.map((r) => r.kind),
        rows.map((r) => r.subjectRef),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.bodyJson),
        rows.map((r) => r.leafHash),
        rows.map((r) => r.recordedAt),
      ],
    );
  }

  async insertEventKeys(manager: EntityManager, keyed: { key: string; seq: number }[]): Promise<void> {
    if (keyed.length === 0) return;
    await manager.query(`INSERT INTO oversight.recorded_events (event_key, seq) SELECT * FROM unnest($1::text[], $2::bigint[])`, [
      keyed.map((k) => k.key),
      keyed.map((k) => k.seq),
    ]);
  }

  async insertNodes(manager: EntityManager, nodes: PerfectNode[]): Promise<void> {
    if (nodes.length === 0) return;
    await manager.query(`INSERT INTO oversight.merkle_nodes (level, index, hash) SELECT * FROM unnest($1::smallint[], $2::bigint[], $3::text[])`, [
      nodes.map((n) => n.level),
      nodes.map((n) => n.index),
      nodes.map((n) => n.hash.toString('hex')),
    ]);
  }

  async insertCheckpoint(manager: EntityManager, checkpoint: SignedCheckpoint, body: string): Promise<void> {
    await manager.query(
      `INSERT INTO oversight.checkpoints (tree_size, origin, root_hash, "timestamp", key_id, signature, body) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [checkpoint.treeSize, checkpoint.origin, checkpoint.rootHash, checkpoint.timestamp, checkpoint.keyId, checkpoint.signature, body],
    );
  }

  /** A page of entries by seq: on from `after`, or with `newest`, back from `before` (the latest first). */
  async listEntries(filter: EntryFilter): Promise<EntryRow[]> {
    const newest = filter.order === 'newest';
    const rows = await this.dataSource.query(
      `SELECT ${ENTRY_COLUMNS}, body_archive_file AS "bodyArchiveFile" FROM ${ENTRIES_WITH_ARCHIVE}
        WHERE ${newest ? 'seq < $1' : 'seq > $1'} AND ($2::text IS NULL OR kind = $2) AND ($3::text IS NULL OR subject_ref = $3)
        ORDER BY seq ${newest ? 'DESC' : 'ASC'} LIMIT $4`,
      [newest ? (filter.before ?? Number.MAX_SAFE_INTEGER) : (filter.after ?? -1), filter.kind ?? null, filter.subjectRef ?? null, filter.limit],
    );
    return rows.map(toEntry);
  }

  async entry(seq: number): Promise<EntryRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${ENTRY_COLUMNS}, body_archive_file AS "bodyArchiveFile" FROM ${ENTRIES_WITH_ARCHIVE} WHERE seq = $1`, [
      seq,
    ]);
    return row ? toEntry(row) : null;
  }

  /** The file an archived body went to, its SHA-256, and the seq of the record's entry that logged it. */
  async bodyArchive(firstSeq: number): Promise<BodyArchiveRef | null> {
    const [row] = await this.dataSource.query(
      `SELECT e.seq, a.file_name AS file, a.sha256 FROM oversight.body_archives a
         JOIN oversight.audit_entries e ON e.kind = 'archive' AND e.subject_ref = a.file_name WHERE a.first_seq = $1 ORDER BY e.seq LIMIT 1`,
      [firstSeq],
    );
    return row ? { seq: Number(row.seq), file: row.file, sha256: row.sha256 } : null;
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | null> {
    const [row] = await this.dataSource.query(`SELECT ${CHECKPOINT_COLUMNS} FROM oversight.checkpoints ORDER BY tree_size DESC LIMIT 1`);
    return row ? toCheckpoint(row) : null;
  }

  async checkpointAt(treeSize: number): Promise<SignedCheckpoint | null> {
    const [row] = await this.dataSource.query(`SELECT ${CHECKPOINT_COLUMNS} FROM oversight.checkpoints WHERE tree_size = $1`, [treeSize]);
    return row ? toCheckpoint(row) : null;
  }

  /** Leaf hashes (level 0) and stored subtree roots, keyed "level/index". */
  async nodeHashes(refs: NodeRef[]): Promise<Map<string, string>> {
    const leaves = refs.filter((r) => r.level === 0).map((r) => r.index);
    const inner = refs.filter((r) => r.level > 0);
    const found = new Map<string, string>();
    if (leaves.length > 0) {
      const rows: { seq: string; hash: string }[] = await this.dataSource.query(
        `SELECT seq, leaf_hash AS hash FROM oversight.audit_entries WHERE seq = ANY($1::bigint[])`,
        [leaves],
      );
      for (const row of rows) found.set(`0/${row.seq}`, row.hash);
    }
    if (inner.length > 0) {
      const rows: { level: number; index: string; hash: string }[] = await this.dataSource.query(
        `SELECT n.level, n.index, n.hash FROM oversight.merkle_nodes n JOIN unnest($1::smallint[], $2::bigint[]) AS w(level, index) USING (level, index)`,
        [inner.map((r) => r.level), inner.map((r) => r.index)],
      );
      for (const row of rows) found.set(`${row.level}/${row.index}`, row.hash);
    }
    return found;
  }

  /** A read-only, repeatable-read view: entries and checkpoints as of one instant, for verification. */
  async openSnapshot(): Promise<LogSnapshot> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    await runner.query('SET TRANSACTION READ ONLY');
    return new LogSnapshot(runner);
  }
}

/** Streams the log from a server-side cursor: memory stays flat however long the log is. */
export class LogSnapshot {
  /** The snapshot's connection, for reads that must see the same instant (the body archives). */
  constructor(readonly runner: QueryRunner) {}

  async count(): Promise<number> {
    const [row] = await this.runner.query(`SELECT count(*)::bigint AS n FROM oversight.audit_entries`);
    return Number(row.n);
  }

  async checkpoints(): Promise<SignedCheckpoint[]> {
    const rows = await this.runner.query(`SELECT ${CHECKPOINT_COLUMNS} FROM oversight.checkpoints ORDER BY tree_size`);
    return rows.map(toCheckpoint);
  }

  /** Rows ORDER BY seq in chunks; the next chunk is fetched while the current one is verified. */
  async *entries(chunkSize = 5000): AsyncGenerator<EntryRow[]> {
    await this.runner.query(`DECLARE audit_rows NO SCROLL CURSOR FOR SELECT ${ENTRY_COLUMNS} FROM oversight.audit_entries ORDER BY seq`);
    const fetch = (): Promise<EntryRow[]> => this.runner.query(`FETCH ${chunkSize} FROM audit_rows`);
    let next = fetch();
    for (;;) {
      const rows = await next;
      if (rows.length === 0) return;
      next = fetch();
      // A reader that stops early (tampering found) leaves this fetch behind; close() waits for it.
      next.catch(() => undefined);
      yield rows.map(toEntry);
    }
  }

  async entryKind(seq: number): Promise<{ kind: string; subjectRef: string | null } | null> {
    const [row] = await this.runner.query(`SELECT kind, subject_ref AS "subjectRef" FROM oversight.audit_entries WHERE seq = $1 LIMIT 1`, [seq]);
    return row ?? null;
  }

  async close(): Promise<void> {
    await this.runner.rollbackTransaction().catch(() => undefined);
    await this.runner.release();
  }
}
