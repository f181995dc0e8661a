import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from './roles';

export interface PersonalDataView {
  id: number;
  username: string;
  role: string;
  creditCode: string;
  route: string;
  shown: 'masked' | 'full';
  at: string;
}

/** The record of who viewed which enterprise's personal data. */
@Injectable()
export class AccessLogRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record(principal: Principal, creditCode: string, route: string, shown: 'masked' | 'full'): Promise<void> {
    await this.dataSource.query(`INSERT INTO web.personal_data_views (account_id, username, role, credit_code, route, shown) VALUES ($1, $2, $3, $4, $5, $6)`, [
      principal.accountId,
      principal.username,
      principal.role,
      creditCode,
      route,
      shown,
    ]);
  }

  /** Newest first, keyset-paged by id. */
  async list(limit: number, beforeId?: number, creditCode?: string, shown?: 'masked' | 'full'): Promise<PersonalDataView[]> {
    return this.dataSource.query(
      `SELECT id::int, username, role, credit_code AS "creditCode", route, shown, at FROM web.personal_data_views
        WHERE ($1::bigint IS NULL OR id < $1) AND ($2::text IS NULL OR credit_code = $2) AND ($4::text IS NULL OR shown = $4)
        ORDER BY id DESC LIMIT $3`,
      [beforeId ?? null, creditCode ?? null, limit, shown ?? null],
    );
  }
}
