import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/roles';

export type OperatorAction = 'dead-letter.replay' | 'outbox.resend';

export interface OperatorActionRow {
  id: number;
  username: string;
  action: OperatorAction;
  /** What was acted on: `DEADLETTER#12`, `intake.outbox#5`. */
  target: string;
  subject: string | null;
  detail: Record<string, unknown>;
  at: string;
}

/** Who replayed a dead letter or sent a refused event again, and when. */
@Injectable()
export class OperatorActionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record(principal: Principal, action: OperatorAction, target: string, subject: string | null, detail: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(`INSERT INTO web.operator_actions (account_id, username, action, target, subject, detail) VALUES ($1, $2, $3, $4, $5, $6)`, [
      principal.accountId,
      principal.username,
      action,
      target,
      subject,
      JSON.stringify(detail),
    ]);
  }

  /** Newest first, keyset-paged by id. */
  list(limit: number, beforeId?: number): Promise<OperatorActionRow[]> {
    return this.dataSource.query(
      `SELECT id::int, username, action, target, subject, detail, at FROM web.operator_actions
        WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
      [beforeId ?? null, limit],
    );
  }
}
