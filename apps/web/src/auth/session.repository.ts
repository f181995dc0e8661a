import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/roles';
import type { RecentFailures } from './sign-in-pace.util';

/** Sessions and login attempts: the only place that reads or writes them. */
@Injectable()
export class SessionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Opens a session if the account still has the password hash that was checked and is not disabled:
   * a password replaced or an account disabled while the sign-in was being checked opens nothing.
   * FOR SHARE waits for such a change in progress and then reads the account as it left it.
   */
  async create(tokenHash: string, accountId: number, checkedPasswordHash: string, expiresAt: Date): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO web.sessions (token_hash, account_id, expires_at)
       SELECT $1, id, $3 FROM web.accounts WHERE id = $2 AND password_hash = $4 AND NOT disabled FOR SHARE
       RETURNING account_id`,
      [tokenHash, accountId, expiresAt, checkedPasswordHash],
    );
    return rows.length === 1;
  }

  /** The account behind a live session: not expired, not revoked, account not disabled. */
  async principal(tokenHash: string): Promise<(Principal & { expiresAt: string }) | null> {
    const [row] = await this.dataSource.query(
      `SELECT a.id::int AS "accountId", a.username, a.role, a.credit_code AS "creditCode", a.department, a.officer_id AS "officerId", s.expires_at AS "expiresAt"
         FROM web.sessions s JOIN web.accounts a ON a.id = s.account_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND NOT a.disabled`,
      [tokenHash],
    );
    return row ?? null;
  }

  async revoke(tokenHash: string): Promise<void> {
    await this.dataSource.query(`UPDATE web.sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
  }

  /** Deletes sign-in attempts, and sessions that ended (expired or signed out), older than `days`. */
  async forgetOlderThan(days: number): Promise<{ sessions: number; attempts: number }> {
    const [, sessions] = await this.dataSource.query(
      `DELETE FROM web.sessions WHERE LEAST(COALESCE(revoked_at, expires_at), expires_at) < now() - make_interval(days => $1)`,
      [days],
    );
    const [, attempts] = await this.dataSource.query(`DELETE FROM web.login_attempts WHERE at < now() - make_interval(days => $1)`, [days]);
    return { sessions, attempts };
  }

  /**
   * A sign-in attempt, written before the password is checked and counted as failed until it succeeds:
   * attempts made at the same moment then see each other, so a burst cannot pass the limit together.
   */
  async startAttempt(username: string, ip: string): Promise<number> {
    const [row] = await this.dataSource.query(`INSERT INTO web.login_attempts (username, ip, succeeded) VALUES ($1, $2, false) RETURNING id::int`, [
      username,
      ip,
    ]);
    return row.id;
  }

  async attemptSucceeded(id: number): Promise<void> {
    await this.dataSource.query(`UPDATE web.login_attempts SET succeeded = true WHERE id = $1`, [id]);
  }

  /** An attempt refused for the limit, before its password was checked: it is not a guess, so it does not count. */
  async withdrawAttempt(id: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM web.login_attempts WHERE id = $1`, [id]);
  }

  /**
   * Failed attempts (and those still being checked) for this name from any address, or from this address
   * for any name, within the window, the given attempt left out; and how long ago the latest was, by the
   * database's clock (the one that stamped them).
   */
  async failuresAcross(by: 'username' | 'ip', value: string, windowSeconds: number, exceptId: number): Promise<RecentFailures> {
    const column = by === 'username' ? 'username' : 'ip';
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS failures, extract(epoch FROM clock_timestamp() - max(at))::float8 AS "secondsSinceLatest"
         FROM web.login_attempts WHERE ${column} = $1 AND NOT succeeded AND at > now() - make_interval(secs => $2) AND id <> $3`,
      [value, windowSeconds, exceptId],
    );
    return { failures: row.failures, secondsSinceLatest: row.secondsSinceLatest === null ? null : Math.max(0, row.secondsSinceLatest) };
  }

  /** Failed attempts (and those still being checked) for this name from this address within the window, since the last success. */
  async recentFailures(username: string, ip: string, windowSeconds: number): Promise<{ failures: number; oldestAt: string | null }> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS failures, min(at) AS "oldestAt" FROM web.login_attempts f
        WHERE f.username = $1 AND f.ip = $2 AND NOT f.succeeded AND f.at > now() - make_interval(secs => $3)
          AND f.at > COALESCE((SELECT max(s.at) FROM web.login_attempts s WHERE s.username = $1 AND s.ip = $2 AND s.succeeded), '-infinity')`,
      [username, ip, windowSeconds],
    );
    return row;
  }
}
