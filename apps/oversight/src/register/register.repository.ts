import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RANDOM_REASONS } from '../audits/accuracy.util';
import type { RegisterFacts } from './register.util';

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The register's reads of oversight's own tables; each is served by an index (the route is public). */
@Injectable()
export class RegisterRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The factors of a model, as named in its newest score. */
  async factorNames(modelVersion: string): Promise<string[]> {
    const rows: { name: string }[] = await this.dataSource.query(
      `SELECT jsonb_object_keys(factors) AS name FROM (
         SELECT factors FROM oversight.audit_scores WHERE model_version = $1 ORDER BY as_of DESC LIMIT 1) newest`,
      [modelVersion],
    );
    return rows.map((r) => r.name).sort();
  }

  /** Enterprises the model scored on its newest as-of day. */
  async scoring(modelVersion: string): Promise<RegisterFacts['scoring']> {
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS enterprises, to_char(max(as_of), 'YYYY-MM-DD') AS "latestAsOf", ${ISO('max(computed_at)')} AS "lastComputedAt"
         FROM oversight.audit_scores
        WHERE model_version = $1 AND as_of = (SELECT max(as_of) FROM oversight.audit_scores WHERE model_version = $1)`,
      [modelVersion],
    );
    return row;
  }

  /** The policy whose newest state is active (the newest, should two claim it). */
  async activeColourPolicy(): Promise<RegisterFacts['colourPolicy']> {
    const [row] = await this.dataSource.query(
      `SELECT version, yellow, red, ${ISO('at')} AS since FROM (
         SELECT DISTINCT ON (version) version, yellow, red, state, at FROM oversight.audit_colour_policy_events ORDER BY version, at DESC, event_key
       ) newest WHERE state = 'active' ORDER BY at DESC LIMIT 1`,
    );
    return row ? { version: row.version, thresholds: { yellow: row.yellow, red: row.red }, since: row.since } : null;
  }

  async draws(): Promise<RegisterFacts['draws']> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM oversight.audit_draws WHERE drawn_at > now() - interval '365 days') AS "lastYear",
              latest.exploration_share AS "latestExplorationShare", ${ISO('latest.drawn_at')} AS "latestDrawAt",
              (SELECT count(*)::int FROM oversight.audit_draw_tasks t JOIN oversight.audit_draws d ON d.draw_id = t.draw_id
                WHERE d.drawn_at > now() - interval '365 days' AND t.reason = ANY($1::text[])) AS "randomShareInspections"
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (SELECT exploration_share, drawn_at FROM oversight.audit_draws ORDER BY drawn_at DESC LIMIT 1) latest ON true`,
      [RANDOM_REASONS],
    );
    return row;
  }

  /**
   * The record's appeal entries by step (filed, in-review, decided, withdrawn…): appeals filed,
   * decided and withdrawn, read from the record itself rather than from the appeals table.
   */
  async appealCounts(): Promise<Record<string, number>> {
    const rows: { step: string; n: number }[] = await this.dataSource.query(
      `SELECT body_json::jsonb #>> '{data,step}' AS step, count(*)::int AS n FROM oversight.audit_entries WHERE kind = 'appeal' GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.step, r.n]));
  }
}
