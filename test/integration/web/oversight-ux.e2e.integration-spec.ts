import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chinaDay } from '@tianping/common';
import { pendingModelApproval } from './accessibility.fixtures';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The oversight officer's and the administrator's pages as they read them, in a real browser against
 * the real web app and canned answers: what a fairness gap means, what a quarantined field would take,
 * the correction form on a phone, and where the focus goes after an act.
 */

/** A share with its 95 % interval, as oversight's audits give it. */
function share(count: number, total: number, low: number, high: number) {
  return { count, total, rate: total ? count / total : null, interval: total ? { low, high } : null };
}

const NONE = share(0, 0, 0, 0);

function group(name: string, population: number, selected: number) {
  return {
    group: name,
    population,
    selectionRate: share(selected, population, 0, 0.1),
    flaggedRate: share(selected, population, 0, 0.1),
    violationFoundRate: NONE,
    sample: { inspections: 0, truePositiveRate: NONE, falsePositiveRate: NONE, meanPredicted: null, observed: NONE, calibrationGap: null },
  };
}

/** One dimension whose selection-rate gap has the given interval and four-fifths ratio, and what oversight found of it. */
function dimension(name: string, groups: ReturnType<typeof group>[], interval: { low: number; high: number }, ratio: number, finding: string) {
  const rates = groups.map((g) => ({ group: g.group, value: g.selectionRate.rate ?? 0 })).sort((a, b) => b.value - a.value);
  const gap = {
    metric: 'selectionRate',
    groupsCompared: groups.length,
    highest: rates[0],
    lowest: rates[rates.length - 1],
    difference: rates[0].value - rates[rates.length - 1].value,
    interval,
    ratio,
    finding,
  };
  return { dimension: name, label: { zh: name, en: name }, groups, gaps: [gap] };
}

const FAIRNESS = {
  period: { from: '2026-10-01', to: '2026-12-06' },
  flaggedColours: ['red'],
  minGroupSize: 30,
  overall: group('all', 3000, 300),
  dimensions: [
    // A real, large gap: worth looking into.
    dimension('size', [group('0-9', 1500, 100), group('100-999', 1500, 200)], { low: 0.04, high: 0.09 }, 0.5, 'act'),
    // A real gap, but within four-fifths: watch it.
    dimension('age', [group('1-3', 1500, 140), group('3-5', 1500, 160)], { low: 0.001, high: 0.03 }, 0.875, 'watch'),
    // A ratio of 0 from a group with no selection at all, and an interval that includes 0: not a finding.
    dimension('district', [group('440604', 498, 0), group('440607', 266, 2)], { low: -0.002, high: 0.027 }, 0, 'not-significant'),
  ],
};

/** Drift measured against a baseline that lies inside the period asked: the period compared with itself. */
const BINS = [
  { bin: '0', label: '0', baselineShare: 0.5, currentShare: 0.5 },
  { bin: '1', label: '1', baselineShare: 0.5, currentShare: 0.5 },
];
const SELF_COMPARED_DRIFT = {
  period: { from: '2026-10-01', to: '2026-12-06' },
  modelVersion: 'm-2026.11.1',
  trainingWindow: null,
  baselines: {
    factors: { kind: 'first-scores', from: '2026-11-01', to: '2026-11-07', enterprises: 2000 },
    score: { kind: 'first-scores', from: '2026-11-01', to: '2026-11-07', enterprises: 2000 },
  },
  current: { factors: 2000, score: 2000 },
  factors: [{ factor: 'violations_3y', psi: 0, verdict: 'stable', baselineCount: 2000, currentCount: 2000, bins: BINS }],
  score: { psi: 0, verdict: 'stable', baselineCount: 2000, currentCount: 2000, bins: BINS },
  largestFactorShift: { factor: 'violations_3y', psi: 0 },
};

