import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-ins are slowed after many failures from one address over all names (password spraying), which
 * counts an address's recent attempts on every sign-in: an index by address and time keeps that a
 * lookup, not a scan of every attempt ever made.
 */
export class IndexSignInAttemptsByAddress1766000000000 implements MigrationInterface {
  name = 'IndexSignInAttemptsByAddress1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX login_attempts_by_address ON web.login_attempts (ip, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX web.login_attempts_by_address`);
  }
}
