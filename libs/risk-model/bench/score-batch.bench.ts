/**
 * Scoring throughput on a million synthetic rows:
 *   node -r @swc-node/register libs/risk-model/bench/score-batch.bench.ts [rows]
 * Fits a small model on a generated city, then scores `rows` factor rows with scoreBatch.
 */
import { Prng } from '@tianping/common';
import { FactorValues, backtestTable, generateCityTable, generatedCitySpec, scoreBatch } from '../src';

async function main(): Promise<void> {
  const rows = Number(process.argv[2] ?? 1_000_000);
  const spec = generatedCitySpec();
  const fitted = await backtestTable(generateCityTable(20_000, 1), spec, {
    trainUntil: '2021-06-01',
    testFrom: '2021-07-01',
    testTo: '2021-12-31',
    seed: 1,
  });
  const prng = new Prng(2);
  const industries = ['A', 'C', 'F', 'H', 'I', 'Q'];
  const factorRows: FactorValues[] = Array.from({ length: rows }, () => ({
    age: prng.next() * 30,
    industry: prng.pick(industries),
    complaints: prng.poisson(1),
    employees: prng.bernoulli(0.2) ? null : prng.int(1, 500),
    abnormal: prng.bernoulli(0.1),
    prior_rate: prng.next(),
  }));
  const policy = { version: 'bench', thresholds: { yellow: 0.2, red: 0.4 } };
  const started = process.hrtime.bigint();
  const scored = scoreBatch(fitted.model, factorRows, policy);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const explainStarted = process.hrtime.bigint();
  const sample = Math.min(rows, 100_000);
  for (let i = 0; i < sample; i++) scored.explain(i);
  const explainSeconds = Number(process.hrtime.bigint() - explainStarted) / 1e9;
  console.log(
    JSON.stringify({
      rows,
      factors: spec.factors.length,
      scoreSeconds: Math.round(seconds * 1000) / 1000,
      rowsPerSecond: Math.round(rows / seconds),
      explainRowsPerSecond: Math.round(sample / explainSeconds),
      trainSeconds: Math.round(fitted.metrics.trainSeconds * 100) / 100,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
