import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Approver, ModelBuilder } from '@tianping/contracts';

export type ModelState = 'draft' | 'approved' | 'active' | 'retired';

export interface ModelVersionRow {
  version: string;
  spec_id: string;
  state: ModelState;
  training_from: string;
  training_to: string;
  data_fingerprint: string;
  metrics: Record<string, number>;
  created_by: string;
  created_at: Date;
  state_changed_by: string;
  state_changed_at: Date;
  state_reason: string | null;
  built_by_kind: ModelBuilder['kind'];
  built_by_name: string;
  /** The sign-offs oversight granted approval with; null until approved. */
  approved_by: Approver[] | null;
}

export interface ModelEventRow {
  id: string;
  version: string;
  from_state: ModelState | null;
  to_state: ModelState;
  actor: string;
  reason: string | null;
  at: Date;
}

const COLUMNS = `version, spec_id, state, to_char(training_from, 'YYYY-MM-DD') AS training_from, to_char(training_to, 'YYYY-MM-DD') AS training_to,
  data_fingerprint, metrics, created_by, created_at, state_changed_by, state_changed_at, state_reason, built_by_kind, built_by_name, approved_by`;

/** The registry of model versions and the log of their state changes. */
@Injectable()
export class ModelRegistryRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insert(
    m: EntityManager,
    row: Omit<ModelVersionRow, 'created_at' | 'state_changed_at' | 'state_changed_by' | 'state_reason' | 'approved_by'> & { spec: unknown; model: string },
  ): Promise<boolean> {
    const inserted = await m.query(
      `INSERT INTO scoring.model_versions (version, spec_id, spec, state, training_from, training_to, data_fingerprint, metrics, model, created_by, state_changed_by, built_by_kind, built_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11, $12) ON CONFLICT (version) DO NOTHING RETURNING version`,
      [
        row.version,
        row.spec_id,
        JSON.stringify(row.spec),
        row.state,
        row.training_from,
        row.training_to,
        row.data_fingerprint,
        JSON.stringify(row.metrics),
        row.model,
        row.created_by,
        row.built_by_kind,
        row.built_by_name,
      ],
    );
    return inserted.length > 0;
  }

  async setState(m: EntityManager, version: string, state: ModelState, actor: string, reason: string | null): Promise<void> {
    await m.query(`UPDATE scoring.model_versions SET state = $2, state_changed_by = $3, state_changed_at = now(), state_reason = $4 WHERE version = $1`, [
      version,
      state,
      actor,
      reason,
    ]);
  }

  async setApprovers(m: EntityManager, version: string, approvers: Approver[]): Promise<void> {
    await m.query(`UPDATE scoring.model_versions SET approved_by = $2 WHERE version = $1`, [version, JSON.stringify(approvers)]);
  }

  async logEvent(m: EntityManager, version: string, from: ModelState | null, to: ModelState, actor: string, reason: string | null): Promise<void> {
    await m.query(`INSERT INTO scoring.model_events (version, from_state, to_state, actor, reason) VALUES ($1, $2, $3, $4, $5)`, [
      version,
      from,
      to,
      actor,
      reason,
    ]);
  }

  /** Locks the row for a state change, so two operators cannot race. */
  async lock(m: EntityManager, version: string): Promise<ModelVersionRow | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM scoring.model_versions WHERE version = $1 FOR UPDATE`, [version]);
    return row ?? null;
  }

  async activeVersion(m: EntityManager = this.dataSource.manager): Promise<string | null> {
    const [row] = await m.query(`SELECT version FROM scoring.model_versions WHERE state = 'active'`);
    return row?.version ?? null;
  }

  async list(): Promise<ModelVersionRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM scoring.model_versions ORDER BY created_at DESC, version`);
  }

  async find(version: string): Promise<ModelVersionRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM scoring.model_versions WHERE version = $1`, [version]);
    return row ?? null;
  }

  async events(version: string): Promise<ModelEventRow[]> {
    return this.dataSource.query(`SELECT id, version, from_state, to_state, actor, reason, at FROM scoring.model_events WHERE version = $1 ORDER BY id`, [
      version,
    ]);
  }

  /** The stored model itself (JSON text), to score with. */
  async modelJson(version: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT model::text AS model FROM scoring.model_versions WHERE version = $1`, [version]);
    return row?.model ?? null;
  }
}
