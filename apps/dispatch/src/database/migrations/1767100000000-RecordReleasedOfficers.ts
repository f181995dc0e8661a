import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A release that takes a department off a joint visit also takes off the officers brought only for it (the
 * rest still a team covering what is left): kept by certificate number, so the team as drawn can be checked.
 */
export class RecordReleasedOfficers1767100000000 implements MigrationInterface {
  name = 'RecordReleasedOfficers1767100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.follow_up_releases ADD COLUMN officers_removed text[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.follow_up_releases DROP COLUMN officers_removed`);
  }
}
