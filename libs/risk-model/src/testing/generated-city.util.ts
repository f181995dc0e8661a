import { Prng } from '@tianping/common';
import { dayNumberToIso, toDayNumber } from '../spec/date.util';
import { FactorSpec } from '../spec/factor-spec.model';
import { TableRow } from '../table/table-factors.util';

/**
 * A small generated city as a flat inspection table with known truth: each row's true violation
 * probability is in `truth_p`, so a backtest can check that no model beats the truth (leakage).
 */
export function generateCityTable(rows: number, seed: number): TableRow[] {
  const prng = new Prng(seed).fork('city');
  const teams = ['north', 'south', 'east', 'west'];
  const teamEffect: Record<string, number> = { north: 0.8, south: -0.6, east: 0.2, west: -0.4 };
  const industries = ['A', 'C', 'F', 'H', 'I'];
  const industryEffect: Record<string, number> = { A: -0.3, C: 0.4, F: 0.1, H: 0.6, I: -0.5 };
  const entities = Math.max(1, Math.floor(rows / 4));
  const firms = Array.from({ length: entities }, (_, k) => ({
    id: `E${k}`,
    age: prng.next() * 30,
    industry: prng.pick(industries),
    frailty: prng.normal(0, 0.7),
    abnormal: prng.bernoulli(0.1),
  }));
  const start = toDayNumber('2020-01-01');
  const out: TableRow[] = [];
  for (let i = 0; i < rows; i++) {
    const firm = prng.pick(firms);
    const team = prng.pick(teams);
    const complaints = prng.poisson(Math.exp(firm.frailty) * 0.8);
    const employees = prng.bernoulli(0.2) ? '' : String(prng.int(1, 500));
    const enterprise = -1.6 + industryEffect[firm.industry] + 0.5 * Math.log1p(complaints) - 0.03 * firm.age + (firm.abnormal ? 0.7 : 0) + 0.5 * firm.frailty;
    const p = 1 / (1 + Math.exp(-(enterprise + teamEffect[team])));
    out.push({
      id: String(i),
      date: dayNumberToIso(start + Math.floor((i / rows) * 720)),
      entity: firm.id,
      team,
      age: firm.age.toFixed(2),
      industry: firm.industry,
      complaints: String(complaints),
      employees,
      abnormal: firm.abnormal ? '1' : '0',
      found: prng.bernoulli(p) ? '1' : '0',
      truth_p: p.toFixed(6),
    });
  }
  return out;
}

/** The generated city's spec: four subject columns, one history factor, team as nuisance. */
export function generatedCitySpec(): FactorSpec {
  const text = (zh: string, en: string) => ({ zh, en });
  return {
    id: 'generated-city',
    version: '1',
    label: text('生成城市', 'generated city'),
    table: { idColumn: 'id', dateColumn: 'date', entityColumn: 'entity', labelColumn: 'found', truthColumn: 'truth_p' },
    nuisance: { name: 'team', label: text('检查组', 'team'), column: 'team' },
    fit: { maxBins: 8, validationDays: 120, smoothness: [30], l2: [3], nuisanceL2: [3] },
    factors: [
      {
        name: 'age',
        label: text('存续期', 'age'),
        kind: 'numeric',
        actionable: false,
        reason: text('存续 {value} 年', '{value} years old'),
        source: { from: 'column', column: 'age' },
      },
      {
        name: 'industry',
        label: text('行业', 'industry'),
        kind: 'categorical',
        binning: { minLevelCount: 5 },
        actionable: false,
        reason: text('行业 {value}', 'industry {value}'),
        source: { from: 'column', column: 'industry' },
      },
      {
        name: 'complaints',
        label: text('投诉', 'complaints'),
        kind: 'numeric',
        transform: 'log1p',
        actionable: true,
        lowerRiskDirection: 'decrease',
        monotone: 'increasing',
        reason: text('投诉 {value} 件', '{value} complaints'),
        change: text('处理投诉', 'resolve complaints'),
        source: { from: 'column', column: 'complaints' },
      },
      {
        name: 'employees',
        label: text('用工人数', 'employees'),
        kind: 'numeric',
        transform: 'log1p',
        actionable: false,
        reason: text('用工 {value}', '{value} staff'),
        source: { from: 'column', column: 'employees' },
      },
      {
        name: 'abnormal',
        label: text('经营异常', 'abnormal'),
        kind: 'boolean',
        actionable: true,
        lowerRiskDirection: 'decrease',
        monotone: 'increasing',
        reason: text('经营异常：{value}', 'abnormal: {value}'),
        change: text('移出异常名录', 'leave the abnormal list'),
        source: { from: 'column', column: 'abnormal' },
      },
      {
        name: 'prior_rate',
        label: text('历史不合格率', 'past failure rate'),
        kind: 'numeric',
        actionable: true,
        lowerRiskDirection: 'decrease',
        monotone: 'increasing',
        reason: text('历史不合格率 {value}', 'past failure rate {value}'),
        change: text('通过后续检查', 'pass later inspections'),
        source: { from: 'history', stat: 'priorRate', column: 'found', shrinkStrength: 3 },
      },
    ],
  };
}
