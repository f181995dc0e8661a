import { Inject, Injectable } from '@nestjs/common';
import type { ColourPolicy } from '@tianping/risk-model';
import { DataSource } from 'typeorm';
import type { InspectionOutcome } from './accuracy.util';
import type { AuditPeriod } from './audit-period.util';
import type { FairnessCell } from './fairness.util';

/** Sort memory for the audits' large aggregates, set per transaction: they sort whole populations. */
export const AUDIT_WORK_MEM = '64MB';

const ISO_INSTANT = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Inspections of the period with the reason their draw gave and the score in force on their day:
 * the newest draw covering the day that holds a task for that enterprise and department, and the
 * newest score dated on or before the day. $1, $2 are the period.
 */
const INSPECTIONS = `
  inspections AS (
    SELECT i.credit_code, i.violation_found, task.reason, s.probability, s.colour
      FROM oversight.audit_inspections i
      LEFT JOIN LATERAL (
        SELECT t.reason FROM oversight.audit_draw_tasks t JOIN oversight.audit_draws d ON d.draw_id = t.draw_id
         WHERE t.credit_code = i.credit_code AND t.department = i.department
           AND i.date BETWEEN d.window_from AND d.window_to AND d.plan_status IS DISTINCT FROM 'rejected'
         ORDER BY d.drawn_at DESC LIMIT 1) task ON true
      LEFT JOIN LATERAL (
        SELECT s.probability, s.colour FROM oversight.audit_scores s
         WHERE s.credit_code = i.credit_code AND s.as_of <= i.date
         ORDER BY s.as_of DESC, s.computed_at DESC LIMIT 1) s ON true
     WHERE i.date BETWEEN $1 AND $2
  )`;

/** Group attributes a score's factors supply where intake has not (twelve-factor names; other specifications leave them unknown). */
const GROUP_FACTORS = `factors ->> 'industry' AS industry,
  CASE WHEN jsonb_typeof(factors -> 'employees') = 'number' THEN (factors ->> 'employees')::float8 END AS employees,
  CASE WHEN jsonb_typeof(factors -> 'years_in_operation') = 'number' THEN (factors ->> 'years_in_operation')::float8 END AS years`;

/** Each enterprise's newest score dated in the period ($1, $2), with `columns` of it. */
const latestScoresInPeriod = (columns: string) => `
  SELECT DISTINCT ON (credit_code) credit_code, colour, ${columns} FROM oversight.audit_scores
   WHERE as_of BETWEEN $1 AND $2 ORDER BY credit_code, as_of DESC, computed_at DESC`;

export interface ModelVersionFacts {
  version: string;
  state: string;
  specName: string;
  trainingWindow: { from: string | null; to: string | null };
  dataFingerprint: string;
  metrics: Record<string, number>;
  /** The newest change of state, and who made the approval and the activation (null if never). */
  since: string;
  approvedBy: string | null;
  activatedBy: string | null;
  activatedAt: string | null;
}

