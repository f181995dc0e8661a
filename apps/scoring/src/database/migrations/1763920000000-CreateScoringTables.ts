import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ScoringSubjects } from '@tianping/contracts';
import { outboxTableSql } from '@tianping/messaging';
import { DEFAULT_COLOUR_POLICY, defaultColourPolicyEvent } from '../seed-defaults';

export class CreateScoringTables1763920000000 implements MigrationInterface {
  name = 'CreateScoringTables1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS scoring`);
    await this.createProjections(q);
    await this.createRegistry(q);
    await this.createScores(q);
    await q.query(outboxTableSql('scoring'));
    await this.seed(q);
  }

  /** Read models fed by intake's events (no personal data arrives); scoring never reads intake's tables. */
  private async createProjections(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.subjects (
      credit_code text PRIMARY KEY,
      established_on date,
      registered_capital_wan double precision,
      shareholder_subscribed_wan double precision,
      employees integer,
      industry_code text,
      region_code text,
      address_key text,
      status text NOT NULL,
      abnormal_listed boolean,
      legal_rep_changes_2y integer,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX subjects_address ON scoring.subjects (address_key) WHERE address_key IS NOT NULL`);
    // 检查 (inspection) and 处罚 (penalty) cases; officer ids are kept only for the nuisance term.
    await q.query(`CREATE TABLE scoring.cases (
      case_no text PRIMARY KEY,
      credit_code text NOT NULL,
      kind text NOT NULL,
      department text NOT NULL,
      date date NOT NULL,
      violation_found boolean NOT NULL,
      officer_ids text[] NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX cases_enterprise ON scoring.cases (credit_code, date)`);
    await q.query(`CREATE TABLE scoring.clues (
      clue_id text PRIMARY KEY,
      credit_code text,
      received_at timestamptz NOT NULL,
      verified boolean,
      updated_at timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX clues_enterprise ON scoring.clues (credit_code, received_at) WHERE credit_code IS NOT NULL`);
    // Enterprises whose inputs changed since their last score; the re-scoring loop drains it.
    await q.query(`CREATE TABLE scoring.dirty_enterprises (credit_code text PRIMARY KEY, marked_at timestamptz NOT NULL DEFAULT now())`);
  }

  private async createRegistry(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.model_versions (
      version text PRIMARY KEY,
      spec_id text NOT NULL,
      spec jsonb NOT NULL,
      state text NOT NULL CHECK (state IN ('draft', 'approved', 'active', 'retired')),
      training_from date NOT NULL,
      training_to date NOT NULL,
      data_fingerprint text NOT NULL,
      metrics jsonb NOT NULL,
      model jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      state_changed_by text NOT NULL,
      state_changed_at timestamptz NOT NULL DEFAULT now(),
      state_reason text
    )`);
    // At most one active model: the database refuses a second.
    await q.query(`CREATE UNIQUE INDEX model_versions_one_active ON scoring.model_versions ((true)) WHERE state = 'active'`);
    await q.query(`CREATE TABLE scoring.model_events (
      id bigserial PRIMARY KEY,
      version text NOT NULL REFERENCES scoring.model_versions(version),
      from_state text,
      to_state text NOT NULL,
      actor text NOT NULL,
      reason text,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE scoring.colour_policies (
      version text PRIMARY KEY,
      yellow double precision NOT NULL,
      red double precision NOT NULL,
      state text NOT NULL CHECK (state IN ('proposed', 'approved', 'active', 'retired')),
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      state_changed_by text NOT NULL,
      state_changed_at timestamptz NOT NULL DEFAULT now(),
      CHECK (0 < yellow AND yellow < red AND red < 1)
    )`);
    await q.query(`CREATE UNIQUE INDEX colour_policies_one_active ON scoring.colour_policies ((true)) WHERE state = 'active'`);
  }

  /**
   * Scores are stored compactly: contributions as float8[] and factor values as a jsonb array, both
   * in the model's factor order; reasons and suggestions are rendered from the model on read. Each
   * history row is also its own outbox entry (published_at), so a million explanations are not
   * copied into the outbox table before they are published.
   */
  private async createScores(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE scoring.score_runs (
      id bigserial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('all', 'changes')),
      as_of date NOT NULL,
      model_version text NOT NULL REFERENCES scoring.model_versions(version),
      policy_version text NOT NULL REFERENCES scoring.colour_policies(version),
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      enterprises integer NOT NULL DEFAULT 0
    )`);
    await q.query(`CREATE TABLE scoring.score_history (
      id bigserial PRIMARY KEY,
      run_id bigint NOT NULL REFERENCES scoring.score_runs(id),
      credit_code text NOT NULL,
      as_of date NOT NULL,
      probability double precision NOT NULL,
      logit double precision NOT NULL,
      colour smallint NOT NULL,
      contributions double precision[] NOT NULL,
      factor_values jsonb NOT NULL,
      computed_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
    await q.query(`CREATE INDEX score_history_enterprise ON scoring.score_history (credit_code, id)`);
    await q.query(`CREATE INDEX score_history_unpublished ON scoring.score_history (id) WHERE published_at IS NULL`);
    await q.query(`CREATE TABLE scoring.current_scores (
      credit_code text PRIMARY KEY,
      score_id bigint NOT NULL,
      run_id bigint NOT NULL,
      as_of date NOT NULL,
      probability double precision NOT NULL,
      colour smallint NOT NULL
    )`);
    await q.query(`CREATE INDEX current_scores_colour ON scoring.current_scores (colour, credit_code)`);
  }

  private async seed(q: QueryRunner): Promise<void> {
    const p = DEFAULT_COLOUR_POLICY;
    await q.query(
      `INSERT INTO scoring.colour_policies (version, yellow, red, state, created_by, state_changed_by) VALUES ($1, $2, $3, 'active', 'migration', 'migration')`,
      [p.version, p.thresholds.yellow, p.thresholds.red],
    );
    // The seeded policy is announced like any other, so oversight's record holds it.
    await q.query(`INSERT INTO scoring.outbox (subject, payload) VALUES ($1, $2)`, [
      ScoringSubjects.colourPolicyChanged,
      JSON.stringify(defaultColourPolicyEvent(new Date().toISOString())),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA scoring CASCADE`);
  }
}