/** A quarantined officer whose department intake does not know, as intake serves it. */
const QUARANTINED = {
  id: 7,
  kind: 'officers',
  source: '/data/officers.csv',
  line: 11,
  rawMasked: {
    officer_id: '44060500043',
    name: '陆**',
    department: 'XYZ',
    cert_valid_until: '2029/4/9',
    domains: 'HEALTH',
    region_code: '440605',
    status: '在岗',
  },
  // What the field takes comes with the reason, whatever words intake's message uses.
  reasons: [
    {
      code: 'enum',
      field: 'department',
      message: 'department is not an allowed value',
      expected: { allowed: ['SAMR', 'ENV', 'EMG', 'FIRE', 'HEALTH', 'HRSS', 'CITY', 'AGRI'] },
    },
  ],
  status: 'open',
  createdAt: '2026-12-05T20:01:37.408Z',
  resolvedAt: null,
  resolution: null,
};

const QUARANTINED_SUBJECT = {
  ...QUARANTINED,
  id: 8,
  kind: 'subjects',
  rawMasked: {
    credit_code: '91440604MA4W7XQ12K',
    name: '佛山市禅城区正耀信息技术有限公司',
    registered_capital_wan: '50',
    shareholder_subscribed_wan: '-50',
    employees: '3',
  },
  // Quarantined before reasons said what they expect: read from the message.
  reasons: [
    { code: 'range', field: 'shareholder_subscribed_wan', message: 'shareholder_subscribed_wan must be at least 0' },
    { code: 'range', field: 'employees', message: 'employees must be between 0 and 2147483647' },
  ],
};

/** A subject whose export gave its capital in two units that differ: both values kept, the other under its header. */
const QUARANTINED_COLUMNS = {
  ...QUARANTINED_SUBJECT,
  id: 9,
  rawMasked: { credit_code: '91440604MA4W7XQ12K', name: '佛山市禅城区正耀信息技术有限公司', registered_capital_wan: '1.5', '注册资本(元)': '20000' },
  reasons: [
    {
      code: 'conflicting_columns',
      field: 'registered_capital_wan',
      message: 'columns 4 (注册资本(万元)) and 11 (注册资本(元)) both give registered_capital_wan, and their values differ',
    },
  ],
};

