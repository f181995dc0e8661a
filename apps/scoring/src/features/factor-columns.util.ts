import { DAYS_PER_YEAR, industrySection, type FactorContext, type FactorColumn, type FactorSpec } from '@tianping/risk-model';
import type { CopyColumnKind, CopyColumns } from './pg-copy-out-reader.util';

/**
 * The bulk feature query's columns, in order, each with the SQL that makes it (over the subject `s`,
 * the case aggregates `c`, the clue aggregates `k` and the address count `a`) and the kind it is read
 * as. The spec's windowed aggregates follow these, named f<factor index> (windowedColumns).
 */
export const AGGREGATE_COLUMNS = [
  { name: 'credit_code', sql: 's.credit_code', kind: 'text' },
  { name: 'established_day', sql: `(s.established_on - DATE '1970-01-01')::int4`, kind: 'int4' },
  { name: 'registered_capital_wan', sql: 's.registered_capital_wan::float8', kind: 'float8' },
  { name: 'shareholder_subscribed_wan', sql: 's.shareholder_subscribed_wan::float8', kind: 'float8' },
  { name: 'employees', sql: 's.employees::float8', kind: 'float8' },
  { name: 'industry_code', sql: 's.industry_code::text', kind: 'text' },
  { name: 'abnormal_listed', sql: 's.abnormal_listed::bool', kind: 'bool' },
  { name: 'legal_rep_changes_2y', sql: 's.legal_rep_changes_2y::float8', kind: 'float8' },
  { name: 'shared_address_count', sql: 'coalesce(a.live - 1, 0)::float8', kind: 'float8' },
  { name: 'inspections', sql: 'coalesce(c.inspections, 0)::float8', kind: 'float8' },
  { name: 'failed', sql: 'coalesce(c.failed, 0)::float8', kind: 'float8' },
  { name: 'last_inspection_day', sql: `(c.last_inspection - DATE '1970-01-01')::int4`, kind: 'int4' },
] as const satisfies readonly { name: string; sql: string; kind: CopyColumnKind }[];

type AggregateName = (typeof AGGREGATE_COLUMNS)[number]['name'];
const AT = Object.fromEntries(AGGREGATE_COLUMNS.map((c, j) => [c.name, j])) as Record<AggregateName, number>;

/** Every column the bulk feature query returns for a spec: the aggregates, then one per windowed factor. */
export function featureColumns(spec: FactorSpec): { sql: string; kind: CopyColumnKind }[] {
  const windowed = windowedColumns(spec);
  return [
    ...AGGREGATE_COLUMNS,
    ...windowed.cases.map((e) => ({ sql: `coalesce(c.${alias(e)}, 0)::float8`, kind: 'float8' as const })),
    ...windowed.clues.map((e) => ({ sql: `coalesce(k.${alias(e)}, 0)::float8`, kind: 'float8' as const })),
  ];
}

function alias(expression: string): string {
  return expression.slice(expression.lastIndexOf(' AS ') + 4);
}

const DEFAULT_FAIL_RATE = 0.15;

function finiteParam(params: Record<string, number> | undefined, key: string, fallback: number): number {
  const value = Number(params?.[key] ?? fallback);
  if (!Number.isFinite(value)) throw new Error(`factor parameter ${key} is not a number`);
  return value;
}

/**
 * The windowed aggregates (violations and complaints in a window before D) as SQL expressions over
 * the chunk's cases (`c`) and clues (`k`), one column per factor. They keep computeFactors' rules:
 * windows of round(years × 365.25) days ending the day before D; 处罚 cases and inspections that
 * found a violation are violations; false clues count nothing.
 */
export function windowedColumns(spec: FactorSpec): { cases: string[]; clues: string[] } {
  const cases: string[] = [];
  const clues: string[] = [];
  spec.factors.forEach((factor, i) => {
    if (factor.source.from !== 'enterprise') throw new Error(`factor ${factor.name} is not computed from an enterprise history`);
    const params = factor.source.params;
    if (factor.source.extractor === 'violationsInWindow') {
      const days = Math.round(finiteParam(params, 'years', 3) * DAYS_PER_YEAR);
      cases.push(`count(*) FILTER (WHERE (kind = '检查' OR kind = '处罚') AND violation_found AND date >= $1::date - ${days})::int AS f${i}`);
    } else if (factor.source.extractor === 'complaintsInWindow') {
      const days = Math.round(finiteParam(params, 'years', 1) * DAYS_PER_YEAR);
      const verified = finiteParam(params, 'verifiedWeight', 1);
      const unchecked = finiteParam(params, 'uncheckedWeight', 0.5);
      clues.push(
        `coalesce(sum(CASE WHEN verified THEN ${verified} WHEN verified IS NULL THEN ${unchecked} ELSE 0 END) FILTER (WHERE day >= $1::date - ${days}), 0)::float8 AS f${i}`,
      );
    }
  });
  return { cases, clues };
}

