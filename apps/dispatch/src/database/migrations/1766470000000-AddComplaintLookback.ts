import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A verified complaint is planned only if it came in within `complaintLookbackDays` before the
 * window: migrated history sent a first plan's officers to complaints three or four years old. 365
 * matches the model, which counts complaints of the last 12 months (complaints_12m).
 */
export class AddComplaintLookback1766470000000 implements MigrationInterface {
  name = 'AddComplaintLookback1766470000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`INSERT INTO dispatch.policy (key, value) VALUES ('complaintLookbackDays', '365') ON CONFLICT (key) DO NOTHING`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM dispatch.policy WHERE key = 'complaintLookbackDays'`);
  }
}
