import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Officers' changes carry no version: when intake's stream stored the change an officer's row holds
 * (ns since the epoch), so an older change delivered late (retried, redelivered) cannot replace a
 * newer one. The server's clock, not the stream sequence, which starts again if the stream is recreated.
 */
export class OrderOfficerChanges1765700000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.officers ADD COLUMN source_published_ns bigint`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.officers DROP COLUMN source_published_ns`);
  }
}
