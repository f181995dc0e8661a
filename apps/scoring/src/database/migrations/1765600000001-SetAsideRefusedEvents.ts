import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxRefusalSql } from '@tianping/messaging';

/** An event NATS will never take (too large) is set aside with its reason instead of holding back every later one. */
export class SetAsideRefusedEvents1765600000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(outboxRefusalSql('scoring'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE scoring.outbox DROP COLUMN refused_at, DROP COLUMN refusal`);
  }
}
