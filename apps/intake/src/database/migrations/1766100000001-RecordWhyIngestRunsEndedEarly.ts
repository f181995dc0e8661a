import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A run whose input failed part-way (a client gone mid-upload) is finished with what it kept and why it ended. */
export class RecordWhyIngestRunsEndedEarly1766100000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.ingest_runs ADD COLUMN failure text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake.ingest_runs DROP COLUMN failure`);
  }
}