describeWithBrowser('the oversight and admin pages, as their users read them', () => {
  let pages: FakePages;

  const answers: Record<string, unknown> = {
    'GET /api/audits/fairness': FAIRNESS,
    'GET /api/audits/drift': SELF_COMPARED_DRIFT,
    'GET /api/draws': [],
    'GET /api/audits/reports': [],
    'GET /api/quarantine/7': QUARANTINED,
    'GET /api/quarantine/8': QUARANTINED_SUBJECT,
    'GET /api/quarantine/9': QUARANTINED_COLUMNS,
    'POST /api/quarantine/9/replay': { id: 9, accepted: true, counts: { inserted: 1 } },
    'GET /api/models': [],
    'GET /api/colour-policies': [],
    'GET /api/approvals': [],
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);

  afterAll(async () => {
    await pages?.close();
  });

  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('[data-state="loading"], [data-progress="running"]'), undefined, { timeout: 30_000 });
  }

  it('says beside each fairness gap what it means and what to do, not only a red ratio', async () => {
    const page = await pages.signIn('overseer');
    await page.goto(`${pages.web.baseUrl}/#/audits`);
    await page.waitForSelector('#fairness-size [data-advice]');
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'oversight-ux-fairness-advice.png'), fullPage: true });
    expect(await page.getAttribute('#fairness-size [data-advice]', 'data-advice')).toBe('act');
    expect(await page.textContent('#fairness-size [data-advice]')).toContain('停用开关');
    expect(await page.getAttribute('#fairness-age [data-advice]', 'data-advice')).toBe('watch');
    // The ratio is 0.00, but the interval includes 0: the page says this is not yet a finding, and draws no red.
    expect(await page.textContent('#fairness-district .callout')).toContain('0.00');
    expect(await page.$$eval('#fairness-district .callout .badge.bad', (badges) => badges.length)).toBe(0);
    expect(await page.getAttribute('#fairness-district [data-advice]', 'data-advice')).toBe('tooFew');
    expect(await page.textContent('#fairness-district [data-advice]')).toContain('暂不需要处理');
    await page.click('#lang-toggle');
    await page.waitForSelector('#fairness-district [data-advice]');
    expect(await page.textContent('#fairness-district [data-advice]')).toContain('Nothing to do now');
    await page.close();
  }, 60_000);

  it('opens the audits on this quarter when a plan falls in it, else from the latest plan begun, never past today', async () => {
    const today = chinaDay();
    const quarterFrom = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const plan = (from: string, to: string) => ({ id: `${from}-${to}`, status: 'published', window: { from, to } });
    const ahead = plan(addDays(today, 40), addDays(today, 69));
    const opened = async () => {
      const page = await pages.signIn('overseer');
      await page.goto(`${pages.web.baseUrl}/#/audits`);
      await page.waitForSelector('#period-form');
      const seen = {
        from: await page.inputValue('#period-form input[name=from]'),
        to: await page.inputValue('#period-form input[name=to]'),
        why: await page.$('#period-why').then((el) => el !== null),
      };
      await page.close();
      return seen;
    };
    try {
      // A plan in this quarter, and one drawn ahead: this quarter so far, no word of stretching it.
      answers['GET /api/draws'] = [ahead, plan(quarterFrom, addDays(quarterFrom, 13))];
      expect(await opened()).toEqual({ from: quarterFrom, to: today, why: false });
      // Only a plan before the quarter, and one ahead: from the one begun, to today, and said why.
      const before = plan(addDays(quarterFrom, -40), addDays(quarterFrom, -27));
      answers['GET /api/draws'] = [ahead, before];
      expect(await opened()).toEqual({ from: before.window.from, to: today, why: true });
    } finally {
      answers['GET /api/draws'] = [];
    }
  }, 60_000);

  it('gives no green "stable" for drift measured against a baseline inside the period', async () => {
    const page = await pages.signIn('overseer');
    await page.goto(`${pages.web.baseUrl}/#/audits`);
    await page.waitForSelector('#drift-figures #score-psi');
    expect(await page.getAttribute('#drift-figures', 'data-comparable')).toBe('false');
    expect(await page.isVisible('#drift-overlap')).toBe(true);
    const tile = await page.textContent('#score-psi');
    expect(tile).toContain('不可比较');
    expect(tile).not.toContain('稳定');
    expect(await page.$$eval('#drift-figures .tiles .good', (tiles) => tiles.length)).toBe(0);
    // Nor does any row of the chart below: each factor's and the score's verdict is "not comparable" too.
    const rows = await page.$$eval('#drift-chart [data-verdict]', (texts) => texts.map((text) => `${text.getAttribute('data-verdict')} ${text.textContent}`));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatch(/^not-comparable .*不可比较$/);
    await page.close();
  }, 60_000);

  it('draws the fairness charts on a phone with letters that can be read', async () => {
    const page = await pages.signIn('overseer', { width: 390 });
    await page.goto(`${pages.web.baseUrl}/#/audits`);
    await page.waitForSelector('#fairness-size [data-chart="fairness"]');
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'oversight-ux-fairness-phone.png'), fullPage: true });
    // Drawn at 720 user units and shrunk into a 300 px card, 12 px labels became 5 px.
    const scale = await page.$eval(
      '#fairness-size [data-chart="fairness"]',
      (svg) => svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width,
    );
    expect(scale).toBeGreaterThanOrEqual(0.95);
    // The page itself does not scroll sideways: only the chart does, within its card.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();
  }, 60_000);

  it('tells the administrator what a quarantined field would take, not only that it is wrong', async () => {
    const page = await pages.signIn('admin');
    await page.goto(`${pages.web.baseUrl}/#/quarantine/7`);
    await page.waitForSelector('#quarantine-fields');
    expect(await page.textContent('[data-problem="department"]')).toContain('可填：SAMR（市场监督管理）、ENV（生态环境）');
    await page.goto(`${pages.web.baseUrl}/#/quarantine/8`);
    await page.waitForSelector('[data-problem="shareholder_subscribed_wan"]');
    expect(await page.textContent('[data-problem="shareholder_subscribed_wan"]')).toContain('应不小于 0');
    // Its upper bound is only the database column's: a person is told the field takes 0 and more.
    expect(await page.textContent('[data-problem="employees"]')).toContain('应不小于 0');
    expect(await page.textContent('[data-problem="employees"]')).not.toContain('2147483647');
    await page.click('#lang-toggle');
    await page.waitForSelector('[data-problem="shareholder_subscribed_wan"]');
    expect(await page.textContent('[data-problem="shareholder_subscribed_wan"]')).toContain('(at least 0)');
    await page.close();
  }, 60_000);

  it('says a field two columns of the export disagree on, shows both values, and asks for the right one', async () => {
    const page = await pages.signIn('admin');
    await page.goto(`${pages.web.baseUrl}/#/quarantine/9`);
    const input = '#quarantine-fields input[name=registered_capital_wan]';
    await page.waitForSelector(input);
    expect(await page.textContent('[data-problem="registered_capital_wan"]')).toContain('两列的值不一致');
    expect(await page.textContent('#quarantine-fields tr[data-field="registered_capital_wan"]')).toContain('1.5');
    expect(await page.textContent('#quarantine-fields tr[data-field="注册资本(元)"]')).toContain('20000');
    // Neither value is taken for the person: the input starts empty, and replaying it so is refused.
    expect(await page.inputValue(input)).toBe('');
    await page.click('#replay-submit');
    await page.waitForSelector('#replay-form [role=alert]');
    await page.fill(input, '2');
    await page.click('#replay-submit');
    await page.waitForSelector('#replay-outcome[data-accepted="true"]');
    const replayed = pages.fake.seen.find((r) => r.method === 'POST' && r.url === '/api/quarantine/9/replay');
    expect(JSON.parse(replayed!.body)).toMatchObject({ corrections: { registered_capital_wan: '2' } });
    await page.click('#lang-toggle');
    await page.waitForSelector('[data-problem="registered_capital_wan"]');
    expect(await page.textContent('[data-problem="registered_capital_wan"]')).toContain('two columns of the export');
    await page.close();
  }, 60_000);

  it("keeps a quarantined record's problem and its correction on a phone's screen", async () => {
    const page = await pages.signIn('admin', { width: 390 });
    await page.goto(`${pages.web.baseUrl}/#/quarantine/7`);
    await page.waitForSelector('#quarantine-fields input[name=department]');
    await page.screenshot({ path: join(SCREENSHOTS, 'oversight-ux-quarantine-phone.png'), fullPage: true });
    for (const selector of ['[data-problem="department"]', '#quarantine-fields input[name=department]']) {
      const box = (await page.$eval(selector, (el) => el.getBoundingClientRect().toJSON())) as DOMRect;
      expect(box.right).toBeLessThanOrEqual(390);
      expect(box.width).toBeGreaterThan(100);
    }
    await page.close();
  }, 60_000);

  it('moves the focus to the decision once an appeal is decided, not to the top of the page', async () => {
    const page = await pages.signIn('overseer');
    const base = {
      id: 'AP-UX-1',
      creditCode: '91440604MA4W7XQ12K',
      scoreId: 's-1',
      modelVersion: 'm-1',
      colour: 'yellow',
      probability: 0.3,
      reviewer: 'overseer',
      overdue: false,
      filedAt: '2026-12-05T20:00:00.000Z',
      dueAt: '2026-12-20T20:00:00.000Z',
      grounds: '去年的投诉已查明不实，请复核。',
      challenges: [],
      evidence: [],
      steps: [],
    };
    let decided = false;
    await page.route('**/api/appeals/AP-UX-1', (route) =>
      route.fulfill({
        json: decided
          ? {
              ...base,
              status: 'decided',
              outcome: 'upheld',
              decisionReasons: '经核实维持原评分。',
              decidedAt: '2026-12-05T20:10:00.000Z',
              closedAt: '2026-12-05T20:10:00.000Z',
            }
          : { ...base, status: 'in-review', outcome: null, decisionReasons: null, decidedAt: null, closedAt: null },
      }),
    );
    await page.route('**/api/appeals/AP-UX-1/decision', (route) => {
      decided = true;
      return route.fulfill({ json: { id: 'AP-UX-1', status: 'decided' } });
    });
    await page.goto(`${pages.web.baseUrl}/#/reviews/appeals/AP-UX-1`);
    await page.waitForSelector('#decision-form');
    await page.fill('#decision-form textarea[name=reasons]', '经核实维持原评分。');
    await page.click('#decide-submit');
    await page.click('[data-confirm-yes]');
    await page.waitForSelector('#appeal-decision');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('appeal-decision');
    await page.close();
  }, 60_000);

  it("shows a model's state and approval on a phone's screen, and says what its AUC means", async () => {
    const page = await pages.signIn('overseer', { width: 390 });
    const model = {
      version: 'm-2026.11.1',
      state: 'active',
      builtBy: { kind: 'bureau' },
      createdBy: 'trainer-li',
      trainingWindow: { from: '2023-11-01', to: '2026-10-31' },
      metrics: { validationAuc: 0.682 },
      createdAt: '2026-11-01T02:00:00.000Z',
    };
    await page.route('**/api/models', (route) => route.fulfill({ json: [model] }));
    await page.goto(`${pages.web.baseUrl}/#/models`);
    await page.waitForSelector('#model-registry tbody tr');
    await settle(page);
    const state = await page.locator('#model-registry tbody tr td').nth(1).boundingBox();
    expect(state!.x + state!.width).toBeLessThanOrEqual(390);
    expect(await page.textContent('#auc-means')).toContain('0.5');
    // The training window in days as a Chinese reader writes them, not ISO.
    expect(await page.textContent('#model-registry tbody tr')).toContain('2023年11月1日 → 2026年10月31日');
    await page.screenshot({ path: join(SCREENSHOTS, 'oversight-ux-models-390.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it('warns the officer asked to approve a model trained on too few violations to fit its factors', async () => {
    const page = await pages.signIn('overseer');
    const request = (version: string, metrics: Record<string, number>) =>
      pendingModelApproval(version, { specName: 'tianping-12', trainingWindow: { from: '2023-01-01', to: '2026-11-30' }, metrics });
    await page.route('**/api/approvals/models/*', (route) =>
      route.fulfill({
        json: route.request().url().includes('m-thin')
          ? request('m-thin', { trainRows: 14, trainPositives: 9, validationRows: 3, factors: 12 })
          : request('m-ample', { trainRows: 47037, trainPositives: 10209, validationRows: 9000, factors: 12 }),
      }),
    );
    await page.goto(`${pages.web.baseUrl}/#/models/versions/m-thin`);
    await page.waitForSelector('#proposal');
    const warning = await page.textContent('#thin-data');
    expect(warning).toContain('只有 9 次检查发现违法');
    expect(warning).toContain('120');
    expect(warning).toContain('验证样本只有 3 次检查');
    await page.goto(`${pages.web.baseUrl}/#/models/versions/m-ample`);
    await page.waitForSelector('#proposal [data-built-by]');
    await settle(page);
    expect(await page.$('#thin-data')).toBeNull();
    // Days and counts as the reader writes them: no ISO window, thousands grouped.
    const proposal = await page.textContent('#proposal');
    expect(proposal).toContain('2023年1月1日 → 2026年11月30日');
    expect(proposal).toContain('47,037 次检查，其中 10,209');
    await page.close();
  }, 60_000);

  it("moves the focus to the kill switch's new state after suspending, not to the top of the page", async () => {
    const page = await pages.signIn('overseer');
    let suspended = false;
    await page.route('**/api/kill-switch?*', (route) =>
      route.fulfill({
        json: {
          suspended,
          since: suspended ? { at: '2026-12-05T20:00:00.000Z', actor: 'overseer', reason: '核查某区红色比例' } : null,
          history: suspended ? [{ at: '2026-12-05T20:00:00.000Z', suspended: true, actor: 'overseer', reason: '核查某区红色比例', auditSeq: 9 }] : [],
        },
      }),
    );
    await page.route('**/api/kill-switch/suspend', (route) => {
      suspended = true;
      return route.fulfill({ json: { suspended: true } });
    });
    await page.goto(`${pages.web.baseUrl}/#/models`);
    await page.waitForSelector('#kill-switch-form');
    await page.fill('#kill-switch-form input[name=reason]', '核查某区红色比例');
    await page.click('#kill-switch-act');
    await page.click('[data-confirm-yes]');
    await page.waitForSelector('#kill-switch-state[data-suspended="true"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('kill-switch-state');
    await page.close();
  }, 60_000);
});
