/**
 * Runs the Chicago food-inspection benchmark both ways and prints one JSON line per variant.
 *   node -r @swc-node/register tools/backtest-chicago.ts [--csv FILE] [--out PREFIX] [--seed N]
 *     [--folds] [--variant enterprise|team] [--spec FILE] [--train JSON] [--verbose]
 * `--folds` replaces the published split by rolling windows entirely inside its training period
 * (before 2014-08-02), and adds a mean line per variant: every modelling choice is made there.
 * `auc95` and `daysEarlier95` are 95 % bootstrap intervals over the window's test inspections.
 * `--spec FILE` (enterprise spec; the team variant is the same spec ranked with the team) and
 * `--train JSON` (TrainOptions overrides) are for trying choices on the folds.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BacktestMetrics,
  FactorSpec,
  TrainOptions,
  backtestRowsToCsv,
  backtestTable,
  loadBuiltInSpec,
  loadSpecFile,
  readCsvTable,
} from '../libs/risk-model/src';

const PUBLISHED = { trainUntil: '2014-08-02', testFrom: '2014-09-02', testTo: '2014-10-31' };
/** Same shape as the published split (a month's gap, two months' test), all before its trainUntil. */
const FOLDS = [
  { trainUntil: '2012-10-02', testFrom: '2012-11-02', testTo: '2012-12-31' },
  { trainUntil: '2013-02-02', testFrom: '2013-03-02', testTo: '2013-04-30' },
  { trainUntil: '2013-05-02', testFrom: '2013-06-02', testTo: '2013-07-31' },
  { trainUntil: '2013-08-02', testFrom: '2013-09-02', testTo: '2013-10-31' },
  { trainUntil: '2013-11-02', testFrom: '2013-12-02', testTo: '2014-01-31' },
  { trainUntil: '2014-02-02', testFrom: '2014-03-02', testTo: '2014-04-30' },
];
const VARIANTS = { enterprise: 'chicago-enterprise', team: 'chicago-with-team' } as const;

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  // The data ships in the shared directory beside the repository (<root>/../shared), wherever that is.
  const csv = argument('--csv', join(__dirname, '..', '..', 'shared', 'data', 'chicago', 'chicago_inspections.csv'));
  const seed = Number(argument('--seed', '20140802'));
  const out = argument('--out', '');
  const verbose = process.argv.includes('--verbose');
  const folds = process.argv.includes('--folds');
  const windows = folds ? FOLDS : [PUBLISHED];
  const only = argument('--variant', '');
  const specFile = argument('--spec', '');
  const train = JSON.parse(argument('--train', '{}')) as Partial<Omit<TrainOptions, 'seed'>>;
  const table = readCsvTable(csv);
  const variants = only ? [VARIANTS[only as keyof typeof VARIANTS]] : Object.values(VARIANTS);
  for (const variant of variants) {
    const spec = specFor(variant, specFile);
    const measured: BacktestMetrics[] = [];
    for (const window of windows) {
      const result = await backtestTable(table, spec, {
        ...window,
        seed,
        useNuisanceInRanking: spec.nuisance?.useInRanking ?? false,
        onCandidate: verbose ? (c) => process.stderr.write(`${variant} ${JSON.stringify(c)}\n`) : undefined,
        train,
      });
      const m = result.metrics;
      measured.push(m);
      const line = {
        variant,
        window: `${window.trainUntil}|${window.testFrom}..${window.testTo}`,
        auc: round(m.auc),
        auc95: m.aucInterval.map(round),
        daysEarlier: round(m.daysEarlier),
        daysEarlier95: m.daysEarlierInterval.map(round),
        firstHalfShare: round(m.firstHalfShare),
        baselineFirstHalfShare: round(m.baselineFirstHalfShare),
        ece: round(m.ece),
        capture10: round(m.capture10.share),
        capture20: round(m.capture20.share),
        trainRows: m.trainRows,
        testRows: m.testRows,
        trainSeconds: round(m.trainSeconds),
        hyper: result.model.training.hyper,
        validationAuc: result.model.training.validation.auc === null ? null : round(result.model.training.validation.auc),
      };
      console.log(JSON.stringify(line));
      if (out && !folds) writeFileSync(`${out}.${variant}.csv`, backtestRowsToCsv(result.rows));
    }
    if (folds) console.log(JSON.stringify(foldMean(variant, measured)));
  }
}

function specFor(variant: (typeof VARIANTS)[keyof typeof VARIANTS], file: string): FactorSpec {
  if (!file) return loadBuiltInSpec(variant);
  const spec = loadSpecFile(file);
  const useInRanking = variant === VARIANTS.team;
  return { ...spec, id: `${spec.id}${useInRanking ? '+team' : ''}`, nuisance: spec.nuisance && { ...spec.nuisance, useInRanking } };
}

/** The figures the choices are made on: means over the folds (and the worst fold, for drift). */
function foldMean(variant: string, ms: BacktestMetrics[]) {
  const mean = (pick: (m: BacktestMetrics) => number) => round(ms.reduce((s, m) => s + pick(m), 0) / ms.length);
  return {
    variant,
    window: 'folds-mean',
    folds: ms.length,
    auc: mean((m) => m.auc),
    daysEarlier: mean((m) => m.daysEarlier),
    firstHalfShare: mean((m) => m.firstHalfShare),
    baselineFirstHalfShare: mean((m) => m.baselineFirstHalfShare),
    ece: mean((m) => m.ece),
    worstDaysEarlier: round(Math.min(...ms.map((m) => m.daysEarlier))),
    trainSeconds: mean((m) => m.trainSeconds),
  };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
