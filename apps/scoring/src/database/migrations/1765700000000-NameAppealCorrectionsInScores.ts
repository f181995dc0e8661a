import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which appeal corrections a score's inputs include. Intake marks the batches that apply an appeal's
 * corrections; the projection keeps each such batch (in the transaction that projects its records),
 * and a score reads them in the same snapshot as its factors, so a score names exactly the corrected
 * batches it saw. Both tables stay small: appeals are few, and only their enterprises' scores have a row.
 */
export class NameAppealCorrectionsInScores1765700000000 implements MigrationInterface {
  name = 'NameAppealCorrectionsInScores1765700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.appeal_correction_batches (
      batch_id text PRIMARY KEY,
      appeal_id text NOT NULL,
      credit_code text NOT NULL,
      projected_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX appeal_correction_batches_enterprise ON scoring.appeal_correction_batches (credit_code)`);
    await q.query(`CREATE TABLE scoring.score_correction_batches (
      score_id bigint PRIMARY KEY,
      batch_ids text[] NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE scoring.score_correction_batches`);
    await q.query(`DROP TABLE scoring.appeal_correction_batches`);
  }
}
