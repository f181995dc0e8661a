import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Corrections of input records decided on appeal. Kept for good: intake applies them to the record
 * and to every later version of it, so a re-export never undoes an appeal decision.
 */
export class CreateRecordCorrections1764400000000 implements MigrationInterface {
  name = 'CreateRecordCorrections1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake.record_corrections (
      id bigserial PRIMARY KEY,
      appeal_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('clue', 'case')),
      record_id text NOT NULL,
      credit_code text NOT NULL,
      action text NOT NULL CHECK (action IN ('unlink', 'mark-false', 'revoke')),
      actor text NOT NULL,
      at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('applied', 'not-applicable')),
      reason text,
      received_at timestamptz NOT NULL DEFAULT now(),
      -- A redelivered decision applies nothing twice.
      UNIQUE (appeal_id, kind, record_id, action)
    )`);
    // Every ingest batch looks up the corrections of its records by key.
    await q.query(`CREATE INDEX record_corrections_applied ON intake.record_corrections (kind, record_id) WHERE status = 'applied'`);
    await q.query(`CREATE INDEX record_corrections_enterprise ON intake.record_corrections (credit_code) WHERE status = 'applied'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake.record_corrections`);
  }
}
