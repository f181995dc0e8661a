import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Audit reports and their publications are never rewritten: the same guard as the record. */
const APPEND_ONLY_TABLES = ['audit_reports', 'audit_report_publications'];

/**
 * The audits' own projections of scoring's, dispatch's and intake's events (oversight reads no other
 * schema), and the audit reports. Projections are keyed by the source's ids so redelivery changes nothing.
 */
export class CreateAlgorithmAudits1764100000000 implements MigrationInterface {
  name = 'CreateAlgorithmAudits1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // One score per enterprise, as-of day and model version (a re-run the same day keeps the newest computation).
    await q.query(`CREATE TABLE oversight.audit_scores (
      credit_code text NOT NULL,
      as_of date NOT NULL,
      model_version text NOT NULL,
      score_id text NOT NULL,
      computed_at timestamptz NOT NULL,
      probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
      colour text NOT NULL,
      factors jsonb NOT NULL,
      PRIMARY KEY (credit_code, as_of, model_version)
    )`);
    await q.query(`CREATE INDEX audit_scores_as_of ON oversight.audit_scores (as_of)`);
    await q.query(`CREATE INDEX audit_scores_model ON oversight.audit_scores (model_version, as_of)`);
    // Group attributes from intake's subject events (no personal data in them).
    await q.query(`CREATE TABLE oversight.audit_enterprises (
      credit_code text PRIMARY KEY,
      industry_code text,
      region_code text,
      employees integer,
      established_on date,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE oversight.audit_draws (
      draw_id text PRIMARY KEY,
      window_from date NOT NULL,
      window_to date NOT NULL,
      model_version text,
      model_suspended boolean NOT NULL,
      exploration_share double precision,
      plan_status text,
      drawn_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE oversight.audit_draw_tasks (
      draw_id text NOT NULL,
      department text NOT NULL,
      credit_code text NOT NULL,
      reason text NOT NULL,
      PRIMARY KEY (draw_id, department, credit_code)
    )`);
    await q.query(`CREATE INDEX audit_draw_tasks_enterprise ON oversight.audit_draw_tasks (credit_code, department)`);
    // A department's part of a visit: the unit whose outcome (violation found or not) is measured.
    await q.query(`CREATE TABLE oversight.audit_inspections (
      visit_id text NOT NULL,
      department text NOT NULL,
      credit_code text NOT NULL,
      date date NOT NULL,
      violation_found boolean NOT NULL,
      recorded_at timestamptz NOT NULL,
      PRIMARY KEY (visit_id, department)
    )`);
    await q.query(`CREATE INDEX audit_inspections_date ON oversight.audit_inspections (date)`);
    await q.query(`CREATE TABLE oversight.audit_model_events (
      event_key text PRIMARY KEY,
      model_version text NOT NULL,
      state text NOT NULL,
      actor text NOT NULL,
      reason text,
      spec_name text NOT NULL,
      training_from date,
      training_to date,
      data_fingerprint text NOT NULL,
      metrics jsonb NOT NULL,
      at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX audit_model_events_version ON oversight.audit_model_events (model_version, at)`);
    await q.query(`CREATE TABLE oversight.audit_colour_policy_events (
      event_key text PRIMARY KEY,
      version text NOT NULL,
      yellow double precision NOT NULL,
      red double precision NOT NULL,
      state text NOT NULL,
      actor text NOT NULL,
      at timestamptz NOT NULL
    )`);
    // body_json is canonical JSON text: its sha256 is what the record holds, so anyone can check a copy.
    await q.query(`CREATE TABLE oversight.audit_reports (
      id uuid PRIMARY KEY,
      trigger text NOT NULL CHECK (trigger IN ('scheduled', 'on-demand')),
      period_from date NOT NULL,
      period_to date NOT NULL,
      requested_by text NOT NULL,
      created_at timestamptz NOT NULL,
      body_json text NOT NULL,
      body_sha256 text NOT NULL,
      audit_seq bigint NOT NULL
    )`);
    // One scheduled report per period, however many oversight processes run the schedule.
    await q.query(`CREATE UNIQUE INDEX audit_reports_scheduled ON oversight.audit_reports (period_from, period_to) WHERE trigger = 'scheduled'`);
    await q.query(`CREATE INDEX audit_reports_created ON oversight.audit_reports (created_at DESC)`);
    await q.query(`CREATE TABLE oversight.audit_report_publications (
      report_id uuid PRIMARY KEY REFERENCES oversight.audit_reports (id),
      published_by text NOT NULL,
      published_at timestamptz NOT NULL,
      audit_seq bigint NOT NULL
    )`);
    for (const table of APPEND_ONLY_TABLES) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON oversight.${table} FOR EACH ROW EXECUTE FUNCTION oversight.refuse_change()`,
      );
      await q.query(`CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON oversight.${table} FOR EACH STATEMENT EXECUTE FUNCTION oversight.refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_report_publications',
      'audit_reports',
      'audit_colour_policy_events',
      'audit_model_events',
      'audit_inspections',
      'audit_draw_tasks',
      'audit_draws',
      'audit_enterprises',
      'audit_scores',
    ]) {
      await q.query(`DROP TABLE oversight.${table}`);
    }
  }
}
