import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidCreditCode } from '@tianping/common';
import { CASE_HEADERS, generateCity, OFFICER_HEADERS, SUBJECT_HEADERS, type CityManifest } from './index';
import { lines, parseDate, readCity, type ReadCity } from './contract-oracle.spec-helper';
import { residentIdCheckChar } from './people.util';

const END = '2026-06-30';
const VIOLATION_RESULTS = ['责令整改', '立案查处'];

function truthRows(dir: string, name: string): Record<string, string>[] {
  const [header, ...rows] = lines(readFileSync(join(dir, name), 'utf8'));
  const keys = header.split(',');
  return rows.map((line) => Object.fromEntries(line.split(',').map((value, i) => [keys[i], value])));
}

/** Probability that a random positive outranks a random negative. */
function auc(scores: number[], labels: boolean[]): number {
  const order = scores.map((s, i) => [s, labels[i]] as const).sort((a, b) => a[0] - b[0]);
  let negatives = 0;
  let wins = 0;
  for (const [, positive] of order) {
    if (positive) wins += negatives;
    else negatives++;
  }
  const positives = labels.filter(Boolean).length;
  return wins / (positives * (labels.length - positives));
}

describe('the hidden truth beside the exports', () => {
  let dir: string;
  let manifest: CityManifest;
  let city: ReadCity;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'synthetic-truth-'));
    manifest = await generateCity({ enterprises: 1200, years: 3, seed: 'truth', outDir: dir });
    city = readCity(dir, manifest.files, { subjects: SUBJECT_HEADERS, cases: CASE_HEADERS, officers: OFFICER_HEADERS }, END);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every accepted inspection once, with the outcome the export shows', () => {
    const truth = truthRows(dir, manifest.truth.inspections);
    const accepted = [...city.ledgers.cases.accepted.values()].map(({ row }) => row).filter((row) => row['案件类型'] === '检查');
    expect(truth).toHaveLength(accepted.length);
    const byCase = new Map(truth.map((t) => [t.case_no, t]));
    for (const row of accepted) {
      const t = byCase.get(String(row['案件编号']))!;
      expect(t.credit_code).toBe(row['统一社会信用代码']);
      expect(t.date).toBe(parseDate(String(row['发生日期'])));
      expect(t.found).toBe(VIOLATION_RESULTS.includes(String(row['检查结果'])) ? '1' : '0');
      const p = Number(t.true_probability_found);
      expect(p > 0 && p < 1).toBe(true);
    }
  });

  it('makes the truth a good but imperfect ranker of inspection outcomes', () => {
    const truth = truthRows(dir, manifest.truth.inspections);
    const score = auc(
      truth.map((t) => Number(t.true_probability_found)),
      truth.map((t) => t.found === '1'),
    );
    expect(score).toBeGreaterThan(0.65);
    expect(score).toBeLessThan(0.95);
    const meanP = truth.reduce((s, t) => s + Number(t.true_probability_found), 0) / truth.length;
    const foundRate = truth.filter((t) => t.found === '1').length / truth.length;
    expect(Math.abs(meanP - foundRate)).toBeLessThan(0.04);
  });

  it('re-inspects an order to rectify (整改复查) by the same department 30 to 45 days on, and a repeated order once more at most', () => {
    const truth = truthRows(dir, manifest.truth.inspections);
    const byCase = new Map(truth.map((t) => [t.case_no, t]));
    const result = (caseNo: string): string => String(city.ledgers.cases.accepted.get(caseNo)?.row['检查结果'] ?? '');
    const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    const reInspections = truth.filter((t) => t.follows !== '');
    expect(reInspections.length).toBeGreaterThan(50);
    const followed = new Set<string>();
    for (const t of reInspections) {
      const order = byCase.get(t.follows)!;
      expect(followed.has(t.follows)).toBe(false);
      followed.add(t.follows);
      expect({ case: t.case_no, credit_code: t.credit_code, department: t.department, origin: t.origin }).toEqual({
        case: t.case_no,
        credit_code: order.credit_code,
        department: order.department,
        origin: '其他',
      });
      expect(days(order.date, t.date)).toBeGreaterThanOrEqual(30);
      expect(days(order.date, t.date)).toBeLessThanOrEqual(45);
      expect(t.date < END).toBe(true);
      // The order itself is one (the accepted version of a case may be missing when only a broken copy was kept).
      if (city.ledgers.cases.accepted.has(t.follows)) expect(result(t.follows)).toBe('责令整改');
      if (order.follows !== '') expect(byCase.get(order.follows)!.follows).toBe('');
    }
    // Most orders are followed up; those near the window's end or at enterprises that stopped trading are not.
    const orders = truth.filter((t) => result(t.case_no) === '责令整改');
    expect(orders.filter((t) => followed.has(t.case_no)).length / orders.length).toBeGreaterThan(0.85);
    // Most enterprises rectify: a re-inspection finds a problem less often than other inspections do.
    const rate = (rows: Record<string, string>[]): number => rows.filter((t) => t.found === '1').length / rows.length;
    expect(rate(reInspections)).toBeLessThan(rate(truth.filter((t) => t.follows === '')));
    expect(reInspections.some((t) => t.found === '1')).toBe(true);
  });

  it('records a latent propensity for every enterprise, higher for those complained about', () => {
    const enterprises = truthRows(dir, manifest.truth.enterprises);
    expect(enterprises).toHaveLength(1200);
    const complained = new Set(
      truthRows(dir, manifest.truth.clues)
        .map((c) => c.credit_code)
        .filter(Boolean),
    );
    const mean = (rows: Record<string, string>[]): number => rows.reduce((s, r) => s + Number(r.propensity), 0) / rows.length;
    expect(mean(enterprises.filter((e) => complained.has(e.credit_code)))).toBeGreaterThan(mean(enterprises.filter((e) => !complained.has(e.credit_code))));
  });

  it('writes clues that link as the truth says: by code, by exact name, ambiguous by shared address, or not at all', () => {
    const subjects = [...city.ledgers.subjects.accepted.values()].map(({ row }) => row);
    const byName = new Map(subjects.map((s) => [s['主体名称'], s['统一社会信用代码']]));
    const addressCount = new Map<unknown, number>();
    for (const s of subjects) addressCount.set(s['住所'], (addressCount.get(s['住所']) ?? 0) + 1);
    const links = new Set<string>();
    for (const t of truthRows(dir, manifest.truth.clues)) {
      const clue = city.ledgers.clues.accepted.get(t.clue_id)!.row;
      links.add(t.link);
      if (t.link === 'code') expect(clue.credit_code).toBe(t.credit_code);
      if (t.link === 'name') expect(byName.get(clue.subject_name)).toBe(t.credit_code);
      if (t.link === 'ambiguous') expect(addressCount.get(clue.address)).toBeGreaterThan(1);
      if (t.link !== 'code' && typeof clue.credit_code === 'string') expect(isValidCreditCode(clue.credit_code)).toBe(false);
      if (t.link === 'unlinkable') expect(clue.subject_name).toBeUndefined();
    }
    expect(links).toEqual(new Set(['code', 'name', 'ambiguous', 'unlinkable']));
  });

  it('assigns only officers whose certificate is still valid on the inspection day, and keeps some expired ones', () => {
    const officers = city.ledgers.officers.accepted;
    for (const { row } of city.ledgers.cases.accepted.values()) {
      if (row['案件类型'] !== '检查') continue;
      const day = parseDate(String(row['发生日期']))!;
      for (const id of String(row['执法人员证号']).split(';')) expect(parseDate(String(officers.get(id)!.row['执法证有效期至']))! > day).toBe(true);
    }
    const until = [...officers.values()].map(({ row }) => parseDate(String(row['执法证有效期至']))!);
    expect(until.some((d) => d < END)).toBe(true);
  });

  it('gives legal representatives 18-character ID numbers with a correct GB 11643 check character', () => {
    for (const { row } of city.ledgers.subjects.accepted.values()) {
      const id = String(row['法定代表人证件号']);
      expect(id).toMatch(/^\d{17}[\dX]$/);
      expect(residentIdCheckChar(id.slice(0, 17))).toBe(id[17]);
    }
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });
});
