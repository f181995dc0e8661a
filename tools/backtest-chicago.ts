/**
 * Runs the Chicago food-inspection benchmark both ways and prints one JSON line per variant.
 *   node -r @swc-node/register tools/backtest-chicago.ts [--csv FILE] [--out PREFIX] [--seed N] [--dev]
 * `--dev` replaces the published split by windows inside the training period (for choosing a spec
 * without looking at the published test window).
 */
import { writeFileSync } from 'node:fs';
import { backtestRowsToCsv, backtestTable, loadBuiltInSpec, readCsvTable } from '../libs/risk-model/src';

const PUBLISHED = { trainUntil: '2014-08-02', testFrom: '2014-09-02', testTo: '2014-10-31' };
const DEV_WINDOWS = [
  { trainUntil: '2013-08-02', testFrom: '2013-09-02', testTo: '2013-10-31' },
  { trainUntil: '2014-05-02', testFrom: '2014-06-02', testTo: '2014-08-01' },
];

function argument(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

async function main(): Promise<void> {
  const csv = argument('--csv', '/work/shared/data/chicago/chicago_inspections.csv');
  const seed = Number(argument('--seed', '20140802'));
  const out = argument('--out', '');
  const verbose = process.argv.includes('--verbose');
  const windows = process.argv.includes('--dev') ? DEV_WINDOWS : [PUBLISHED];
  const table = readCsvTable(csv);
  for (const window of windows) {
    for (const variant of ['chicago-enterprise', 'chicago-with-team'] as const) {
      const spec = loadBuiltInSpec(variant);
      const result = await backtestTable(table, spec, {
        ...window,
        seed,
        useNuisanceInRanking: spec.nuisance?.useInRanking ?? false,
        onCandidate: verbose ? (c) => process.stderr.write(`${variant} ${JSON.stringify(c)}\n`) : undefined,
      });
      const m = result.metrics;
      const line = {
        variant,
        window: `${window.trainUntil}|${window.testFrom}..${window.testTo}`,
        auc: round(m.auc),
        daysEarlier: round(m.daysEarlier),
        firstHalfShare: round(m.firstHalfShare),
        baselineFirstHalfShare: round(m.baselineFirstHalfShare),
        ece: round(m.ece),
        capture10: round(m.capture10.share),
        capture20: round(m.capture20.share),
        trainRows: m.trainRows,
        testRows: m.testRows,
        trainSeconds: round(m.trainSeconds),
        hyper: result.model.training.hyper,
        validationAuc: round(result.model.training.validation.auc),
      };
      console.log(JSON.stringify(line));
      if (out) writeFileSync(`${out}.${variant}.csv`, backtestRowsToCsv(result.rows));
    }
  }
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
