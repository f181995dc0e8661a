import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What administrators did to delivery from the health page: a dead letter replayed, an event NATS
 * had refused sent again. Both change what the other apps receive, so who did it and when is kept,
 * as the quarantine keeps who replayed or discarded a record. An act is written as asked before it
 * is carried out, then given its outcome: one whose outcome never came (the web app stopped
 * mid-way) still says who asked.
 */
export class CreateOperatorActions1765800000000 implements MigrationInterface {
  name = 'CreateOperatorActions1765800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE web.operator_actions (
      id bigserial PRIMARY KEY,
      account_id bigint NOT NULL REFERENCES web.accounts(id),
      username text NOT NULL,
      action text NOT NULL CHECK (action IN ('dead-letter.replay', 'outbox.resend')),
      target text NOT NULL,
      subject text,
      detail jsonb NOT NULL DEFAULT '{}',
      outcome text NOT NULL DEFAULT 'asked' CHECK (outcome IN ('asked', 'done', 'refused', 'failed')),
      at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE web.operator_actions`);
  }
}
