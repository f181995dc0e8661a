import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A department officer's account may name the officer's certificate number (执法证号), so the pages
 * can show that officer their own visits. Only department accounts carry one.
 */
export class BindOfficerAccounts1765400000000 implements MigrationInterface {
  name = 'BindOfficerAccounts1765400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web.accounts
      ADD COLUMN officer_id text CHECK (officer_id IS NULL OR (length(officer_id) BETWEEN 1 AND 64 AND officer_id !~ '\\s')),
      ADD CONSTRAINT accounts_officer_is_department CHECK (officer_id IS NULL OR role = 'department')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE web.accounts DROP CONSTRAINT accounts_officer_is_department, DROP COLUMN officer_id`);
  }
}
