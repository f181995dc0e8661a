import { GamModel } from '../model/gam.model';
import { TestWindowMetrics, testWindowMetrics } from '../metrics/test-window.util';
import { dayNumberToIso, toDayNumber } from '../spec/date.util';
import { FactorSpec } from '../spec/factor-spec.model';
import { TableRow, computeTableFactors, tableLayout, unreadableCells, type UnreadableCells } from '../table/table-factors.util';
import { SkippedRows, usableTableRows } from '../table/table-check.util';
import { CandidateResult, TrainOptions, trainGamModel } from '../fit/train-model.util';
import { nuisanceOffsets, scoreBatch, sigmoid } from '../score/score-batch.util';
import { ColourPolicy } from '../score/colour-policy.model';

export interface BacktestOptions {
  /** Train on rows dated strictly before this day. */
  trainUntil: string;
  /** Test on rows dated testFrom..testTo inclusive. */
  testFrom: string;
  testTo: string;
  seed: number;
  /** Rank with the nuisance (team) term as the city did; the product never does. */
  useNuisanceInRanking?: boolean;
  validationDays?: number;
  onCandidate?: (candidate: CandidateResult) => void;
  /** Further training options (grid, hyper, earlyStopping, halfLifeDays); the spec's fit block otherwise. */
  train?: Partial<Omit<TrainOptions, 'seed'>>;
}

export interface BacktestMetrics extends TestWindowMetrics {
  /** Rows of the table left out because their date, outcome or entity could not be read. */
  skippedRows: SkippedRows;
  /** Non-blank cells the factors could not read, by column (absent when there are none). */
  unreadableCells?: UnreadableCells;
  trainRows: number;
  trainSeconds: number;
}

export interface BacktestRowScore {
  id: string;
  date: string;
  label: number;
  score: number;
  probability: number;
}

export interface BacktestResult {
  metrics: BacktestMetrics;
  model: GamModel;
  rows: BacktestRowScore[];
}

const NEUTRAL_POLICY: ColourPolicy = { version: 'backtest', thresholds: { yellow: 0.5, red: 0.75 } };

/**
 * Train on what was known before `trainUntil`, score the test window, and measure. Factors of every
 * row use only rows dated before it; test labels are read only after the model is fixed.
 */
export async function backtestTable(rows: TableRow[], spec: FactorSpec, options: BacktestOptions): Promise<BacktestResult> {
  const { rows: table, skipped } = usableTableRows(rows, spec, tableLayout(spec));
  const resolved = computeTableFactors(table, spec);
  const unreadable = unreadableCells(rows, spec);
  const trainUntil = toDayNumber(options.trainUntil);
  const testFrom = toDayNumber(options.testFrom);
  const testTo = toDayNumber(options.testTo);
  if (testFrom < trainUntil) throw new Error('test window must start on or after trainUntil');
  if (testTo < testFrom) throw new Error('test window must not end before it starts');
  const train: number[] = [];
  const test: number[] = [];
  resolved.days.forEach((d, i) => {
    if (d < trainUntil) train.push(i);
    else if (d >= testFrom && d <= testTo) test.push(i);
  });
  // Said before the fit, which a window with nothing to test would only waste.
  if (test.length === 0) throw new Error(`no inspections in the test window (${options.testFrom} to ${options.testTo})`);
  if (train.length === 0)
    throw new Error(`no inspections before ${options.trainUntil} to train on (the table's inspections run from ${tableSpan(resolved.days)})`);
  const pick = <T>(xs: ArrayLike<T>, idx: number[]) => idx.map((i) => xs[i]);
  const started = process.hrtime.bigint();
  const model = await trainGamModel(
    spec,
    {
      factors: pick(resolved.factors, train),
      labels: Uint8Array.from(train, (i) => resolved.labels[i]),
      days: Int32Array.from(train, (i) => resolved.days[i]),
      nuisance: spec.nuisance ? pick(resolved.nuisance, train) : null,
    },
    {
      ...options.train,
      seed: options.seed,
      validationDays: options.validationDays,
      useNuisanceInRanking: options.useNuisanceInRanking,
      onCandidate: options.onCandidate,
    },
  );
  const trainSeconds = Number(process.hrtime.bigint() - started) / 1e9;

  const scored = scoreBatch(model, pick(resolved.factors, test), NEUTRAL_POLICY);
  const offsets = options.useNuisanceInRanking ? nuisanceOffsets(model, pick(resolved.nuisance, test)) : new Float64Array(test.length);
  const score = Float64Array.from(scored.logit, (z, k) => z + offsets[k]);
  const probability = Float64Array.from(score, sigmoid);
  const labels = Uint8Array.from(test, (i) => resolved.labels[i]);
  const days = Int32Array.from(test, (i) => resolved.days[i]);
  const truth = resolved.truth ? Float64Array.from(test, (i) => resolved.truth![i]) : null;
  return {
    model,
    metrics: {
      skippedRows: skipped,
      ...(Object.keys(unreadable).length > 0 ? { unreadableCells: unreadable } : {}),
      trainRows: train.length,
      ...testWindowMetrics({ score, probability, labels, days, truth, seed: options.seed }),
      trainSeconds,
    },
    rows: test.map((i, k) => ({
      id: resolved.ids[i],
      date: table[i][spec.table!.dateColumn],
      label: labels[k],
      score: score[k],
      probability: probability[k],
    })),
  };
}

/** The first and last day of a table's usable rows, for saying where a window missed them. */
function tableSpan(days: ArrayLike<number>): string {
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < days.length; i++) {
    first = Math.min(first, days[i]);
    last = Math.max(last, days[i]);
  }
  return `${dayNumberToIso(first)} to ${dayNumberToIso(last)}`;
}

/** The per-inspection scores as CSV (id, date, score, probability) for `--out`. */
export function backtestRowsToCsv(rows: BacktestRowScore[]): string {
  const lines = ['id,date,score,probability'];
  for (const r of rows) lines.push(`${csvCell(r.id)},${r.date},${r.score.toFixed(8)},${r.probability.toFixed(8)}`);
  return `${lines.join('\n')}\n`;
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
