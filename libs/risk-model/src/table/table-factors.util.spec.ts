import { generatedCitySpec, generateCityTable } from '../testing/generated-city.util';
import { computeTableFactors, unreadableCells } from './table-factors.util';

describe('computeTableFactors', () => {
  const spec = generatedCitySpec();

  it('history factors read only earlier rows of the same entity, never same-day rows', () => {
    const rows = [
      {
        id: '1',
        date: '2020-01-01',
        entity: 'A',
        team: 't',
        age: '1',
        industry: 'C',
        complaints: '0',
        employees: '',
        abnormal: '0',
        found: '1',
        truth_p: '0.5',
      },
      {
        id: '2',
        date: '2020-01-01',
        entity: 'A',
        team: 't',
        age: '1',
        industry: 'C',
        complaints: '0',
        employees: '',
        abnormal: '0',
        found: '1',
        truth_p: '0.5',
      },
      {
        id: '3',
        date: '2020-02-01',
        entity: 'A',
        team: 't',
        age: '1',
        industry: 'C',
        complaints: '0',
        employees: '',
        abnormal: '0',
        found: '0',
        truth_p: '0.5',
      },
    ];
    const t = computeTableFactors(rows, spec);
    // Rows 1 and 2: nothing known before → the running mean is 0 with no rows yet.
    expect(t.factors[0].prior_rate).toBe(0);
    expect(t.factors[1].prior_rate).toBe(0);
    // Row 3 sees two earlier failures, shrunk toward the mean of earlier rows (1): (2 + 3·1) / (2 + 3).
    expect(t.factors[2].prior_rate).toBe(1);
  });

  it("adding rows dated on or after D never changes any earlier row's factors", () => {
    const rows = generateCityTable(400, 7);
    const cut = rows[200].date;
    const early = rows.filter((r) => r.date < cut);
    const withLater = computeTableFactors(rows, spec);
    const alone = computeTableFactors(early, spec);
    const earlyIds = new Set(early.map((r) => r.id));
    const fromFull = withLater.factors.filter((_, i) => earlyIds.has(rows[i].id));
    expect(fromFull).toEqual(alone.factors);
  });

  it('a 0/1 column written in words (TRUE/FALSE, yes/no, 是/否) gives the history factors its digits give', () => {
    const rows = generateCityTable(400, 11);
    const words: Record<string, string[]> = { '1': ['TRUE', 'yes', '是'], '0': ['FALSE', 'no', '否'] };
    const worded = rows.map((r, i) => ({ ...r, found: words[r.found][i % 3] }));
    expect(computeTableFactors(worded, spec)).toEqual(computeTableFactors(rows, spec));
  });

  it('counts cells that say something the factors cannot read, by column, and not blanks or NA', () => {
    const rows = generateCityTable(20, 5).map((r, i) => {
      if (i === 2) return { ...r, age: '1,5', employees: '' };
      if (i === 4) return { ...r, abnormal: 'Pass', employees: 'NA' };
      if (i === 6) return { ...r, age: '3,25', found: 'TRUE' };
      return r;
    });
    expect(unreadableCells(rows, spec)).toEqual({
      age: { count: 2, rows: [3, 7], example: '1,5' },
      abnormal: { count: 1, rows: [5], example: 'Pass' },
    });
    expect(unreadableCells(generateCityTable(20, 5), spec)).toEqual({});
  });
});
