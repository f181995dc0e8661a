import { Inject, Injectable } from '@nestjs/common';
import { newestBy } from '@tianping/database';
import { DataSource } from 'typeorm';
import type { ColourPolicyEventRow, DrawRow, EnterpriseRow, InspectionRow, ModelEventRow, ScoreRow } from './audit-events.validator';

/**
 * Writes the audits' projections. Every write is keyed by the source's ids and set-based (one
 * statement per message): redelivery changes nothing, and an older version never overwrites a newer.
 */
@Injectable()
export class AuditProjectionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A later computation of the same enterprise, day and model replaces the earlier one. */
  async upsertScores(rows: ScoreRow[]): Promise<void> {
    const newest = newestBy(
      rows,
      (r) => `${r.credit_code}|${r.as_of}|${r.model_version}`,
      (r) => new Date(r.computed_at).toISOString(),
    );
    if (newest.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO oversight.audit_scores (credit_code, as_of, model_version, score_id, computed_at, probability, colour, factors)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(credit_code text, as_of date, model_version text, score_id text, computed_at timestamptz, probability double precision, colour text, factors jsonb)
       ON CONFLICT (credit_code, as_of, model_version) DO UPDATE SET score_id = EXCLUDED.score_id, computed_at = EXCLUDED.computed_at,
         probability = EXCLUDED.probability, colour = EXCLUDED.colour, factors = EXCLUDED.factors
       WHERE oversight.audit_scores.computed_at < EXCLUDED.computed_at`,
      [JSON.stringify(newest)],
    );
  }

  async upsertEnterprises(rows: EnterpriseRow[]): Promise<void> {
    const newest = newestBy(
      rows,
      (r) => r.credit_code,
      (r) => new Date(r.updated_at).toISOString(),
    );
    if (newest.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO oversight.audit_enterprises (credit_code, industry_code, region_code, employees, established_on, updated_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(credit_code text, industry_code text, region_code text, employees integer, established_on date, updated_at timestamptz)
       ON CONFLICT (credit_code) DO UPDATE SET industry_code = EXCLUDED.industry_code, region_code = EXCLUDED.region_code,
         employees = EXCLUDED.employees, established_on = EXCLUDED.established_on, updated_at = EXCLUDED.updated_at
       WHERE oversight.audit_enterprises.updated_at < EXCLUDED.updated_at`,
      [JSON.stringify(newest)],
    );
  }

  /** A draw (or one part of it) and its tasks in one transaction; the header is kept as first seen, each task once. */
  async insertDraw(draw: DrawRow): Promise<void> {
    const { tasks, ...row } = draw;
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `INSERT INTO oversight.audit_draws (draw_id, window_from, window_to, model_version, model_suspended, exploration_share, plan_status, drawn_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (draw_id) DO NOTHING`,
        [row.draw_id, row.window_from, row.window_to, row.model_version, row.model_suspended, row.exploration_share, row.plan_status, row.drawn_at],
      );
      // A large draw comes in parts, each with the header: every part adds its tasks (a redelivered one adds none).
      if (tasks.length === 0) return;
      await m.query(
        `INSERT INTO oversight.audit_draw_tasks (draw_id, department, credit_code, reason)
         SELECT $1, x.department, x.credit_code, x.reason FROM jsonb_to_recordset($2::jsonb) AS x(department text, credit_code text, reason text)
         ON CONFLICT DO NOTHING`,
        [row.draw_id, JSON.stringify(tasks)],
      );
    });
  }

  /** Results are recorded once per visit; a redelivered result is ignored. */
  async insertInspections(rows: InspectionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO oversight.audit_inspections (visit_id, department, credit_code, date, violation_found, recorded_at)
       SELECT * FROM jsonb_to_recordset($1::jsonb)
         AS x(visit_id text, department text, credit_code text, date date, violation_found boolean, recorded_at timestamptz)
       ON CONFLICT (visit_id, department) DO NOTHING`,
      [JSON.stringify(rows)],
    );
  }

  async insertModelEvent(row: ModelEventRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oversight.audit_model_events (event_key, model_version, state, actor, reason, spec_name, training_from, training_to, data_fingerprint, metrics, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (event_key) DO NOTHING`,
      [
        row.event_key,
        row.model_version,
        row.state,
        row.actor,
        row.reason,
        row.spec_name,
        row.training_from,
        row.training_to,
        row.data_fingerprint,
        JSON.stringify(row.metrics),
        row.at,
      ],
    );
  }

  async insertColourPolicyEvent(row: ColourPolicyEventRow): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO oversight.audit_colour_policy_events (event_key, version, yellow, red, state, actor, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_key) DO NOTHING`,
      [row.event_key, row.version, row.yellow, row.red, row.state, row.actor, row.at],
    );
  }
}
