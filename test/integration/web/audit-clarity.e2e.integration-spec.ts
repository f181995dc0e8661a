import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { settle, startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';

/**
 * The audits page as the oversight officer reads it, and the colour mix as a department officer reads
 * it, in a real browser against the real web app and canned answers shaped as oversight gives them:
 * no red for a ratio the audit does not act on, no big figure for an AUC of six inspections or a PSI
 * of a period compared with itself, and the reds that still await confirmation counted as such.
 */

function share(count: number, total: number, low = 0, high = 0.1) {
  return { count, total, rate: total ? count / total : null, interval: total ? { low, high } : null };
}

const NONE = share(0, 0);

function group(name: string, population: number, selected: number) {
  return {
    group: name,
    population,
    selectionRate: share(selected, population),
    flaggedRate: share(selected, population),
    violationFoundRate: NONE,
    sample: { inspections: 0, truePositiveRate: NONE, falsePositiveRate: NONE, meanPredicted: null, observed: NONE, calibrationGap: null },
  };
}

type Group = ReturnType<typeof group>;

/** One dimension whose selection-rate gap the server found `finding`, between its first (highest) and last group. */
function dimension(name: string, groups: Group[], interval: { low: number; high: number }, finding: string) {
  const [high, low] = [groups[0], groups[groups.length - 1]];
  const side = (g: Group) => ({ group: g.group, value: g.selectionRate.rate ?? 0, count: g.selectionRate.count, total: g.selectionRate.total });
  const gap = {
    metric: 'selectionRate',
    groupsCompared: groups.length,
    highest: side(high),
    lowest: side(low),
    difference: (high.selectionRate.rate ?? 0) - (low.selectionRate.rate ?? 0),
    interval,
    ratio: high.selectionRate.rate ? (low.selectionRate.rate ?? 0) / high.selectionRate.rate : null,
    finding,
  };
  return { dimension: name, label: { zh: name, en: name }, groups, gaps: [gap] };
}

const FAIRNESS = {
  period: { from: '2026-10-01', to: '2026-12-07' },
  flaggedColours: ['red'],
  sample: { name: 'random', reasons: ['exploration', 'random'] },
  minGroupSize: 30,
  overall: { ...group('all', 2745, 300), flaggedRate: share(108, 2745) },
  redAwaitingConfirmation: 107,
  dimensions: [
    // A ratio of 0 from 0 of 35 against 2 of 40: the interval includes 0, so no finding and no red.
    dimension('industry', [group('C', 40, 2), group('F', 35, 0)], { low: -0.02, high: 0.16 }, 'not-significant'),
    // Real and under four fifths: the one red badge.
    dimension('size', [group('100-999', 1500, 200), group('0-9', 1500, 100)], { low: 0.04, high: 0.09 }, 'act'),
  ],
};

const RANDOM = {
  inspections: 6,
  unscored: 0,
  violationRate: share(2, 6),
  auc: { value: 0.5, interval: { low: 0, high: 1 } },
  aucReading: { measured: false, reason: 'too-few', violations: 2, clean: 4, minEach: 10, maxWidth: 0.5 },
  brier: 0.25,
  logLoss: 0.7,
  expectedCalibrationError: 0.1,
  calibration: [],
  violationRateByColour: { red: share(1, 2), yellow: share(0, 1), green: share(1, 3) },
  atRed: { flagged: 2, truePositiveRate: share(1, 2), falsePositiveRate: share(1, 4), precision: share(1, 2) },
  atYellowOrRed: { flagged: 3, truePositiveRate: share(1, 2), falsePositiveRate: share(2, 4), precision: share(1, 3) },
};

const ACCURACY = {
  period: FAIRNESS.period,
  model: null,
  samples: { random: RANDOM, model: { ...RANDOM, inspections: 20 }, complaint: RANDOM, 'follow-up': RANDOM, unmatched: RANDOM, all: RANDOM },
  selectionEffect: { modelChosen: share(5, 20), random: share(2, 6), difference: -0.08, interval: { low: -0.5, high: 0.3 } },
};

const BINS = [
  { bin: 'bin:0', label: '< 0.3', baselineShare: 0.5, currentShare: 0.5 },
  { bin: 'bin:1', label: '≥ 0.3', baselineShare: 0.5, currentShare: 0.5 },
];

/** This quarter so far holds the model's training window: the period compared with itself. */
const DRIFT = {
  period: FAIRNESS.period,
  modelVersion: 'm-2026.11.1',
  trainingWindow: { from: '2026-10-01', to: '2026-10-31' },
  baselines: {
    factors: { kind: 'training-window', from: '2026-10-01', to: '2026-10-31', enterprises: 2745 },
    score: { kind: 'training-window', from: '2026-10-01', to: '2026-10-31', enterprises: 2745 },
  },
  comparison: { comparable: false, reason: 'baseline-in-period', comparableFrom: '2026-11-01' },
  current: { factors: 2745, score: 2745 },
  factors: [{ factor: 'violations_3y', psi: 0.017, verdict: 'stable', baselineCount: 2745, currentCount: 2745, bins: BINS }],
  score: { factor: 'score', psi: 0.001, verdict: 'stable', baselineCount: 2745, currentCount: 2745, bins: BINS },
  largestFactorShift: { factor: 'violations_3y', psi: 0.017 },
};

describeWithBrowser('what the audits act on, and the reds that await confirmation', () => {
  let pages: FakePages;

  const answers: Record<string, unknown> = {
    'GET /api/audits/fairness': FAIRNESS,
    'GET /api/audits/accuracy': ACCURACY,
    'GET /api/audits/drift': DRIFT,
    'GET /api/draws': [],
    'GET /api/audits/reports': [],
    'GET /api/scoring/summary': { byColour: { red: 108, yellow: 400, green: 2237 } },
    'GET /api/reviews/reds': { red: 108, awaitingConfirmation: 107 },
    'GET /api/scores': { items: [] },
    'GET /api/enterprises': [],
    'GET /api/reviews/colours': [],
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);

  afterAll(async () => {
    await pages?.close();
  });

  async function audits(lang: 'zh' | 'en', width: number): Promise<Page> {
    const page = await pages.signIn('overseer', { lang, width });
    await page.goto(`${pages.web.baseUrl}/#/audits`);
    await page.waitForSelector('#fairness-industry .callout');
    await page.waitForSelector('#accuracy-auc');
    await page.waitForSelector('#drift-figures');
    await settle(page);
    return page;
  }

  it.each([
    ['zh', 1360, '样本太少，无法判断', '暂不需要处理'],
    ['en', 390, 'not enough cases to judge', 'Nothing to do now'],
  ] as const)(
    'shows a ratio of 0 from a handful plainly, with its counts and why it is not acted on (%s)',
    async (lang, width, why, advice) => {
      const page = await audits(lang, width);
      await page.screenshot({ path: join(SCREENSHOTS, `audit-clarity-fairness-${lang}.png`), fullPage: true });
      const callout = '#fairness-industry .callout';
      expect(await page.getAttribute(callout, 'data-finding')).toBe('not-significant');
      expect(await page.getAttribute(callout, 'class')).not.toContain('bad');
      expect(await page.$$eval(`${callout} .badge.bad`, (badges) => badges.length)).toBe(0);
      expect(await page.textContent(`${callout} [data-ratio-badge]`)).toContain(why);
      expect(await page.textContent(`${callout} [data-gap-counts]`)).toMatch(/0.*35.*2.*40/);
      expect(await page.textContent(`${callout} [data-advice]`)).toContain(advice);
      // The real gap under four fifths, and only it, is red.
      expect(await page.getAttribute('#fairness-size [data-ratio-badge]', 'class')).toContain('bad');
      expect(await page.getAttribute('#fairness-size [data-advice]', 'data-advice')).toBe('act');
      await page.close();
    },
    60_000,
  );

  it.each([
    ['zh', 1360, '检查太少，无法衡量', '不可比较', '2026年11月1日'],
    ['en', 390, 'too few inspections to measure', 'not comparable', '1 Nov 2026'],
  ] as const)(
    'gives no big figure for an AUC of six inspections nor for a PSI of a period holding its baseline (%s)',
    async (lang, width, tooFew, notComparable, comparableFrom) => {
      const page = await audits(lang, width);
      await page.screenshot({ path: join(SCREENSHOTS, `audit-clarity-accuracy-drift-${lang}.png`), fullPage: true });
      const auc = await page.textContent('#accuracy-auc .value');
      expect(auc).toBe(tooFew);
      expect(await page.textContent('#accuracy-auc')).toMatch(/2.*4.*6/);
      expect(await page.textContent('#accuracy-auc')).not.toContain('0.500');
      expect(await page.getAttribute('#drift-figures', 'data-comparable')).toBe('false');
      for (const tile of ['#score-psi', '#largest-psi']) {
        expect(await page.textContent(`${tile} .value`)).toBe(notComparable);
        expect(await page.textContent(tile)).not.toMatch(/0\.0(01|17)/);
      }
      // Why, and which period would compare: one starting the day after the baseline.
      const overlap = await page.textContent('#drift-overlap');
      expect(overlap).toContain(comparableFrom);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.close();
    },
    60_000,
  );

  it('says how many of the red rate await confirmation', async () => {
    const page = await audits('zh', 1360);
    expect(await page.textContent('#fair-flagged')).toContain('其中 107 个红色待监督确认');
    await page.close();
  }, 60_000);

  it.each([
    ['zh', '红 108（其中 107 待确认）'],
    ['en', 'Red 108 (107 awaiting confirmation)'],
  ] as const)(
    "counts the department's reds with those awaiting confirmation (%s)",
    async (lang, red) => {
      const page = await pages.signIn('officer', { lang });
      await page.goto(`${pages.web.baseUrl}/#/enterprises`);
      await page.waitForSelector('#colour-mix [data-colour="red"]');
      expect(await page.textContent('#colour-mix [data-colour="red"]')).toContain(red);
      expect(await page.getAttribute('#colour-mix [data-red-awaiting]', 'data-red-awaiting')).toBe('107');
      await page.close();
    },
    60_000,
  );
});
