/** A factor specification is data: the catalogue of factors, how each is computed, binned and explained. */

export interface LocalText {
  zh: string;
  en: string;
}

export type FactorKind = 'numeric' | 'categorical' | 'boolean';
export const FACTOR_TRANSFORMS = ['none', 'log1p'] as const;
export type FactorTransform = (typeof FACTOR_TRANSFORMS)[number];

/** Built-in computations over an EnterpriseHistory; `params` tune them (window lengths, weights). */
export const ENTERPRISE_EXTRACTORS = [
  'yearsInOperation',
  'shareholderSubscribedCapital',
  'employees',
  'industry',
  'registeredCapital',
  'violationsInWindow',
  'inspectionFailRate',
  'complaintsInWindow',
  'abnormalListed',
  'legalRepChanges',
  'daysSinceLastInspection',
  'sharedAddressCount',
] as const;
export type EnterpriseExtractor = (typeof ENTERPRISE_EXTRACTORS)[number];

/** History statistics over earlier rows of the same entity in a flat table (strictly earlier dates). */
export const HISTORY_STATS = ['priorCount', 'priorSum', 'priorRate', 'daysSinceLast'] as const;
export type HistoryStat = (typeof HISTORY_STATS)[number];

export type FactorSource =
  | { from: 'column'; column: string }
  | { from: 'history'; stat: HistoryStat; column?: string; windowDays?: number; shrinkStrength?: number }
  | { from: 'enterprise'; extractor: EnterpriseExtractor; params?: Record<string, number> };

/** Which way a factor's value moves to lower risk, for "what you can change" suggestions. */
export type LowerRiskDirection = 'decrease' | 'increase' | 'any';

export type MonotoneShape = 'increasing' | 'decreasing';

export interface FactorBinning {
  /** Most bins for a numeric factor (besides the missing state). */
  maxBins?: number;
  /** Categorical levels seen fewer times than this in training share one "other" bin. */
  minLevelCount?: number;
}

export interface FactorDefinition {
  name: string;
  label: LocalText;
  kind: FactorKind;
  transform?: FactorTransform;
  binning?: FactorBinning;
  /** Whether the enterprise can act on it; age, industry and size never are. */
  actionable: boolean;
  lowerRiskDirection?: LowerRiskDirection;
  /**
   * Optional shape constraint on the fitted term over the factor's ordered values (numeric or
   * boolean; the missing state stays free): e.g. more earlier violations never lower the risk.
   */
  monotone?: MonotoneShape;
  /**
   * Reason template; `{value}` is the factor's value as used. `enOne`, when given, is the English
   * template for a value shown as 1 ("1 violation", not "1 violations").
   */
  reason: LocalText & { enOne?: string };
  /** What the enterprise could do; only read for actionable factors. */
  change?: LocalText;
  source: FactorSource;
}

/** How a flat table (one row per inspection) maps onto the model's roles. */
export interface TableLayout {
  idColumn: string;
  dateColumn: string;
  entityColumn: string;
  labelColumn: string;
  /** A column with the true probability, present only in generated cities. */
  truthColumn?: string;
}

/** A grouping estimated while fitting (e.g. inspector team) that never enters an enterprise score. */
export interface NuisanceDefinition {
  name: string;
  label: LocalText;
  /** Column holding the group in a flat table. */
  column?: string;
  /** The backtest may rank with it (as the city did); the product never scores with it. */
  useInRanking?: boolean;
}

export interface FitDefaults {
  smoothness?: number[];
  l2?: number[];
  nuisanceL2?: number[];
  maxBins?: number;
  validationDays?: number;
  /** See TrainOptions.earlyStopping (default true). */
  earlyStopping?: boolean;
  /** Newton steps at most per fit. */
  maxIterations?: number;
  /** See TrainOptions.halfLifeDays (default: no recency weighting). */
  halfLifeDays?: number;
}

export interface FactorSpec {
  id: string;
  version: string;
  label: LocalText;
  table?: TableLayout;
  nuisance?: NuisanceDefinition;
  factors: FactorDefinition[];
  fit?: FitDefaults;
}

export type FactorValue = number | string | boolean | null;
export type FactorValues = Record<string, FactorValue>;
/**
 * One factor's values for many rows (a bulk run's chunk): a Float64Array for a numeric factor, NaN
 * standing for a missing value, or an array of values of any kind.
 */
export type FactorColumn = Float64Array | FactorValue[];
