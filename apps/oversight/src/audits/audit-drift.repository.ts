import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AUDIT_WORK_MEM } from './audits.repository';
import type { BinCounts } from './drift.util';

/** Which scores a distribution is read from: the newest per enterprise in a range of as-of days. */
export interface Snapshot {
  from: string;
  to: string;
  /** Only this model's scores; null for any model (factor values do not depend on the model). */
  modelVersion: string | null;
  /** 'factors': each factor's values; 'score': the probability, under the name `score`. */
  of: 'factors' | 'score';
}

export interface Distributions {
  /** Factor names (or `score`) found in either snapshot. */
  names: string[];
  /** Cut points of each numeric factor, from the baseline's quantiles. */
  cuts: Map<string, number[]>;
  baseline: Map<string, BinCounts>;
  current: Map<string, BinCounts>;
}

/** Factors read per snapshot (a specification has a dozen; this only bounds the generated SQL). */
const MAX_FACTORS = 64;

/** The drift audit's reads: each snapshot is sorted once into a temporary table, then read in single passes. */
@Injectable()
export class AuditDriftRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Whether a snapshot holds any score (an index probe, not a count). */
  async hasScores(s: Snapshot): Promise<boolean> {
    const [row] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM oversight.audit_scores WHERE as_of BETWEEN $1 AND $2 AND ($3::text IS NULL OR model_version = $3)) AS found`,
      [s.from, s.to, s.modelVersion],
    );
    return row.found;
  }

  /** The first as-of day a model version scored: the drift baseline when its training window has no scores. */
  async firstAsOf(modelVersion: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT to_char(min(as_of), 'YYYY-MM-DD') AS day FROM oversight.audit_scores WHERE model_version = $1`, [
      modelVersion,
    ]);
    return row?.day ?? null;
  }

  /**
   * Both snapshots binned alike: numeric factors cut where `cut` puts the baseline's quantiles, other
   * values by level (bin names in drift.util). One transaction, so the temporary tables are its own.
   */
  distributions(baseline: Snapshot, current: Snapshot, fractions: number[], cut: (quantiles: number[]) => number[]): Promise<Distributions> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SET LOCAL work_mem = '${AUDIT_WORK_MEM}'`);
      await this.materialise(m, 'audit_drift_baseline', baseline);
      await this.materialise(m, 'audit_drift_current', current);
      const names = await this.names(m);
      const quantiles = await this.quantiles(m, 'audit_drift_baseline', names, fractions);
      const cuts = new Map([...quantiles].map(([name, q]) => [name, cut(q)]));
      return {
        names,
        cuts,
        baseline: await this.binCounts(m, 'audit_drift_baseline', names, cuts),
        current: await this.binCounts(m, 'audit_drift_current', names, cuts),
      };
    });
  }

  private async materialise(m: EntityManager, table: string, s: Snapshot): Promise<void> {
    await m.query(
      `CREATE TEMPORARY TABLE ${table} ON COMMIT DROP AS
       SELECT DISTINCT ON (credit_code) CASE WHEN $4 = 'score' THEN jsonb_build_object('score', probability) ELSE factors END AS factors
         FROM oversight.audit_scores
        WHERE as_of BETWEEN $1 AND $2 AND ($3::text IS NULL OR model_version = $3)
        ORDER BY credit_code, as_of DESC, computed_at DESC`,
      [s.from, s.to, s.modelVersion, s.of],
    );
  }

  /** Names from a sample of each snapshot: a model's factor set is fixed. */
  private async names(m: EntityManager): Promise<string[]> {
    const rows: { name: string }[] = await m.query(
      `SELECT DISTINCT jsonb_object_keys(factors) AS name FROM (
         (SELECT factors FROM audit_drift_baseline LIMIT 1000) UNION ALL (SELECT factors FROM audit_drift_current LIMIT 1000)) sample
        ORDER BY 1 LIMIT ${MAX_FACTORS}`,
    );
    return rows.map((r) => r.name);
  }

  /** Quantiles of each numeric factor: one ordered-set aggregate per factor, all in one pass. */
  private async quantiles(m: EntityManager, table: string, names: string[], fractions: number[]): Promise<Map<string, number[]>> {
    if (names.length === 0) return new Map();
    const aggregates = names.map(
      (_, k) =>
        `percentile_disc($1::float8[]) WITHIN GROUP (ORDER BY (factors ->> $${k + 2})::float8) FILTER (WHERE jsonb_typeof(factors -> $${k + 2}) = 'number') AS q${k}`,
    );
    const [row] = await m.query(`SELECT ${aggregates.join(', ')} FROM ${table}`, [fractions, ...names]);
    const out = new Map<string, number[]>();
    names.forEach((name, k) => row[`q${k}`] && out.set(name, (row[`q${k}`] as unknown[]).map(Number)));
    return out;
  }

  /** Counts per factor and bin, all factors in one pass: a hash aggregate over one grouping set per factor. */
  private async binCounts(m: EntityManager, table: string, names: string[], cuts: Map<string, number[]>): Promise<Map<string, BinCounts>> {
    const out = new Map<string, BinCounts>(names.map((n) => [n, new Map<string, number>()]));
    if (names.length === 0) return out;
    const params: unknown[] = [];
    const bins = names.map((name, k) => {
      params.push(name);
      const key = `$${params.length}`;
      const edges = cuts.get(name);
      let numeric = `'number'`;
      if (edges && edges.length > 0) {
        params.push(edges);
        numeric = `'bin:' || width_bucket((factors ->> ${key})::float8, $${params.length}::float8[])`;
      }
      return `CASE COALESCE(jsonb_typeof(factors -> ${key}), 'null') WHEN 'null' THEN 'null' WHEN 'number' THEN ${numeric}
                ELSE 'level:' || (factors ->> ${key}) END AS b${k}`;
    });
    const rows: Record<string, string | number | null>[] = await m.query(
      `SELECT ${names.map((_, k) => `b${k}`).join(', ')}, count(*)::int AS n FROM (SELECT ${bins.join(', ')} FROM ${table}) binned
        GROUP BY GROUPING SETS (${names.map((_, k) => `(b${k})`).join(', ')})`,
      params,
    );
    // Each row belongs to one grouping set: the only bin column that is not null names its factor.
    for (const row of rows) {
      const k = names.findIndex((_, i) => row[`b${i}`] !== null);
      if (k >= 0) out.get(names[k])!.set(String(row[`b${k}`]), Number(row.n));
    }
    return out;
  }
}
