import { DAYS_PER_YEAR, DateInput, toDayNumber } from '../spec/date.util';
import { EnterpriseExtractor, FactorSpec, FactorValue, FactorValues } from '../spec/factor-spec.model';
import { EnterpriseHistory, FactorContext } from './enterprise-history.model';

type Params = Record<string, number>;
type Extractor = (history: EnterpriseHistory, asOfDay: number, params: Params, context: FactorContext) => FactorValue;

/** A fallback when no industry or overall rate is supplied; the caller should supply one. */
const DEFAULT_FAIL_RATE = 0.15;

/**
 * The factors of `spec` for one enterprise as of a date. Only events dated strictly before the
 * as-of day are read, so records arriving later with dates on or after it never change the result.
 */
export function computeFactors(history: EnterpriseHistory, asOf: DateInput, spec: FactorSpec, context: FactorContext = {}): FactorValues {
  const asOfDay = toDayNumber(asOf);
  const values: FactorValues = {};
  for (const factor of spec.factors) {
    if (factor.source.from !== 'enterprise') {
      throw new Error(`factor ${factor.name} is not computed from an enterprise history`);
    }
    const extractor = EXTRACTORS[factor.source.extractor];
    if (!extractor) throw new Error(`unknown extractor for factor ${factor.name}`);
    values[factor.name] = extractor(history, asOfDay, factor.source.params ?? {}, context);
  }
  return values;
}

/** Industry section letter (GB/T 4754 门类) of a code such as `H6210`. */
export function industrySection(code: string | null): string | null {
  const letter = code?.trim().charAt(0).toUpperCase();
  return letter && /[A-T]/.test(letter) ? letter : null;
}

function before(date: DateInput, asOfDay: number, windowDays?: number): boolean {
  const day = toDayNumber(date);
  if (day >= asOfDay) return false;
  return windowDays === undefined || day >= asOfDay - windowDays;
}

function finiteOrNull(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : value;
}

function windowDays(params: Params, fallbackYears: number): number {
  return Math.round((params.years ?? fallbackYears) * DAYS_PER_YEAR);
}

const EXTRACTORS: Record<EnterpriseExtractor, Extractor> = {
  yearsInOperation: (h, day) => {
    if (!h.subject.establishedOn) return null;
    const age = day - toDayNumber(h.subject.establishedOn);
    // Not yet established on the as-of day: no age to speak of.
    return age < 0 ? null : age / DAYS_PER_YEAR;
  },
  shareholderSubscribedCapital: (h) => finiteOrNull(h.subject.shareholderSubscribedWan),
  employees: (h) => finiteOrNull(h.subject.employees),
  registeredCapital: (h) => finiteOrNull(h.subject.registeredCapitalWan),
  industry: (h) => industrySection(h.subject.industryCode),
  abnormalListed: (h) => h.subject.abnormalListed,
  legalRepChanges: (h) => finiteOrNull(h.subject.legalRepChanges2y),
  sharedAddressCount: (h) => finiteOrNull(h.subject.sharedAddressCount),
  violationsInWindow: (h, day, params) => {
    const window = windowDays(params, 3);
    // Per the source contract every 处罚 case is a violation, as is an inspection that found one.
    const failed = h.inspections.filter((i) => i.violationFound && before(i.date, day, window)).length;
    return failed + h.penalties.filter((p) => before(p.date, day, window)).length;
  },
  inspectionFailRate: (h, day, params, context) => {
    const past = h.inspections.filter((i) => before(i.date, day));
    const section = industrySection(h.subject.industryCode);
    const prior = (section ? context.industryFailRate?.[section] : undefined) ?? context.overallFailRate ?? DEFAULT_FAIL_RATE;
    const strength = params.shrinkStrength ?? 3;
    const failed = past.filter((i) => i.violationFound).length;
    // Shrunk toward the industry rate: with no history the factor is the industry rate itself.
    return (failed + strength * prior) / (past.length + strength);
  },
  complaintsInWindow: (h, day, params) => {
    const window = windowDays(params, 1);
    const verifiedWeight = params.verifiedWeight ?? 1;
    const uncheckedWeight = params.uncheckedWeight ?? 0.5;
    let total = 0;
    for (const clue of h.clues) {
      if (!before(clue.receivedAt, day, window)) continue;
      // False (不属实) clues are not counted at all.
      if (clue.verified === true) total += verifiedWeight;
      else if (clue.verified === null) total += uncheckedWeight;
    }
    return total;
  },
  daysSinceLastInspection: (h, day) => {
    let last = -Infinity;
    for (const inspection of h.inspections) {
      const d = toDayNumber(inspection.date);
      if (d < day && d > last) last = d;
    }
    return last === -Infinity ? null : day - last;
  },
};

/** Per-industry violation rates from inspections dated before `asOf`, for the fail-rate prior. */
export function industryFailRates(histories: EnterpriseHistory[], asOf: DateInput): FactorContext {
  const day = toDayNumber(asOf);
  const counts = new Map<string, { failed: number; total: number }>();
  for (const history of histories) {
    const section = industrySection(history.subject.industryCode) ?? '?';
    const entry = counts.get(section) ?? { failed: 0, total: 0 };
    for (const inspection of history.inspections) {
      if (!before(inspection.date, day)) continue;
      entry.total++;
      if (inspection.violationFound) entry.failed++;
    }
    counts.set(section, entry);
  }
  return failRatePrior(counts);
}

/** Inspections of one industry section on one day, as the scoring service counts them. */
export interface IndustryInspectionCount {
  /** Section letter, or '?' for no known section. */
  section: string;
  date: DateInput;
  failed: number;
  total: number;
}

/**
 * The fail-rate prior as of any day from per-day counts: as of D it reads only inspections dated
 * before D, so training rows, each as of its own inspection's date, never see a later outcome
 * (nor their own) through their industry's rate.
 */
export function industryFailRatesByDay(counts: IndustryInspectionCount[]): (asOf: DateInput) => FactorContext {
  const byDay = counts.map((c) => ({ ...c, day: toDayNumber(c.date) })).sort((x, y) => x.day - y.day);
  // days[k] is the k-th distinct day with inspections; contexts[k] reads every day before days[k].
  const days: number[] = [];
  const contexts: FactorContext[] = [];
  const sums = new Map<string, { failed: number; total: number }>();
  for (const c of byDay) {
    if (days[days.length - 1] !== c.day) {
      days.push(c.day);
      contexts.push(failRatePrior(sums));
    }
    const entry = sums.get(c.section) ?? { failed: 0, total: 0 };
    entry.failed += c.failed;
    entry.total += c.total;
    sums.set(c.section, entry);
  }
  contexts.push(failRatePrior(sums));
  return (asOf) => {
    const day = toDayNumber(asOf);
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return contexts[lo];
  };
}

/**
 * The fail-rate prior from inspections counted per industry section (those dated before some day):
 * the overall rate, and each section's rate shrunk toward it.
 */
export function failRatePrior(counts: ReadonlyMap<string, { failed: number; total: number }>): FactorContext {
  let failed = 0;
  let total = 0;
  for (const c of counts.values()) {
    failed += c.failed;
    total += c.total;
  }
  const overall = total > 0 ? failed / total : DEFAULT_FAIL_RATE;
  const industryFailRate: Record<string, number> = {};
  // Small industries borrow strength from the overall rate (20 pseudo-inspections).
  for (const [section, c] of counts) industryFailRate[section] = (c.failed + 20 * overall) / (c.total + 20);
  return { industryFailRate, overallFailRate: overall };
}
