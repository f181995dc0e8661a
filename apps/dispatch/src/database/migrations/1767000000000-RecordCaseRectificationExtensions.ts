import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions of the deadline of a platform case's order to rectify (延期整改): the platform exports no
 * deadline, so the case's day + the policy's days holds until the latest extension here moves it. Keyed by
 * the case number (intake's, no foreign key: the case row is a projection intake may resend); the reason
 * may name a person: never logged, never sent in an event.
 */
export class RecordCaseRectificationExtensions1767000000000 implements MigrationInterface {
  name = 'RecordCaseRectificationExtensions1767000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.case_rectification_extensions (
      id uuid PRIMARY KEY,
      case_no text NOT NULL,
      credit_code text NOT NULL,
      department text NOT NULL,
      from_day date NOT NULL,
      to_day date NOT NULL CHECK (to_day > from_day),
      reason text NOT NULL,
      actor text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX case_rectification_extensions_case ON dispatch.case_rectification_extensions (case_no, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.case_rectification_extensions`);
  }
}
