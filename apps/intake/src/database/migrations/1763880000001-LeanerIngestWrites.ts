import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Clue linking moved into memory, so the name and trigram address indexes only slowed every
 * subject write. The outbox keeps events as the JSON text they are published as, so neither the
 * database nor the relay parses and re-serialises them. The clue linker reads subjects by changed_at.
 */
export class LeanerIngestWrites1763880000001 implements MigrationInterface {
  name = 'LeanerIngestWrites1763880000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS intake.subjects_name_key`);
    await q.query(`DROP INDEX IF EXISTS intake.subjects_address_key_trgm`);
    await q.query(`ALTER TABLE intake.outbox ALTER COLUMN payload TYPE text USING payload::text`);
    // The clue linker catches up on subjects by changed_at.
    await q.query(`CREATE INDEX subjects_changed_at ON intake.subjects (changed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.subjects_changed_at`);
    await q.query(`ALTER TABLE intake.outbox ALTER COLUMN payload TYPE jsonb USING payload::jsonb`);
    await q.query(`CREATE INDEX subjects_address_key_trgm ON intake.subjects USING gin (address_key gin_trgm_ops)`);
    await q.query(`CREATE INDEX subjects_name_key ON intake.subjects (name_key)`);
  }
}
