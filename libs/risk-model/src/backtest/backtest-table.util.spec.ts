import { Prng } from '@tianping/common';
import { generatedCitySpec, generateCityTable } from '../testing/generated-city.util';
import { backtestTable } from './backtest-table.util';

/** The generated city with every true log-odds moved by `shift`, outcomes drawn again: a city with another violation rate. */
function cityWithRate(rows: number, seed: number, shift: number) {
  const prng = new Prng(seed).fork('base-rate');
  return generateCityTable(rows, seed).map((row) => {
    const p = Number(row.truth_p);
    const q = 1 / (1 + Math.exp(-(Math.log(p / (1 - p)) + shift)));
    return { ...row, truth_p: q.toFixed(6), found: prng.bernoulli(q) ? '1' : '0' };
  });
}

describe('backtests on cities whose violation rate is unlike the demo', () => {
  it.each([
    ['about 3 %', -2.3],
    ['about 40 %', 1.2],
  ])('stay calibrated and below the truth when violations are %s of inspections', async (_, shift) => {
    const { metrics, rows } = await backtestTable(cityWithRate(2000, 7, shift), generatedCitySpec(), {
      trainUntil: '2021-07-01',
      testFrom: '2021-07-01',
      testTo: '2021-12-31',
      seed: 1,
    });
    expect(rows.every((r) => r.probability > 0 && r.probability < 1)).toBe(true);
    const meanProbability = rows.reduce((s, r) => s + r.probability, 0) / rows.length;
    expect(Math.abs(meanProbability - metrics.testPositiveRate)).toBeLessThan(0.05);
    expect(metrics.ece).toBeLessThan(0.08);
    // A model ranking better than the truth that drew the outcomes would betray leakage.
    expect(metrics.auc).toBeLessThan(metrics.truthAuc!);
    expect(metrics.auc).toBeGreaterThan(0.55);
  });
});

describe('backtests on a window with nothing to test', () => {
  it('say so instead of measuring an empty window', async () => {
    const table = generateCityTable(300, 3);
    const window = { trainUntil: '2021-07-01', seed: 1 };
    await expect(backtestTable(table, generatedCitySpec(), { ...window, testFrom: '2031-01-01', testTo: '2031-06-30' })).rejects.toThrow(
      'no inspections in the test window (2031-01-01 to 2031-06-30)',
    );
    await expect(backtestTable(table, generatedCitySpec(), { ...window, testFrom: '2021-12-31', testTo: '2021-07-01' })).rejects.toThrow(
      'test window must not end before it starts',
    );
  });

  it('say so, with the days the table holds, when nothing comes before the training cut-off', async () => {
    const table = generateCityTable(300, 3);
    const spec = generatedCitySpec();
    const days = table.map((row) => row[spec.table!.dateColumn]).sort();
    await expect(backtestTable(table, spec, { trainUntil: days[0], testFrom: days[0], testTo: days[days.length - 1], seed: 1 })).rejects.toThrow(
      `no inspections before ${days[0]} to train on (the table's inspections run from ${days[0]} to ${days[days.length - 1]})`,
    );
  });
});
