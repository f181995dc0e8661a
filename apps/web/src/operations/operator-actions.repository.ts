import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/roles';

export type OperatorAction = 'dead-letter.replay' | 'outbox.resend';
/** `asked` until the app answers: `done`, `refused` (it said no: gone, not set aside), `failed` (no answer, or an error). */
export type ActionOutcome = 'asked' | 'done' | 'refused' | 'failed';

export interface OperatorActionRow {
  id: number;
  username: string;
  action: OperatorAction;
  /** What was acted on: `DEADLETTER#12`, `intake.outbox#5`. */
  target: string;
  subject: string | null;
  detail: Record<string, unknown>;
  outcome: ActionOutcome;
  at: string;
}

/** Who replayed a dead letter or sent a refused event again, and when. */
@Injectable()
export class OperatorActionsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Writes the act as asked, before it is carried out; returns its id for `settle`. */
  async ask(principal: Principal, action: OperatorAction, target: string, detail: Record<string, unknown>): Promise<number> {
    const [row] = await this.dataSource.query(
      `INSERT INTO web.operator_actions (account_id, username, action, target, detail) VALUES ($1, $2, $3, $4, $5) RETURNING id::int AS id`,
      [principal.accountId, principal.username, action, target, JSON.stringify(detail)],
    );
    return row.id;
  }

  /** The act's outcome, with what the app said of it. */
  async settle(id: number, outcome: Exclude<ActionOutcome, 'asked'>, subject: string | null, detail: Record<string, unknown>): Promise<void> {
    await this.dataSource.query(`UPDATE web.operator_actions SET outcome = $2, subject = $3, detail = detail || $4::jsonb WHERE id = $1`, [
      id,
      outcome,
      subject,
      JSON.stringify(detail),
    ]);
  }

  /** Newest first, keyset-paged by id. */
  list(limit: number, beforeId?: number): Promise<OperatorActionRow[]> {
    return this.dataSource.query(
      `SELECT id::int, username, action, target, subject, detail, outcome, at FROM web.operator_actions
        WHERE ($1::bigint IS NULL OR id < $1) ORDER BY id DESC LIMIT $2`,
      [beforeId ?? null, limit],
    );
  }
}
