import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officers' changes carry no version: the INTAKE stream sequence of the change an officer's row holds,
 * so an older change delivered late (retried, redelivered) cannot replace a newer one.
 */
export class OrderOfficerChanges1765700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.officers ADD COLUMN source_seq bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.officers DROP COLUMN source_seq`);
  }
}