/**
 * The factor values of a batch of feature rows (featureColumns' columns, as CopyOutReader reads them),
 * one column per factor in the spec's order: the same values computeFactors gives for the same
 * histories, numbers in a Float64Array with NaN where computeFactors gives null.
 */
export function batchFactors(batch: CopyColumns, asOfDay: number, spec: FactorSpec, context: FactorContext): FactorColumn[] {
  const windowed = windowedPositions(spec);
  return spec.factors.map((factor, i) => {
    if (factor.source.from !== 'enterprise') throw new Error(`factor ${factor.name} is not computed from an enterprise history`);
    return extract(factor.source.extractor, factor.source.params, batch, windowed.get(i) ?? -1, asOfDay, context);
  });
}

/** The query column of each windowed factor (by factor index), in featureColumns' order: each column is named f<factor index>. */
function windowedPositions(spec: FactorSpec): Map<number, number> {
  const windowed = windowedColumns(spec);
  return new Map([...windowed.cases, ...windowed.clues].map((e, k) => [Number(alias(e).slice(1)), AGGREGATE_COLUMNS.length + k]));
}

/** A number column's first n values, each mapped (NaN, NULL, stays NaN unless `missing` says otherwise); non-finite results become NaN. */
function mapped(column: Float64Array, n: number, f: (x: number) => number = (x) => x, missing = NaN): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = column[i];
    const y = Number.isNaN(x) ? missing : f(x);
    out[i] = Number.isFinite(y) ? y : NaN;
  }
  return out;
}

function extract(
  extractor: string,
  params: Record<string, number> | undefined,
  batch: CopyColumns,
  windowedAt: number,
  asOfDay: number,
  context: FactorContext,
): FactorColumn {
  const n = batch.rows;
  const numbers = batch.numbers;
  switch (extractor) {
    case 'yearsInOperation':
      // Not yet established on the as-of day: no age to speak of.
      return mapped(numbers[AT.established_day], n, (day) => (day > asOfDay ? NaN : (asOfDay - day) / DAYS_PER_YEAR));
    case 'shareholderSubscribedCapital':
      return mapped(numbers[AT.shareholder_subscribed_wan], n);
    case 'employees':
      return mapped(numbers[AT.employees], n);
    case 'registeredCapital':
      return mapped(numbers[AT.registered_capital_wan], n);
    case 'industry':
      return batch.texts[AT.industry_code].map(industrySection);
    case 'abnormalListed':
      return Array.from(numbers[AT.abnormal_listed], (x) => (Number.isNaN(x) ? null : x === 1));
    case 'legalRepChanges':
      return mapped(numbers[AT.legal_rep_changes_2y], n);
    case 'sharedAddressCount':
      return mapped(numbers[AT.shared_address_count], n);
    case 'violationsInWindow':
    case 'complaintsInWindow':
      if (windowedAt < 0) throw new Error(`no column for ${extractor}`);
      return mapped(numbers[windowedAt], n, undefined, 0);
    case 'inspectionFailRate': {
      const codes = batch.texts[AT.industry_code];
      const failed = numbers[AT.failed];
      const inspections = numbers[AT.inspections];
      const strength = params?.shrinkStrength ?? 3;
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const section = industrySection(codes[i]);
        const prior = (section ? context.industryFailRate?.[section] : undefined) ?? context.overallFailRate ?? DEFAULT_FAIL_RATE;
        out[i] = (failed[i] + strength * prior) / (inspections[i] + strength);
      }
      return out;
    }
    case 'daysSinceLastInspection':
      return mapped(numbers[AT.last_inspection_day], n, (day) => asOfDay - day);
    default:
      throw new Error(`unknown extractor ${extractor}`);
  }
}
