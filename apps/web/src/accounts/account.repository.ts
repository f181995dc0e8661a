import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../access/roles';

export interface AccountRow {
  id: number;
  username: string;
  passwordHash: string;
  role: Role;
  creditCode: string | null;
  department: string | null;
  officerId: string | null;
  disabled: boolean;
  createdAt: string;
}

export interface NewAccount {
  username: string;
  passwordHash: string;
  role: Role;
  creditCode: string | null;
  department: string | null;
  officerId: string | null;
}

const COLUMNS = `id::int, username, password_hash AS "passwordHash", role, credit_code AS "creditCode", department, officer_id AS "officerId", disabled, created_at AS "createdAt"`;

@Injectable()
export class AccountRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async byUsername(username: string): Promise<AccountRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM web.accounts WHERE username = $1`, [username]);
    return row ?? null;
  }

  /**
   * Inserts, or when `replace` is set updates the password, role and binding of an existing name and
   * ends its sessions in the same transaction: whoever held the old password or binding holds nothing now.
   */
  async save(account: NewAccount, replace = false): Promise<AccountRow> {
    const conflict = replace
      ? `ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, credit_code = EXCLUDED.credit_code, department = EXCLUDED.department, officer_id = EXCLUDED.officer_id, disabled = false`
      : '';
    return this.dataSource.transaction(async (m) => {
      const [row] = await m.query(
        `INSERT INTO web.accounts (username, password_hash, role, credit_code, department, officer_id) VALUES ($1, $2, $3, $4, $5, $6) ${conflict} RETURNING ${COLUMNS}`,
        [account.username, account.passwordHash, account.role, account.creditCode, account.department, account.officerId],
      );
      if (replace) await m.query(`UPDATE web.sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [row.id]);
      return row;
    });
  }

  async list(limit: number, afterUsername = ''): Promise<AccountRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM web.accounts WHERE username > $1 ORDER BY username LIMIT $2`, [afterUsername, limit]);
  }

  /** Enables a disabled account again (its old sessions stay ended); the account's id, or null if none. */
  async enable(username: string): Promise<number | null> {
    const [rows] = await this.dataSource.query(`UPDATE web.accounts SET disabled = false WHERE username = $1 RETURNING id`, [username]);
    return rows.length === 0 ? null : Number(rows[0].id);
  }

  /** Sets a new password and revokes the account's sessions, atomically; the account's id, or null if none. */
  async setPassword(username: string, passwordHash: string): Promise<number | null> {
    return this.dataSource.transaction(async (m) => {
      const [rows] = await m.query(`UPDATE web.accounts SET password_hash = $2 WHERE username = $1 RETURNING id`, [username, passwordHash]);
      if (rows.length === 0) return null;
      await m.query(`UPDATE web.sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [rows[0].id]);
      return Number(rows[0].id);
    });
  }

  /** Disables the account and revokes its sessions in one statement pair, atomically; the account's id, or null if none. */
  async disable(username: string): Promise<number | null> {
    return this.dataSource.transaction(async (m) => {
      const [rows] = await m.query(`UPDATE web.accounts SET disabled = true WHERE username = $1 RETURNING id`, [username]);
      if (rows.length === 0) return null;
      await m.query(`UPDATE web.sessions SET revoked_at = now() WHERE account_id = $1 AND revoked_at IS NULL`, [rows[0].id]);
      return Number(rows[0].id);
    });
  }
}
