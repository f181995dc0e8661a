import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { toDayNumber, type FactorContext, type FactorSpec, type FactorValues } from '@tianping/risk-model';
import { rowFactors, windowedColumns, type EnterpriseAggregateRow } from './factor-columns.util';

/** Subjects in these states are live: scored, and counted at a shared address. */
export const LIVE_STATUSES = ['存续', '在业'];

export interface FactorChunk {
  creditCodes: string[];
  factors: FactorValues[];
}

export interface FeatureScope {
  /** Only these enterprises (re-scoring on change); all live ones when absent. */
  creditCodes?: string[];
  chunkSize?: number;
}

/**
 * Factors of every live enterprise as of D in bulk: one aggregate query per chunk of enterprises
 * (keyset over credit codes), reading only cases and clues dated before D. The next chunk is queried
 * while the caller works on the current one.
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
    const size = scope.chunkSize ?? 50_000;
    const sql = this.chunkSql(spec, !!scope.creditCodes);
    const codes = scope.creditCodes ? [scope.creditCodes] : [];
    // Each chunk's last credit code is found first (an index-only walk), so the aggregates scan known
    // index ranges, and two chunks' aggregates run at once on the database while this one is used.
    const nextBound = async (after: string): Promise<string | null> => {
      const [last] = await this.dataSource.query(
        `SELECT max(credit_code) AS hi FROM (SELECT credit_code FROM scoring.subjects WHERE credit_code > $1 AND status = ANY($3::text[])
           ${scope.creditCodes ? 'AND credit_code = ANY($4::text[])' : ''} ORDER BY credit_code LIMIT $2) t`,
        [after, size, LIVE_STATUSES, ...codes],
      );
      return last?.hi ?? null;
    };
    const aggregate = (after: string, hi: string): Promise<EnterpriseAggregateRow[]> => this.dataSource.query(sql, [asOf, after, hi, LIVE_STATUSES, ...codes]);
    const pending: Promise<EnterpriseAggregateRow[]>[] = [];
    let after = '';
    let exhausted = false;
    const fill = async () => {
      while (!exhausted && pending.length < 2) {
        const hi = await nextBound(after);
        if (!hi) exhausted = true;
        else {
          const rows = aggregate(after, hi);
          rows.catch(() => undefined); // its failure surfaces where it is awaited, not as an unhandled rejection
          pending.push(rows);
          after = hi;
        }
      }
    };
    // Fills are chained, never concurrent: each bound depends on the one before it.
    let filling: Promise<void> = Promise.resolve();
    const refill = () => (filling = filling.then(fill));
    for (;;) {
      await refill();
      const next = pending.shift();
      if (!next) return;
      const rows = await next;
      void refill();
      yield { creditCodes: rows.map((r) => r.credit_code), factors: rows.map((r) => rowFactors(r, asOfDay, spec, context)) };
    }
  }

  private chunkSql(spec: FactorSpec, onlyCodes: boolean): string {
    const windowed = windowedColumns(spec);
    return `
      WITH subj AS (
        SELECT credit_code, established_on, registered_capital_wan, shareholder_subscribed_wan, employees, industry_code, abnormal_listed,
               legal_rep_changes_2y, address_key
        FROM scoring.subjects
        WHERE credit_code > $2 AND credit_code <= $3 AND status = ANY($4::text[]) ${onlyCodes ? 'AND credit_code = ANY($5::text[])' : ''}
      ), c AS (
        SELECT credit_code, count(*) FILTER (WHERE kind = '检查')::int AS inspections,
               count(*) FILTER (WHERE kind = '检查' AND violation_found)::int AS failed,
               max(date) FILTER (WHERE kind = '检查') AS last_inspection
               ${windowed.cases.map((e) => `, ${e}`).join('')}
        FROM scoring.cases WHERE credit_code > $2 AND credit_code <= $3 AND date < $1::date GROUP BY credit_code
      ), k AS (
        SELECT credit_code ${windowed.clues.map((e) => `, ${e}`).join('')}
        FROM (SELECT credit_code, verified, (received_at AT TIME ZONE 'Asia/Shanghai')::date AS day FROM scoring.clues
              WHERE credit_code > $2 AND credit_code <= $3 AND received_at < ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai') x
        GROUP BY credit_code
      ), addr AS (
        SELECT address_key, count(*)::int AS n FROM scoring.subjects
        WHERE address_key IN (SELECT address_key FROM subj WHERE address_key IS NOT NULL) AND status = ANY($4::text[]) GROUP BY address_key
      )
      SELECT s.credit_code, (s.established_on - DATE '1970-01-01')::int AS established_day, s.registered_capital_wan, s.shareholder_subscribed_wan,
             s.employees, s.industry_code, s.abnormal_listed, s.legal_rep_changes_2y, coalesce(a.n - 1, 0) AS shared_address_count,
             coalesce(c.inspections, 0) AS inspections, coalesce(c.failed, 0) AS failed,
             (c.last_inspection - DATE '1970-01-01')::int AS last_inspection_day
             ${windowed.cases.map((_, j) => `, coalesce(c.${alias(windowed.cases[j])}, 0) AS ${alias(windowed.cases[j])}`).join('')}
             ${windowed.clues.map((_, j) => `, coalesce(k.${alias(windowed.clues[j])}, 0) AS ${alias(windowed.clues[j])}`).join('')}
      FROM subj s LEFT JOIN c USING (credit_code) LEFT JOIN k USING (credit_code) LEFT JOIN addr a ON a.address_key = s.address_key
      ORDER BY s.credit_code`;
  }
}

function alias(expression: string): string {
  return expression.slice(expression.lastIndexOf(' AS ') + 4);
}
