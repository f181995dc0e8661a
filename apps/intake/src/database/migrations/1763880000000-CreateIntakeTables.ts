import type { MigrationInterface, QueryRunner } from 'typeorm';
import { outboxTableSql } from '@tianping/messaging';

export class CreateIntakeTables1763880000000 implements MigrationInterface {
  name = 'CreateIntakeTables1763880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE SCHEMA IF NOT EXISTS intake`);
    // One file per enterprise (一户一档): the subject row is the file's head; cases and clues hang off it.
    await q.query(`CREATE TABLE intake.subjects (
      credit_code text PRIMARY KEY,
      name text NOT NULL,
      name_key text NOT NULL,
      established_on date NOT NULL,
      registered_capital_wan numeric,
      shareholder_subscribed_wan numeric,
      employees integer,
      industry_code text NOT NULL,
      region_code text NOT NULL,
      address text,
      address_key text,
      lng double precision,
      lat double precision,
      status text NOT NULL,
      abnormal_listed boolean NOT NULL,
      legal_rep_changes_2y integer NOT NULL,
      legal_rep_name_sealed text,
      legal_rep_id_sealed text,
      legal_rep_id_hash text,
      legal_rep_id_masked text,
      updated_at timestamptz NOT NULL,
      fingerprint text NOT NULL,
      first_seen_at timestamptz NOT NULL DEFAULT now(),
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX subjects_name_key ON intake.subjects (name_key)`);
    await q.query(`CREATE INDEX subjects_address_key_trgm ON intake.subjects USING gin (address_key gin_trgm_ops)`);
    await q.query(`CREATE TABLE intake.cases (
      case_no text PRIMARY KEY,
      credit_code text NOT NULL,
      department text NOT NULL,
      kind text NOT NULL,
      origin text NOT NULL,
      date date NOT NULL,
      items text[] NOT NULL,
      result text,
      violation text,
      violation_found boolean NOT NULL,
      penalty_yuan numeric NOT NULL,
      officer_ids text[] NOT NULL,
      updated_at timestamptz NOT NULL,
      fingerprint text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX cases_credit_code ON intake.cases (credit_code, date)`);
    await q.query(`CREATE TABLE intake.officers (
      officer_id text PRIMARY KEY,
      name_sealed text,
      name_masked text,
      department text NOT NULL,
      cert_valid_until date NOT NULL,
      domains text[] NOT NULL,
      region_code text NOT NULL,
      status text NOT NULL,
      fingerprint text NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE intake.clues (
      clue_id text PRIMARY KEY,
      channel text NOT NULL,
      received_at timestamptz NOT NULL,
      credit_code_given text,
      credit_code_valid boolean NOT NULL,
      subject_name text,
      address text,
      category text NOT NULL,
      department text NOT NULL,
      verified boolean,
      status text NOT NULL,
      updated_at timestamptz NOT NULL,
      fingerprint text NOT NULL,
      linked_credit_code text,
      link_method text NOT NULL,
      link_candidates integer NOT NULL DEFAULT 0,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX clues_linked ON intake.clues (linked_credit_code, received_at)`);
    await q.query(`CREATE INDEX clues_unlinked ON intake.clues (clue_id) WHERE linked_credit_code IS NULL`);
    // Rejected records are kept whole (sealed: they may hold personal data) with field-level reasons.
    await q.query(`CREATE TABLE intake.quarantine (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      source text NOT NULL,
      line integer NOT NULL,
      raw_sealed text NOT NULL,
      raw_masked jsonb NOT NULL,
      raw_hash text NOT NULL,
      reasons jsonb NOT NULL,
      status text NOT NULL DEFAULT 'open',
      created_at timestamptz NOT NULL DEFAULT now(),
      resolved_at timestamptz,
      resolution jsonb,
      UNIQUE (kind, raw_hash)
    )`);
    await q.query(`CREATE INDEX quarantine_open ON intake.quarantine (kind, id) WHERE status = 'open'`);
    await q.query(`CREATE TABLE intake.ingest_runs (
      id uuid PRIMARY KEY,
      source text NOT NULL,
      started_at timestamptz NOT NULL DEFAULT now(),
      finished_at timestamptz,
      counts jsonb NOT NULL DEFAULT '{}'
    )`);
    await q.query(outboxTableSql('intake'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA intake CASCADE`);
  }
}
