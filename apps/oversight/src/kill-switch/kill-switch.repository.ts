import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface SuspensionChange {
  id: number;
  suspended: boolean;
  actor: string;
  reason: string;
  /** ISO-8601 with milliseconds: the `at` dispatch receives, so it orders changes the same way. */
  at: string;
  /** The record entry that logged this change. */
  auditSeq: number;
}

const ISO = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const COLUMNS = `id, suspended, actor, reason, ${ISO} AS at, audit_seq AS "auditSeq"`;

function toChange(row: SuspensionChange & { id: string | number; auditSeq: string | number }): SuspensionChange {
  return { ...row, id: Number(row.id), auditSeq: Number(row.auditSeq) };
}

/** The only place that queries the kill switch's table. */
@Injectable()
export class KillSwitchRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  transaction<T>(body: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(body);
  }

  /**
   * Blocks other suspend/resume acts (not readers) until the caller's transaction ends, so two
   * officers pressing "suspend" at once give one suspension and one 409.
   */
  async lock(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE oversight.model_suspensions IN EXCLUSIVE MODE`);
  }

  async latest(manager?: EntityManager): Promise<SuspensionChange | null> {
    const [row] = await (manager ?? this.dataSource).query(`SELECT ${COLUMNS} FROM oversight.model_suspensions ORDER BY id DESC LIMIT 1`);
    return row ? toChange(row) : null;
  }

  async insert(manager: EntityManager, change: Omit<SuspensionChange, 'id'>): Promise<SuspensionChange> {
    const [row] = await manager.query(
      `INSERT INTO oversight.model_suspensions (suspended, actor, reason, at, audit_seq) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
      [change.suspended, change.actor, change.reason, change.at, change.auditSeq],
    );
    return toChange(row);
  }

  /** Newest first. */
  async history(limit: number): Promise<SuspensionChange[]> {
    const rows = await this.dataSource.query(`SELECT ${COLUMNS} FROM oversight.model_suspensions ORDER BY id DESC LIMIT $1`, [limit]);
    return rows.map(toChange);
  }
}
