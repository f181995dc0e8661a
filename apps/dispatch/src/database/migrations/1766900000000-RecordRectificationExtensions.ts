import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Extensions of a rectification deadline (延期整改). The visit's `rectify_by` always holds the current
 * deadline (every reader of follow-ups reads it); each extension is kept here: from which day to which,
 * the reason given (may name a person: never logged, never sent in an event), who granted it and when.
 */
export class RecordRectificationExtensions1766900000000 implements MigrationInterface {
  name = 'RecordRectificationExtensions1766900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.rectification_extensions (
      id uuid PRIMARY KEY,
      visit_id uuid NOT NULL REFERENCES dispatch.visits (id),
      from_day date NOT NULL,
      to_day date NOT NULL CHECK (to_day > from_day),
      reason text NOT NULL,
      actor text,
      extended_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX rectification_extensions_visit ON dispatch.rectification_extensions (visit_id, extended_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch.rectification_extensions`);
  }
}
