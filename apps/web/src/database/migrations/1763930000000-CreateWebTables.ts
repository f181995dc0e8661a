import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateWebTables1763930000000 implements MigrationInterface {
  name = 'CreateWebTables1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS web`);
    // An account is bound to at most one thing: an enterprise (credit code) or a department.
    await q.query(`CREATE TABLE web.accounts (
      id bigserial PRIMARY KEY,
      username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{2,63}$'),
      password_hash text NOT NULL,
      role text NOT NULL CHECK (role IN ('enterprise', 'department', 'dispatcher', 'oversight', 'admin')),
      credit_code text CHECK (credit_code IS NULL OR length(credit_code) = 18),
      department text CHECK (department IS NULL OR department ~ '^[A-Z]{2,10}$'),
      disabled boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((role = 'enterprise') = (credit_code IS NOT NULL)),
      CHECK ((role = 'department') = (department IS NOT NULL))
    )`);
    // Only the SHA-256 of a session token is kept: a stolen table opens no session.
    await q.query(`CREATE TABLE web.sessions (
      token_hash text PRIMARY KEY,
      account_id bigint NOT NULL REFERENCES web.accounts(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX sessions_account ON web.sessions (account_id)`);
    await q.query(`CREATE TABLE web.login_attempts (
      id bigserial PRIMARY KEY,
      username text NOT NULL,
      ip text NOT NULL,
      succeeded boolean NOT NULL,
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX login_attempts_recent ON web.login_attempts (username, ip, at)`);
    // Who looked at which enterprise's personal data, masked or in full.
    await q.query(`CREATE TABLE web.personal_data_views (
      id bigserial PRIMARY KEY,
      account_id bigint NOT NULL REFERENCES web.accounts(id),
      username text NOT NULL,
      role text NOT NULL,
      credit_code text NOT NULL,
      route text NOT NULL,
      shown text NOT NULL CHECK (shown IN ('masked', 'full')),
      at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX personal_data_views_code ON web.personal_data_views (credit_code, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA web CASCADE`);
  }
}
