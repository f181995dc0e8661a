import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Department plans are now changed from the plans page by a dispatcher: the plan keeps who last changed
 * it (updated_at already says when). Plans from before have no one to name (NULL: the seed or an operator).
 */
export class RecordPlanEditor1766600000000 implements MigrationInterface {
  name = 'RecordPlanEditor1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.department_plans ADD COLUMN updated_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.department_plans DROP COLUMN updated_by`);
  }
}
