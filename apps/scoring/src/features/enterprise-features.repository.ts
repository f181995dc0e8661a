import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toDayNumber, type FactorContext, type FactorSpec, type FactorValues } from '@tianping/risk-model';
import { rowFactors, windowedColumns, type EnterpriseAggregateRow } from './factor-columns.util';

/** Subjects in these states are live: scored, and counted at a shared address (migration CountLiveSubjectsPerAddress names them too). */
export const LIVE_STATUSES = ['存续', '在业'];

export interface FactorChunk {
  creditCodes: string[];
  factors: FactorValues[];
}

export interface FeatureScope {
  /** Only these enterprises (re-scoring on change); all live ones when absent. */
  creditCodes?: string[];
  /** Only credit codes in [from, to) (a shard of a full run); null or absent bounds are open. */
  range?: { from: string | null; to: string | null };
  chunkSize?: number;
}

/**
 * Factors of every live enterprise as of D in bulk: one aggregate query for the run, read in chunks
 * through a cursor, reading only cases and clues dated before D. The next chunk is fetched while the
 * caller works on the current one.
 */
@Injectable()
export class EnterpriseFeaturesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Violation rates per industry section from inspections dated before D (the fail-rate prior). */
  async industryContext(asOf: string): Promise<FactorContext> {
    const rows: { section: string; failed: number; total: number }[] = await this.dataSource.query(
      `SELECT CASE WHEN upper(left(s.industry_code, 1)) BETWEEN 'A' AND 'T' THEN upper(left(s.industry_code, 1)) ELSE '?' END AS section,
              count(*) FILTER (WHERE c.violation_found)::int AS failed, count(*)::int AS total
       FROM scoring.cases c JOIN scoring.subjects s USING (credit_code)
       WHERE c.kind = '检查' AND c.date < $1::date GROUP BY 1`,
      [asOf],
    );
    const failed = rows.reduce((n, r) => n + r.failed, 0);
    const total = rows.reduce((n, r) => n + r.total, 0);
    const overall = total > 0 ? failed / total : 0.15;
    const industryFailRate: Record<string, number> = {};
    // As industryFailRates does: small industries borrow strength from the overall rate (20 pseudo-inspections).
    for (const r of rows) industryFailRate[r.section] = (r.failed + 20 * overall) / (r.total + 20);
    return { industryFailRate, overallFailRate: overall };
  }

  async *factorChunks(asOf: string, spec: FactorSpec, context: FactorContext, scope: FeatureScope = {}): AsyncGenerator<FactorChunk> {
    const asOfDay = toDayNumber(asOf);
    const size = Math.max(1, Math.floor(scope.chunkSize ?? 50_000));
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      // One plan for the whole run, read through a server-side cursor: each table is aggregated once
      // instead of once per chunk (shared addresses come counted: address_counts). JIT is off: it costs more to compile
      // this query than it saves, and the generous sort/hash memory keeps the aggregates off disk.
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`SET LOCAL jit = off`);
      await runner.query(`SET LOCAL work_mem = '128MB'`);
      await runner.query(`SET LOCAL cursor_tuple_fraction = 1`);
      const filter = scopeFilter(scope);
      await runner.query(`DECLARE factor_rows NO SCROLL CURSOR FOR ${this.runSql(spec, filter.sql)}`, [asOf, LIVE_STATUSES, ...filter.params]);
      const fetchRows = (): Promise<EnterpriseAggregateRow[]> => runner.query(`FETCH ${size} FROM factor_rows`);
      let next = fetchRows();
      for (;;) {
        const rows = await next;
        if (rows.length === 0) break;
        // The next rows are fetched while the caller scores and writes these.
        next = rows.length < size ? Promise.resolve([]) : fetchRows();
        next.catch(() => undefined); // its failure surfaces where it is awaited, not as an unhandled rejection
        yield { creditCodes: rows.map((r) => r.credit_code), factors: rows.map((r) => rowFactors(r, asOfDay, spec, context)) };
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  private runSql(spec: FactorSpec, only: (column: string) => string): string {
    const windowed = windowedColumns(spec);
    return `
      WITH subj AS (
        SELECT credit_code, established_on, registered_capital_wan, shareholder_subscribed_wan, employees, industry_code, abnormal_listed,
               legal_rep_changes_2y, address_key
        FROM scoring.subjects
        WHERE status = ANY($2::text[]) ${only('credit_code')}
      ), c AS (
        SELECT credit_code, count(*) FILTER (WHERE kind = '检查')::int AS inspections,
               count(*) FILTER (WHERE kind = '检查' AND violation_found)::int AS failed,
               max(date) FILTER (WHERE kind = '检查') AS last_inspection
               ${windowed.cases.map((e) => `, ${e}`).join('')}
        FROM scoring.cases WHERE date < $1::date ${only('credit_code')} GROUP BY credit_code
      ), k AS (
        SELECT credit_code ${windowed.clues.map((e) => `, ${e}`).join('')}
        FROM (SELECT credit_code, verified, (received_at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM scoring.clues
              WHERE received_at < ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AND credit_code IS NOT NULL ${only('credit_code')}) x
        GROUP BY credit_code
      )
      SELECT s.credit_code, (s.established_on - DATE '1970-01-01')::int AS established_day, s.registered_capital_wan, s.shareholder_subscribed_wan,
             s.employees, s.industry_code, s.abnormal_listed, s.legal_rep_changes_2y, coalesce(a.live - 1, 0) AS shared_address_count,
             coalesce(c.inspections, 0) AS inspections, coalesce(c.failed, 0) AS failed,
             (c.last_inspection - DATE '1970-01-01')::int AS last_inspection_day
             ${windowed.cases.map((_, j) => `, coalesce(c.${alias(windowed.cases[j])}, 0) AS ${alias(windowed.cases[j])}`).join('')}
             ${windowed.clues.map((_, j) => `, coalesce(k.${alias(windowed.clues[j])}, 0) AS ${alias(windowed.clues[j])}`).join('')}
      FROM subj s LEFT JOIN c USING (credit_code) LEFT JOIN k USING (credit_code) LEFT JOIN scoring.address_counts a ON a.address_key = s.address_key`;
  }
}

/** The condition (on a credit-code column) that narrows a run to its scope, with its parameters from $3 on. */
function scopeFilter(scope: FeatureScope): { sql: (column: string) => string; params: unknown[] } {
  if (scope.creditCodes) return { sql: (column) => `AND ${column} = ANY($3::text[])`, params: [scope.creditCodes] };
  const params: string[] = [];
  const conditions: ((column: string) => string)[] = [];
  // Bounds are spelled only when present, so the planner sees plain range conditions it can use an index for.
  if (scope.range?.from != null) {
    params.push(scope.range.from);
    const n = params.length + 2;
    conditions.push((column) => `AND ${column} >= $${n}::text`);
  }
  if (scope.range?.to != null) {
    params.push(scope.range.to);
    const n = params.length + 2;
    conditions.push((column) => `AND ${column} < $${n}::text`);
  }
  return { sql: (column) => conditions.map((c) => c(column)).join(' '), params };
}

function alias(expression: string): string {
  return expression.slice(expression.lastIndexOf(' AS ') + 4);
}
