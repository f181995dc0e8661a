import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Follow-up inspections (整改复查). A visit that orders rectification (责令整改) keeps its deadline
 * (`rectify_by`); intake's cases keep their `result`, so a platform's own order to rectify is followed up
 * too; a planned visit keeps the follow-ups it carries (which inspection, its day, its deadline, per
 * department), which is also how a follow-up counts as planned. The policy gains the default deadline
 * (`rectificationDays`, 30), how soon after it the re-inspection is due (`followUpWithinDays`, 15), and how
 * far back a deadline may lie and still be followed up (`followUpLookbackDays`, 365: the cases loaded when
 * the system starts are history beyond it, not open work).
 */
export class RecordRectificationFollowUps1766850000000 implements MigrationInterface {
  name = 'RecordRectificationFollowUps1766850000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.visits ADD COLUMN rectify_by date, ADD COLUMN follow_ups jsonb NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE dispatch.prior_inspections ADD COLUMN result text`);
    // Only the orders to rectify are read as follow-ups: a small part of the cases.
    await q.query(`CREATE INDEX prior_inspections_rectify ON dispatch.prior_inspections (date) WHERE result = '责令整改' AND kind = '检查'`);
    // Whether an enterprise was inspected again by a department on or after a day.
    await q.query(`CREATE INDEX prior_inspections_enterprise ON dispatch.prior_inspections (credit_code, department, date)`);
    await q.query(
      `INSERT INTO dispatch.policy (key, value) VALUES ('rectificationDays', '30'), ('followUpWithinDays', '15'), ('followUpLookbackDays', '365') ON CONFLICT (key) DO NOTHING`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM dispatch.policy WHERE key IN ('rectificationDays', 'followUpWithinDays', 'followUpLookbackDays')`);
    await q.query(`DROP INDEX dispatch.prior_inspections_enterprise`);
    await q.query(`DROP INDEX dispatch.prior_inspections_rectify`);
    await q.query(`ALTER TABLE dispatch.prior_inspections DROP COLUMN result`);
    await q.query(`ALTER TABLE dispatch.visits DROP COLUMN follow_ups, DROP COLUMN rectify_by`);
  }
}
