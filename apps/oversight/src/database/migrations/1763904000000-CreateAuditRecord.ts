import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables of the record that must never change once written; the log head is the only mutable row. */
const APPEND_ONLY_TABLES = ['audit_entries', 'merkle_nodes', 'checkpoints', 'recorded_events'];

export class CreateAuditRecord1763904000000 implements MigrationInterface {
  name = 'CreateAuditRecord1763904000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS oversight`);
    // The record (记录): leaf seq of the Merkle tree; body_json is canonical text, hashed as stored.
    await q.query(`CREATE TABLE oversight.audit_entries (
      seq bigint PRIMARY KEY,
      kind text NOT NULL,
      subject_ref text,
      prev_hash text NOT NULL,
      body_json text NOT NULL,
      leaf_hash text NOT NULL,
      recorded_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX audit_entries_subject ON oversight.audit_entries (subject_ref, seq) WHERE subject_ref IS NOT NULL`);
    await q.query(`CREATE INDEX audit_entries_kind ON oversight.audit_entries (kind, seq)`);
    // Perfect subtree roots above the leaves (level >= 1); leaves are audit_entries.leaf_hash.
    await q.query(`CREATE TABLE oversight.merkle_nodes (
      level smallint NOT NULL CHECK (level >= 1),
      index bigint NOT NULL,
      hash text NOT NULL,
      PRIMARY KEY (level, index)
    )`);
    await q.query(`CREATE TABLE oversight.checkpoints (
      tree_size bigint PRIMARY KEY,
      origin text NOT NULL,
      root_hash text NOT NULL,
      "timestamp" text NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL,
      body text NOT NULL
    )`);
    // Idempotency: the natural key of every event already logged (score id, content hash…).
    await q.query(`CREATE TABLE oversight.recorded_events (
      event_key text PRIMARY KEY,
      seq bigint NOT NULL
    )`);
    // One row, locked FOR UPDATE by every append: serialises writers and resumes the tree in O(log n).
    await q.query(`CREATE TABLE oversight.log_head (
      id boolean PRIMARY KEY DEFAULT true CHECK (id),
      tree_size bigint NOT NULL,
      last_leaf_hash text,
      compact_range text[] NOT NULL
    )`);
    await q.query(`INSERT INTO oversight.log_head (tree_size, last_leaf_hash, compact_range) VALUES (0, NULL, '{}')`);
    await q.query(`CREATE FUNCTION oversight.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'oversight.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of APPEND_ONLY_TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON oversight.${table} FOR EACH ROW EXECUTE FUNCTION oversight.refuse_change()`,
      );
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON oversight.${table} FOR EACH STATEMENT EXECUTE FUNCTION oversight.refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA oversight CASCADE`);
  }
}
