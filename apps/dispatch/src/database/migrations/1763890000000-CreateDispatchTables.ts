import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@tianping/messaging';
import { DEFAULT_DEPARTMENT_PLANS, DEFAULT_POLICY, HOLIDAYS_2025 } from '../seed-defaults';

export class CreateDispatchTables1763890000000 implements MigrationInterface {
  name = 'CreateDispatchTables1763890000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS dispatch`);
    await this.createProjections(q);
    await this.createSettings(q);
    await this.createPlans(q);
    await q.query(outboxTableSql('dispatch'));
    await this.seed(q);
  }

  /** Read models fed by other apps' events; dispatch never reads their tables. */
  private async createProjections(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.enterprises (
      credit_code text PRIMARY KEY,
      industry_code text NOT NULL,
      region_code text NOT NULL,
      lng double precision,
      lat double precision,
      status text NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE dispatch.officers (
      officer_id text PRIMARY KEY,
      department text NOT NULL,
      domains text[] NOT NULL,
      cert_valid_until date NOT NULL,
      region_code text NOT NULL,
      status text NOT NULL,
      -- Dispatch's own setting, never overwritten by intake's events; null = the policy default.
      daily_capacity integer CHECK (daily_capacity > 0),
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE dispatch.prior_inspections (
      case_no text PRIMARY KEY,
      credit_code text NOT NULL,
      department text NOT NULL,
      kind text NOT NULL,
      date date NOT NULL,
      officer_ids text[] NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX prior_inspections_date ON dispatch.prior_inspections (date)`);
    await q.query(`CREATE TABLE dispatch.complaints (
      clue_id text PRIMARY KEY,
      credit_code text,
      department text NOT NULL,
      verified boolean,
      status text NOT NULL,
      received_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      served_by_draw_id uuid
    )`);
    await q.query(`CREATE TABLE dispatch.scores (
      credit_code text PRIMARY KEY,
      colour text NOT NULL CHECK (colour IN ('red', 'yellow', 'green')),
      model_version text NOT NULL,
      score_id text NOT NULL,
      as_of timestamptz NOT NULL,
      computed_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE TABLE dispatch.model_state (
      id integer PRIMARY KEY CHECK (id = 1),
      suspended boolean NOT NULL,
      actor text NOT NULL,
      reason text NOT NULL,
      at timestamptz NOT NULL
    )`);
  }

  private async createSettings(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.department_plans (
      department text PRIMARY KEY,
      annual_ratios jsonb NOT NULL,
      uniform_annual_ratio double precision NOT NULL CHECK (uniform_annual_ratio BETWEEN 0 AND 1),
      annual_cap_per_enterprise integer NOT NULL CHECK (annual_cap_per_enterprise >= 0),
      checklist text[] NOT NULL,
      exemptions text[] NOT NULL DEFAULT '{}',
      supervised_sections text[],
      coordinated boolean NOT NULL DEFAULT true,
      advance_notice boolean NOT NULL DEFAULT true,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE dispatch.policy (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE dispatch.conflicts (
      officer_id text NOT NULL,
      credit_code text NOT NULL,
      reason text,
      declared_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (officer_id, credit_code)
    )`);
    // Holidays (节假日) and make-up workdays (调休); other days follow Mon–Fri.
    await q.query(`CREATE TABLE dispatch.calendar_days (
      date date PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
      name text
    )`);
  }

  private async createPlans(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE dispatch.draws (
      id uuid PRIMARY KEY,
      seed text NOT NULL,
      window_from date NOT NULL,
      window_to date NOT NULL,
      status text NOT NULL CHECK (status IN ('published', 'rejected', 'superseded')),
      suspended boolean NOT NULL,
      model_version text,
      exploration_share double precision NOT NULL,
      inputs_fingerprint text NOT NULL,
      result_fingerprint text NOT NULL,
      inputs_gz bytea NOT NULL,
      tasks jsonb NOT NULL,
      strata jsonb NOT NULL,
      unassigned jsonb NOT NULL,
      figures jsonb NOT NULL,
      checker text NOT NULL,
      violation_count integer NOT NULL,
      violations jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX draws_window ON dispatch.draws (window_from, window_to) WHERE status = 'published'`);
    await q.query(`CREATE TABLE dispatch.routes (
      draw_id uuid NOT NULL REFERENCES dispatch.draws (id),
      route_key text NOT NULL,
      date date NOT NULL,
      region_code text NOT NULL,
      officer_ids text[] NOT NULL,
      distance_km double precision NOT NULL,
      PRIMARY KEY (draw_id, route_key)
    )`);
    await q.query(`CREATE TABLE dispatch.visits (
      id uuid PRIMARY KEY,
      draw_id uuid NOT NULL REFERENCES dispatch.draws (id),
      credit_code text NOT NULL,
      region_code text NOT NULL,
      date date NOT NULL,
      departments text[] NOT NULL,
      task_ids text[] NOT NULL,
      reasons text[] NOT NULL,
      clue_ids text[] NOT NULL,
      checklist jsonb NOT NULL,
      exploration boolean NOT NULL,
      route_key text NOT NULL,
      route_order integer NOT NULL,
      notice_allowed boolean NOT NULL,
      status text NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'done', 'cancelled')),
      results jsonb,
      recorded_at timestamptz
    )`);
    await q.query(`CREATE INDEX visits_date ON dispatch.visits (date, region_code)`);
    await q.query(`CREATE INDEX visits_enterprise ON dispatch.visits (credit_code, date)`);
    await q.query(`CREATE INDEX visits_draw ON dispatch.visits (draw_id)`);
    await q.query(`CREATE TABLE dispatch.visit_officers (
      visit_id uuid NOT NULL REFERENCES dispatch.visits (id),
      officer_id text NOT NULL,
      PRIMARY KEY (visit_id, officer_id)
    )`);
    await q.query(`CREATE INDEX visit_officers_officer ON dispatch.visit_officers (officer_id)`);
    await q.query(`CREATE TABLE dispatch.visit_ratings (
      visit_id uuid PRIMARY KEY REFERENCES dispatch.visits (id),
      stars integer NOT NULL CHECK (stars BETWEEN 1 AND 5),
      comment text,
      rated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  private async seed(q: QueryRunner): Promise<void> {
    for (const p of DEFAULT_DEPARTMENT_PLANS) {
      await q.query(
        `INSERT INTO dispatch.department_plans (department, annual_ratios, uniform_annual_ratio, annual_cap_per_enterprise, checklist, supervised_sections)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [p.department, JSON.stringify(p.annualRatios), p.uniformAnnualRatio, p.annualCapPerEnterprise, p.checklist, p.supervisedSections],
      );
    }
    for (const [key, value] of Object.entries(DEFAULT_POLICY)) {
      await q.query(`INSERT INTO dispatch.policy (key, value) VALUES ($1, $2)`, [key, JSON.stringify(value)]);
    }
    await q.query(`INSERT INTO dispatch.model_state (id, suspended, actor, reason, at) VALUES (1, false, 'system', 'initial state', 'epoch')`);
    for (const d of HOLIDAYS_2025) {
      await q.query(`INSERT INTO dispatch.calendar_days (date, kind, name) VALUES ($1, $2, $3)`, [d.date, d.kind, d.name]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA dispatch CASCADE`);
  }
}
