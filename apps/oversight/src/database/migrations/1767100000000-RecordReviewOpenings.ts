import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When each reviewer first opened a red score's file to decide it: time to decide is counted from then, not from
 * when the score came in, so a decision made seconds after opening shows as the quick one it was.
 */
export class RecordReviewOpenings1767100000000 implements MigrationInterface {
  name = 'RecordReviewOpenings1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE oversight.review_openings (
      score_id text NOT NULL,
      actor text NOT NULL,
      opened_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (score_id, actor)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oversight.review_openings`);
  }
}
