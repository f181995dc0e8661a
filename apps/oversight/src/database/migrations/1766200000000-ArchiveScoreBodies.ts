import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Old score bodies may move to archive files (`tianping audit archive`): the row keeps its seq, chain
 * link and leaf hash, so the Merkle tree, checkpoints and receipts still verify, and names the
 * archive its body went to. The append-only guard allows exactly that one change and nothing else.
 */
export class ArchiveScoreBodies1766200000000 implements MigrationInterface {
  name = 'ArchiveScoreBodies1766200000000';

  async up(q: QueryRunner): Promise<void> {
    // One row per archive file, keyed by its first seq (archives follow one another in seq order).
    // The record's own entry of kind 'archive' (subject_ref = file_name) carries the same facts, signed.
    await q.query(`CREATE TABLE oversight.body_archives (
      first_seq bigint PRIMARY KEY,
      last_seq bigint NOT NULL,
      entries bigint NOT NULL CHECK (entries > 0 AND entries <= last_seq - first_seq + 1),
      file_name text NOT NULL UNIQUE,
      sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      bytes bigint NOT NULL CHECK (bytes > 0),
      recorded_before timestamptz NOT NULL,
      archived_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE TRIGGER body_archives_append_only BEFORE UPDATE OR DELETE ON oversight.body_archives FOR EACH ROW EXECUTE FUNCTION oversight.refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER body_archives_no_truncate BEFORE TRUNCATE ON oversight.body_archives FOR EACH STATEMENT EXECUTE FUNCTION oversight.refuse_change()`,
    );

    await q.query(`ALTER TABLE oversight.audit_entries ALTER COLUMN body_json DROP NOT NULL`);
    await q.query(`ALTER TABLE oversight.audit_entries ADD COLUMN body_archive bigint REFERENCES oversight.body_archives (first_seq)`);
    // NOT VALID, then VALIDATE: a record of years is checked without locking out the writers meanwhile.
    await q.query(
      `ALTER TABLE oversight.audit_entries ADD CONSTRAINT audit_entries_body_or_archive CHECK ((body_json IS NULL) = (body_archive IS NOT NULL)) NOT VALID`,
    );
    await q.query(`ALTER TABLE oversight.audit_entries VALIDATE CONSTRAINT audit_entries_body_or_archive`);

    // Every UPDATE and DELETE is still refused, except this one change to a score entry: its body set
    // to NULL with a reference to a recorded archive whose range covers it, every other column as it was.
    await q.query(`CREATE FUNCTION oversight.guard_audit_entry() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        expected oversight.audit_entries;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.kind = 'score' AND OLD.body_json IS NOT NULL AND OLD.body_archive IS NULL
           AND NEW.body_json IS NULL AND NEW.body_archive IS NOT NULL THEN
          expected := OLD;
          expected.body_json := NULL;
          expected.body_archive := NEW.body_archive;
          IF NEW IS NOT DISTINCT FROM expected AND EXISTS (
            SELECT 1 FROM oversight.body_archives a WHERE a.first_seq = NEW.body_archive AND NEW.seq BETWEEN a.first_seq AND a.last_seq
          ) THEN
            RETURN NEW;
          END IF;
        END IF;
        RAISE EXCEPTION 'oversight.% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`DROP TRIGGER audit_entries_append_only ON oversight.audit_entries`);
    await q.query(
      `CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON oversight.audit_entries FOR EACH ROW EXECUTE FUNCTION oversight.guard_audit_entry()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_entries_append_only ON oversight.audit_entries`);
    await q.query(
      `CREATE TRIGGER audit_entries_append_only BEFORE UPDATE OR DELETE ON oversight.audit_entries FOR EACH ROW EXECUTE FUNCTION oversight.refuse_change()`,
    );
    await q.query(`DROP FUNCTION oversight.guard_audit_entry()`);
    // Fails while any body is archived: those rows cannot go back to a record without archives.
    await q.query(`ALTER TABLE oversight.audit_entries ALTER COLUMN body_json SET NOT NULL`);
    await q.query(`ALTER TABLE oversight.audit_entries DROP CONSTRAINT audit_entries_body_or_archive`);
    await q.query(`ALTER TABLE oversight.audit_entries DROP COLUMN body_archive`);
    await q.query(`DROP TABLE oversight.body_archives`);
  }
}
