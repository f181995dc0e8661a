import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An event NATS will never take (too large) is set aside with its reason instead of holding back every later one. */
export class SetAsideRefusedEvents1765600000002 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.outbox ADD COLUMN refused_at timestamptz, ADD COLUMN refusal text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch.outbox DROP COLUMN refused_at, DROP COLUMN refusal`);
  }
}
