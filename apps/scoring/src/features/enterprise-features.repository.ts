import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';
import { failRatePrior, toDayNumber, type FactorContext, type FactorSpec, type FactorColumn, type IndustryInspectionCount } from '@tianping/risk-model';
import type { PoolClient } from 'pg';
import { batchFactors, featureColumns, windowedColumns } from './factor-columns.util';
import { copyOutBatches } from './pg-copy-out-reader.util';

/** Subjects in these states are live: scored, and counted at a shared address (migration CountLiveSubjectsPerAddress names them too). */
export const LIVE_STATUSES = ['存续', '在业'];

export interface FactorChunk {
  creditCodes: string[];
  /** One column per factor, in the spec's order: `factors[f][i]` is factor f's value for enterprise i. */
  factors: FactorColumn[];
  /** The appeal-correction batches the projections held for the chunk's enterprises that have any, as read with the factors. */
  correctionBatches: Map<string, string[]>;
}

export interface FeatureScope {
  /** Only these enterprises (re-scoring on change); all live ones when absent. */
  creditCodes?: string[];
  /** Only credit codes in [from, to) (a shard of a full run); null or absent bounds are open. */
  range?: { from: string | null; to: string | null };
  chunkSize?: number;
}

/**
 * Factors of every live enterprise as of D in bulk: one aggregate query for the run, streamed in
 * binary and cut into chunks, reading only cases and clues dated before D. The next chunks are read
 * while the caller works on the current one.
 */
/** A subject's GB/T 4754 section letter, '?' when its industry code has none. */
const SECTION = `CASE WHEN upper(left(s.industry_code, 1)) BETWEEN 'A' AND 'T' THEN upper(left(s.industry_code, 1)) ELSE '?' END`;

@Injectable()
export class EnterpriseFeaturesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Violation rates per industry section from inspections dated before D (the fail-rate prior). */
  async industryContext(asOf: string): Promise<FactorContext> {
    const rows: { section: string; failed: number; total: number }[] = await this.dataSource.query(
      `SELECT ${SECTION} AS section, count(*) FILTER (WHERE c.violation_found)::int AS failed, count(*)::int AS total
       FROM scoring.cases c JOIN scoring.subjects s USING (credit_code)
       WHERE c.kind = '检查' AND c.date < $1::date GROUP BY 1`,
      [asOf],
    );
    return failRatePrior(new Map(rows.map((r) => [r.section, r])));
  }

  /** Inspections and those that found a violation per industry section and day, before `until`: the fail-rate prior as of any day before it. */
  async industryInspectionCounts(until: string): Promise<IndustryInspectionCount[]> {
    return this.dataSource.query(
      `SELECT ${SECTION} AS section, to_char(c.date, 'YYYY-MM-DD') AS date, count(*) FILTER (WHERE c.violation_found)::int AS failed, count(*)::int AS total
       FROM scoring.cases c JOIN scoring.subjects s USING (credit_code)
       WHERE c.kind = '检查' AND c.date < $1::date GROUP BY 1, 2`,
      [until],
    );
  }

  async *factorChunks(asOf: string, spec: FactorSpec, context: FactorContext, scope: FeatureScope = {}): AsyncGenerator<FactorChunk> {
    const asOfDay = toDayNumber(asOf);
    const size = Math.max(1, Math.floor(scope.chunkSize ?? 50_000));
    const columns = featureColumns(spec);
    const runner = this.dataSource.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    try {
      // One plan for the whole run, its rows streamed in binary COPY form: each table is aggregated once
      // (shared addresses come counted: address_counts), and no number is printed and parsed as text.
      // JIT is off: it costs more to compile this query than it saves, and the generous sort/hash memory
      // keeps the aggregates off disk.
      await runner.startTransaction('REPEATABLE READ');
      await runner.query(`SET LOCAL jit = off`);
      await runner.query(`SET LOCAL work_mem = '128MB'`);
      const filter = scopeFilter(scope);
      // COPY takes no parameters: they are written into the statement as literals.
      const sql = withLiterals(this.runSql(spec, filter.sql, columns), [asOf, LIVE_STATUSES, ...filter.params], client);
      const [{ pid }]: { pid: number }[] = await runner.query(`SELECT pg_backend_pid() AS pid`);
      // In the snapshot the factors are read in (repeatable read): a batch seen here is in the factors too.
      const corrections = await this.correctionBatches(runner, withLiterals(CORRECTION_BATCHES(filter.sql), [asOf, LIVE_STATUSES, ...filter.params], client));
      const cancel = () => this.dataSource.query(`SELECT pg_cancel_backend($1)`, [pid]);
      for await (const batch of copyOutBatches(
        client,
        `COPY (${sql}) TO STDOUT (FORMAT binary)`,
        columns.map((c) => c.kind),
        size,
        cancel,
      )) {
        // credit_code is the first column, never NULL (a primary key).
        const creditCodes = batch.texts[0] as string[];
        yield { creditCodes, factors: batchFactors(batch, asOfDay, spec, context), correctionBatches: pick(corrections, creditCodes) };
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      await runner.release();
    }
  }

  private async correctionBatches(runner: QueryRunner, sql: string): Promise<Map<string, string[]>> {
    const rows: { credit_code: string; batch_ids: string[] }[] = await runner.query(sql);
    return new Map(rows.map((r) => [r.credit_code, r.batch_ids]));
  }

  private runSql(spec: FactorSpec, only: (column: string) => string, columns: { sql: string }[]): string {
    const windowed = windowedColumns(spec);
    return `
      WITH subj AS (
        SELECT credit_code, established_on, registered_capital_wan, shareholder_subscribed_wan, employees, industry_code, abnormal_listed,
               legal_rep_changes_2y, address_key
        FROM scoring.subjects
        -- Not yet established on the as-of day (a run as of a past day): nothing to score.
        WHERE status = ANY($2::text[]) AND (established_on IS NULL OR established_on <= $1::date) ${only('credit_code')}
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
      SELECT ${columns.map((c) => c.sql).join(', ')}
      FROM subj s LEFT JOIN c USING (credit_code) LEFT JOIN k USING (credit_code) LEFT JOIN scoring.address_counts a ON a.address_key = s.address_key`;
  }
}

/** Appeal-correction batches per enterprise in the run's scope (scopeFilter's conditions; $1 and $2 unused). */
const CORRECTION_BATCHES = (only: (column: string) => string) =>
  `SELECT credit_code, array_agg(batch_id ORDER BY batch_id) AS batch_ids FROM scoring.appeal_correction_batches
    WHERE true ${only('credit_code')} GROUP BY credit_code`;

/** The entries of `all` for these enterprises (usually none). */
function pick(all: Map<string, string[]>, creditCodes: string[]): Map<string, string[]> {
  if (all.size === 0) return all;
  return new Map(creditCodes.filter((c) => all.has(c)).map((c) => [c, all.get(c)!]));
}

/**
 * The statement with each $n replaced by parameter n as an escaped literal: a date or text as a quoted
 * string, an array of them as ARRAY[…]. Only for statements whose parameters are ours (COPY takes none).
 */
export function withLiterals(sql: string, params: unknown[], client: { escapeLiteral(value: string): string }): string {
  const literal = (value: unknown): string => {
    if (Array.isArray(value)) return `ARRAY[${value.map(literal).join(', ')}]::text[]`;
    if (typeof value !== 'string') throw new Error(`a ${typeof value} parameter cannot be written as a literal`);
    return client.escapeLiteral(value);
  };
  return sql.replace(/\$(\d+)(?!\d)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= params.length) throw new Error(`no parameter $${n}`);
    return literal(params[index]);
  });
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
