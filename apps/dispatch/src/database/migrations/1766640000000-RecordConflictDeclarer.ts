import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who declared a conflict of interest (回避): the signed-in account the web app names. Declarations
 * made before this (operators over the API) keep null: nobody recorded who made them.
 */
export class RecordConflictDeclarer1766640000000 implements MigrationInterface {
  name = 'RecordConflictDeclarer1766640000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.conflicts ADD COLUMN declared_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.conflicts DROP COLUMN declared_by`);
  }
}
