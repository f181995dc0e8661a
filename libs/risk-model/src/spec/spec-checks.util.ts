import { ENTERPRISE_EXTRACTORS, FACTOR_TRANSFORMS, FactorDefinition, FitDefaults, HISTORY_STATS, TableLayout } from './factor-spec.model';

/**
 * The parts of a spec a hand-written file gets wrong most: where a factor's values come from, the
 * fit's settings and a flat table's columns. Each error names the place and what is allowed there.
 */
const oneOf = (allowed: readonly string[]) => allowed.map((a) => `"${a}"`).join(', ');
const isText = (x: unknown): x is string => typeof x === 'string' && x.trim() !== '';
const isPositive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;
const isWhole = (x: unknown): x is number => Number.isInteger(x) && (x as number) > 0;

export function checkSource(where: string, factor: FactorDefinition): void {
  const source = factor.source as unknown as Record<string, unknown> | undefined;
  if (factor.transform !== undefined && !FACTOR_TRANSFORMS.includes(factor.transform)) {
    throw new Error(`${where}: transform must be one of ${oneOf(FACTOR_TRANSFORMS)}`);
  }
  if (!source || typeof source !== 'object') throw new Error(`${where}: needs a source`);
  if (source.from === 'column') {
    if (!isText(source.column)) throw new Error(`${where}: a column source names its column`);
  } else if (source.from === 'history') {
    if (!HISTORY_STATS.includes(source.stat as never)) throw new Error(`${where}: history stat must be one of ${oneOf(HISTORY_STATS)}`);
    if ((source.stat === 'priorSum' || source.stat === 'priorRate') && !isText(source.column)) {
      throw new Error(`${where}: history stat ${source.stat} names the column it sums`);
    }
    if (source.windowDays !== undefined && !isWhole(source.windowDays)) throw new Error(`${where}: windowDays must be a whole number of days above 0`);
    if (source.shrinkStrength !== undefined && !(typeof source.shrinkStrength === 'number' && source.shrinkStrength >= 0)) {
      throw new Error(`${where}: shrinkStrength must be a number of at least 0`);
    }
  } else if (source.from === 'enterprise') {
    if (!ENTERPRISE_EXTRACTORS.includes(source.extractor as never)) {
      throw new Error(`${where}: enterprise extractor must be one of ${oneOf(ENTERPRISE_EXTRACTORS)}`);
    }
  } else {
    throw new Error(`${where}: unknown source (from must be "column", "history" or "enterprise")`);
  }
}

export function checkFit(specId: string, fit: FitDefaults | undefined): void {
  if (fit === undefined) return;
  const where = `spec ${specId}, fit`;
  if (!fit || typeof fit !== 'object') throw new Error(`${where}: must be an object`);
  for (const grid of ['smoothness', 'l2', 'nuisanceL2'] as const) {
    const values = fit[grid] as unknown;
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.length === 0 || !values.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)) {
      throw new Error(`${where}: ${grid} must be a list of the values to try, each a number of at least 0 (e.g. [30])`);
    }
  }
  for (const whole of ['maxBins', 'validationDays', 'maxIterations'] as const) {
    if (fit[whole] !== undefined && !isWhole(fit[whole])) throw new Error(`${where}: ${whole} must be a whole number above 0`);
  }
  if (fit.halfLifeDays !== undefined && !isPositive(fit.halfLifeDays)) throw new Error(`${where}: halfLifeDays must be a number above 0`);
  if (fit.earlyStopping !== undefined && typeof fit.earlyStopping !== 'boolean') throw new Error(`${where}: earlyStopping must be true or false`);
}

export function checkTableLayout(specId: string, table: TableLayout | undefined): void {
  if (table === undefined) return;
  for (const role of ['idColumn', 'dateColumn', 'entityColumn', 'labelColumn'] as const) {
    if (!isText(table[role])) throw new Error(`spec ${specId}, table: ${role} must name a column`);
  }
  if (table.truthColumn !== undefined && !isText(table.truthColumn)) throw new Error(`spec ${specId}, table: truthColumn must name a column`);
}
