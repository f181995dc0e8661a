import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The relink pass walks unlinked clues in byte order (`clue_id COLLATE "C"`, the order ingest locks them in).
 * The old partial index was in the database's collation, so each chunk read and sorted every unlinked clue:
 * quadratic over a pass. An index in byte order lets each chunk start where the last one ended.
 */
export class IndexUnlinkedCluesInByteOrder1766100000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.clues_unlinked`);
    await q.query(`CREATE INDEX clues_unlinked ON intake.clues ((clue_id COLLATE "C")) WHERE linked_credit_code IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX intake.clues_unlinked`);
    await q.query(`CREATE INDEX clues_unlinked ON intake.clues (clue_id) WHERE linked_credit_code IS NULL`);
  }
}
