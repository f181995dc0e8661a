import { DAYS_PER_YEAR, industrySection, type FactorContext, type FactorSpec, type FactorValue, type FactorValues } from '@tianping/risk-model';

/** Subject columns and per-enterprise aggregates as of D, as the bulk feature query returns them. */
export interface EnterpriseAggregateRow {
  credit_code: string;
  established_day: number | null;
  registered_capital_wan: number | null;
  shareholder_subscribed_wan: number | null;
  employees: number | null;
  industry_code: string | null;
  abnormal_listed: boolean | null;
  legal_rep_changes_2y: number | null;
  shared_address_count: number;
  inspections: number;
  failed: number;
  last_inspection_day: number | null;
  [windowed: `f${number}`]: number | null;
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

/** The factor values of one aggregate row, in the same form computeFactors gives for the same history. */
export function rowFactors(row: EnterpriseAggregateRow, asOfDay: number, spec: FactorSpec, context: FactorContext): FactorValues {
  const values: FactorValues = {};
  spec.factors.forEach((factor, i) => {
    if (factor.source.from !== 'enterprise') throw new Error(`factor ${factor.name} is not computed from an enterprise history`);
    values[factor.name] = extract(factor.source.extractor, factor.source.params, row, i, asOfDay, context);
  });
  return values;
}

function finiteOrNull(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}

function extract(
  extractor: string,
  params: Record<string, number> | undefined,
  row: EnterpriseAggregateRow,
  i: number,
  asOfDay: number,
  context: FactorContext,
): FactorValue {
  switch (extractor) {
    case 'yearsInOperation': {
      if (row.established_day === null) return null;
      const age = asOfDay - row.established_day;
      return age < 0 ? null : age / DAYS_PER_YEAR;
    }
    case 'shareholderSubscribedCapital':
      return finiteOrNull(row.shareholder_subscribed_wan);
    case 'employees':
      return finiteOrNull(row.employees);
    case 'registeredCapital':
      return finiteOrNull(row.registered_capital_wan);
    case 'industry':
      return industrySection(row.industry_code);
    case 'abnormalListed':
      return row.abnormal_listed;
    case 'legalRepChanges':
      return finiteOrNull(row.legal_rep_changes_2y);
    case 'sharedAddressCount':
      return row.shared_address_count;
    case 'violationsInWindow':
    case 'complaintsInWindow':
      return row[`f${i}`] ?? 0;
    case 'inspectionFailRate': {
      const section = industrySection(row.industry_code);
      const prior = (section ? context.industryFailRate?.[section] : undefined) ?? context.overallFailRate ?? DEFAULT_FAIL_RATE;
      const strength = params?.shrinkStrength ?? 3;
      return (row.failed + strength * prior) / (row.inspections + strength);
    }
    case 'daysSinceLastInspection':
      return row.last_inspection_day === null ? null : asOfDay - row.last_inspection_day;
    default:
      throw new Error(`unknown extractor ${extractor}`);
  }
}
