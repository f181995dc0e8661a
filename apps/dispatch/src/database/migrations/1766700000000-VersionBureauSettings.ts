import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bureau settings become accountable. Plans, policy keys and checklist items carry a revision, so a
 * save made from an out-of-date page is refused instead of silently overwriting a colleague's; policy
 * keys and checklist items keep who last changed them (plans already do); calendar days keep who
 * changed them and when. Rows from before have no one to name (NULL: the seed or an operator) and,
 * for calendar days, no time either.
 */
export class VersionBureauSettings1766700000000 implements MigrationInterface {
  name = 'VersionBureauSettings1766700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.department_plans ADD COLUMN revision integer NOT NULL DEFAULT 1`);
    await q.query(`ALTER TABLE dispatch.policy ADD COLUMN revision integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE dispatch.checklist_items ADD COLUMN revision integer NOT NULL DEFAULT 1, ADD COLUMN updated_by text`);
    await q.query(`ALTER TABLE dispatch.calendar_days ADD COLUMN updated_by text, ADD COLUMN updated_at timestamptz`);
    await q.query(`ALTER TABLE dispatch.calendar_days ALTER COLUMN updated_at SET DEFAULT now()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.calendar_days DROP COLUMN updated_at, DROP COLUMN updated_by`);
    await q.query(`ALTER TABLE dispatch.checklist_items DROP COLUMN updated_by, DROP COLUMN revision`);
    await q.query(`ALTER TABLE dispatch.policy DROP COLUMN updated_by, DROP COLUMN revision`);
    await q.query(`ALTER TABLE dispatch.department_plans DROP COLUMN revision`);
  }
}
