import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@tianping/messaging';

export class CreateKillSwitch1763990000000 implements MigrationInterface {
  name = 'CreateKillSwitch1763990000000';

  async up(q: QueryRunner): Promise<void> {
    // Oversight's events (the kill switch first) are written here in the same transaction as their cause.
    await q.query(outboxTableSql('oversight'));
    // Every suspension and resumption of the active model; the last row is the current state.
    await q.query(`CREATE TABLE oversight.model_suspensions (
      id bigserial PRIMARY KEY,
      suspended boolean NOT NULL,
      actor text NOT NULL,
      reason text NOT NULL CHECK (length(reason) >= 5),
      at timestamptz NOT NULL,
      audit_seq bigint NOT NULL
    )`);
    // History of who stopped or restarted the model: never rewritten (same guard as the record).
    await q.query(
      `CREATE TRIGGER model_suspensions_append_only BEFORE UPDATE OR DELETE ON oversight.model_suspensions FOR EACH ROW EXECUTE FUNCTION oversight.refuse_change()`,
    );
    await q.query(
      `CREATE TRIGGER model_suspensions_no_truncate BEFORE TRUNCATE ON oversight.model_suspensions FOR EACH STATEMENT EXECUTE FUNCTION oversight.refuse_change()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE oversight.model_suspensions`);
    await q.query(`DROP TABLE oversight.outbox`);
  }
}