/** The only place that queries the audits' projections. */
@Injectable()
export class AuditsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** A large read with more sort memory than the server's default, so whole-population sorts stay in memory. */
  private analytic<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL work_mem = '${AUDIT_WORK_MEM}'`);
      return m.query(sql, params);
    });
  }

  /**
   * Enterprises whose newest score in the period is red and whose red still awaits an oversight
   * officer's confirmation (待监督确认): the model's colour stands, but counts as yellow until then.
   */
  async redAwaitingConfirmation(period: AuditPeriod): Promise<number> {
    const [row] = await this.dataSource.query(
      `WITH population AS (${latestScoresInPeriod('score_id')})
       SELECT count(*)::int AS n FROM population p
         JOIN oversight.colour_decisions d ON d.score_id = p.score_id AND d.status = 'pending'
        WHERE p.colour = 'red'`,
      [period.from, period.to],
    );
    return row.n;
  }

  /**
   * Counts per combination of industry section, district, size and age bucket. Group attributes
   * come from intake's subject events, else from the factor values of the newest score.
   */
  async fairnessCells(
    period: AuditPeriod,
    options: {
      selectionReasons: readonly string[];
      sampleReasons: readonly string[] | null;
      flaggedColours: readonly string[];
      sizeThresholds: number[];
      ageThresholds: number[];
    },
  ): Promise<FairnessCell[]> {
    const rows = await this.analytic(
      `WITH population AS (${latestScoresInPeriod(GROUP_FACTORS)}),
       selected AS (
         SELECT DISTINCT t.credit_code FROM oversight.audit_draw_tasks t JOIN oversight.audit_draws d ON d.draw_id = t.draw_id
          WHERE t.reason = ANY($3::text[]) AND d.window_from <= $2 AND d.window_to >= $1 AND d.plan_status IS DISTINCT FROM 'rejected'
       ),
       ${INSPECTIONS},
       -- Inspected enterprises not scored in the period take the factors of their newest earlier score.
       members AS (
         SELECT credit_code, industry, employees, years FROM population
         UNION ALL
         SELECT o.credit_code, latest.industry, latest.employees, latest.years
           FROM (SELECT credit_code FROM inspections EXCEPT SELECT credit_code FROM population) o
           LEFT JOIN LATERAL (
             SELECT ${GROUP_FACTORS} FROM oversight.audit_scores s WHERE s.credit_code = o.credit_code AND s.as_of <= $2
              ORDER BY s.as_of DESC, s.computed_at DESC LIMIT 1) latest ON true
       ),
       attributes AS (
         SELECT m.credit_code,
                COALESCE(CASE WHEN upper(left(btrim(e.industry_code), 1)) ~ '^[A-T]$' THEN upper(left(btrim(e.industry_code), 1)) END, m.industry) AS industry,
                left(e.region_code, 6) AS district,
                width_bucket(COALESCE(e.employees::float8, m.employees), $5::float8[]) AS size_bucket,
                width_bucket(COALESCE(($2::date - e.established_on)::float8 / 365.25, m.years), $6::float8[]) AS age_bucket
           FROM members m
           LEFT JOIN oversight.audit_enterprises e ON e.credit_code = m.credit_code
       ),
       counted AS (
         SELECT p.credit_code, 1 AS population, (p.colour = ANY($4::text[]))::int AS flagged, (sel.credit_code IS NOT NULL)::int AS selected,
                0 AS inspected, 0 AS violations, 0 AS sample_inspections, 0 AS sample_violations, 0 AS true_positives, 0 AS false_positives,
                0::float8 AS predicted_sum
           FROM population p LEFT JOIN selected sel ON sel.credit_code = p.credit_code
         UNION ALL
         SELECT i.credit_code, 0, 0, 0, 1, i.violation_found::int, i.in_sample::int, (i.in_sample AND i.violation_found)::int,
                (i.in_sample AND i.flagged AND i.violation_found)::int, (i.in_sample AND i.flagged AND NOT i.violation_found)::int,
                CASE WHEN i.in_sample THEN i.probability ELSE 0 END
           FROM (SELECT *, (probability IS NOT NULL AND ($7::text[] IS NULL OR reason = ANY($7::text[]))) AS in_sample,
                        COALESCE(colour = ANY($4::text[]), false) AS flagged
                   FROM inspections) i
       )
       SELECT a.industry, a.district, a.size_bucket AS "sizeBucket", a.age_bucket AS "ageBucket",
              sum(c.population)::int AS population, sum(c.flagged)::int AS flagged, sum(c.selected)::int AS selected,
              sum(c.inspected)::int AS inspected, sum(c.violations)::int AS violations,
              sum(c.sample_inspections)::int AS "sampleInspections", sum(c.sample_violations)::int AS "sampleViolations",
              sum(c.true_positives)::int AS "truePositives", sum(c.false_positives)::int AS "falsePositives",
              sum(c.predicted_sum)::float8 AS "predictedSum"
         FROM counted c JOIN attributes a ON a.credit_code = c.credit_code
        GROUP BY 1, 2, 3, 4`,
      [period.from, period.to, options.selectionReasons, options.flaggedColours, options.sizeThresholds, options.ageThresholds, options.sampleReasons],
    );
    return rows as unknown as FairnessCell[];
  }

  /** Every inspection of the period with its draw reason and the score in force on its day. */
  async inspectionOutcomes(period: AuditPeriod): Promise<InspectionOutcome[]> {
    const rows: { reason: string | null; probability: number | null; colour: string | null; violation_found: boolean }[] = await this.dataSource.query(
      `WITH ${INSPECTIONS} SELECT reason, probability, colour, violation_found FROM inspections`,
      [period.from, period.to],
    );
    return rows.map((r) => ({ reason: r.reason, probability: r.probability, colour: r.colour, violationFound: r.violation_found }));
  }

  /** The model version that scored most enterprises in a period (when no active model is known). */
  async busiestModel(period: AuditPeriod): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT model_version FROM oversight.audit_scores WHERE as_of BETWEEN $1 AND $2
        GROUP BY model_version ORDER BY count(*) DESC, model_version DESC LIMIT 1`,
      [period.from, period.to],
    );
    return row?.model_version ?? null;
  }

  /** The version whose newest state is active (the newest activation, should two claim it). */
  async activeModelVersion(): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT model_version FROM (
         SELECT DISTINCT ON (model_version) model_version, state, at FROM oversight.audit_model_events ORDER BY model_version, at DESC, event_key
       ) newest WHERE state = 'active' ORDER BY at DESC LIMIT 1`,
    );
    return row?.model_version ?? null;
  }

  /** A colour policy's thresholds as scoring published them (null when the record has never heard of it). */
  async colourPolicy(version: string): Promise<ColourPolicy | null> {
    const [row] = await this.dataSource.query(
      `SELECT version, yellow, red FROM oversight.audit_colour_policy_events WHERE version = $1 ORDER BY at DESC, event_key LIMIT 1`,
      [version],
    );
    return row ? { version: row.version, thresholds: { yellow: row.yellow, red: row.red } } : null;
  }

  /** The colour policy whose newest state is active (the newest activation, should two claim it). */
  async activeColourPolicy(): Promise<ColourPolicy | null> {
    const [row] = await this.dataSource.query(
      `SELECT version, yellow, red FROM (
         SELECT DISTINCT ON (version) version, yellow, red, state, at FROM oversight.audit_colour_policy_events ORDER BY version, at DESC, event_key
       ) newest WHERE state = 'active' ORDER BY at DESC LIMIT 1`,
    );
    return row ? { version: row.version, thresholds: { yellow: row.yellow, red: row.red } } : null;
  }

  /** What scoring published about a model version: its newest state, training window, metrics and who signed it off. */
  async modelVersion(version: string): Promise<ModelVersionFacts | null> {
    const [row] = await this.dataSource.query(
      `SELECT e.model_version AS version, e.state, e.spec_name AS "specName",
              to_char(e.training_from, 'YYYY-MM-DD') AS "trainingFrom", to_char(e.training_to, 'YYYY-MM-DD') AS "trainingTo",
              e.data_fingerprint AS "dataFingerprint", e.metrics, ${ISO_INSTANT('e.at')} AS since,
              (SELECT actor FROM oversight.audit_model_events a WHERE a.model_version = e.model_version AND a.state = 'approved' ORDER BY a.at DESC LIMIT 1) AS "approvedBy",
              act.actor AS "activatedBy", ${ISO_INSTANT('act.at')} AS "activatedAt"
         FROM oversight.audit_model_events e
         LEFT JOIN LATERAL (SELECT actor, at FROM oversight.audit_model_events a WHERE a.model_version = e.model_version AND a.state = 'active'
                             ORDER BY a.at DESC LIMIT 1) act ON true
        WHERE e.model_version = $1
        ORDER BY e.at DESC, e.event_key LIMIT 1`,
      [version],
    );
    if (!row) return null;
    const { trainingFrom, trainingTo, ...rest } = row;
    return { ...rest, trainingWindow: { from: trainingFrom, to: trainingTo } };
  }
}
