import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An appeal that corrected records closes on the first score whose inputs include intake's corrected
 * batches (`correction_batches`, from intake's acknowledgement), no longer on the first score
 * computed after the decision. Appeals already waiting when this runs will get no acknowledgement:
 * they keep closing as before (`closes_on_later_score`). Each current score keeps the batches it names.
 */
export class CloseAppealsOnCorrectedInputs1765700000001 implements MigrationInterface {
  name = 'CloseAppealsOnCorrectedInputs1765700000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oversight.appeals ADD COLUMN correction_batches text[]`);
    await q.query(`ALTER TABLE oversight.appeals ADD COLUMN closes_on_later_score boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE oversight.appeals SET closes_on_later_score = true WHERE status = 'awaiting-rescore'`);
    await q.query(`ALTER TABLE oversight.current_scores ADD COLUMN correction_batches text[]`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE oversight.current_scores DROP COLUMN correction_batches`);
    await q.query(`ALTER TABLE oversight.appeals DROP COLUMN closes_on_later_score`);
    await q.query(`ALTER TABLE oversight.appeals DROP COLUMN correction_batches`);
  }
}
