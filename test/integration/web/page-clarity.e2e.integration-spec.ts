import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { isVisitList, startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE, SlowAnswer } from './web-app.harness';

/**
 * What reviewers found the pages say unclearly, in a real browser in front of a fake suite: a
 * service that hangs, the receipts' checking details shown to the enterprise, a suggestion's figure
 * beside the score's, stops hidden under each other on a route sketch, and Chinese district names on
 * the English pages.
 */

/** A score of 34.97 %: once shown as "30% – 35%" beside a suggestion's "about 14.7 %". */
const SCORE = {
  creditCode: OWN_CODE,
  asOf: '2026-11-01',
  modelVersion: 'm-2026.11.1',
  colourPolicyVersion: 'cp-default-1',
  probability: 0.3497,
  logit: -0.6201,
  base: -1.48,
  colour: 'yellow',
  contributions: [
    { factor: 'abnormal_listed', value: true, contribution: 0.95 },
    { factor: 'years_in_operation', value: 12, contribution: -0.09 },
  ],
  factors: [],
  reasons: [{ factor: 'abnormal_listed', zh: '被列入经营异常名录', en: 'On the abnormal-operation list' }],
  suggestions: [
    {
      factor: 'abnormal_listed',
      zh: '补报年报或更正登记后申请移出经营异常名录（风险可降至约 14.7%）',
      en: 'File the missing annual report or correct the registration, then apply to leave the abnormal list (risk could fall to about 14.7 %)',
      change: {
        zh: '补报年报或更正登记后申请移出经营异常名录',
        en: 'File the missing annual report or correct the registration, then apply to leave the abnormal list',
      },
      probabilityAfter: 0.1472,
    },
  ],
};

const SHA = 'ab'.repeat(32);
const APPEAL = {
  id: 'AP-20261102-0007',
  creditCode: OWN_CODE,
  scoreId: 's-1',
  modelVersion: 'm-2026.11.1',
  colour: 'yellow',
  probability: 0.3497,
  status: 'filed',
  outcome: null,
  overrideColour: null,
  reviewer: null,
  decisionReasons: null,
  overdue: false,
  filedAt: '2026-11-02T02:04:05.000Z',
  dueAt: '2026-11-17T02:04:05.000Z',
  decidedAt: null,
  closedAt: null,
  grounds: '该异常名录记录已于上月移出，请复核。',
  challenges: [],
  evidence: [{ n: 0, name: '移出决定书.pdf', size: 20480, contentType: 'application/pdf', sha256: SHA }],
  steps: [{ step: 'filed', at: '2026-11-02T02:04:05.000Z', actor: 'ent', note: null, detail: { colour: 'yellow' }, auditSeq: 12 }],
};

const REVIEW = {
  score: { creditCode: OWN_CODE, scoreId: 's-1', colour: 'yellow', probability: SCORE.probability },
  effectiveColour: 'yellow',
  state: 'in-effect',
  decision: null,
  scoreSeq: null,
  decisions: [],
  appeals: [APPEAL],
};

/** Five stops of one route: 2 and 3 at one address, 4 a few metres from 1, 5 apart. */
const STOPS = [
  { creditCode: '91440605MA0000001A', name: '一号五金厂', lng: 113.1, lat: 23.05 },
  { creditCode: '91440605MA0000002B', name: '二号家具店', lng: 113.13, lat: 23.02 },
  { creditCode: '91440605MA0000003C', name: '三号餐馆', lng: 113.13, lat: 23.02 },
  { creditCode: '91440605MA0000004D', name: '四号诊所', lng: 113.10005, lat: 23.05003 },
  { creditCode: '91440605MA0000005E', name: '五号仓库', lng: 113.16, lat: 23.08 },
].map((s) => ({ ...s, regionCode: '440605', industryCode: 'C2110', address: `佛山市南海区${s.name}路1号` }));

const VISIT_IDS = STOPS.map((_, i) => `0b6c8a55-5f0e-4d7e-9a7a-00000000000${i + 1}`);
const VISIT = {
  id: VISIT_IDS[2],
  date: '2026-12-07',
  creditCode: STOPS[2].creditCode,
  regionCode: '440605',
  departments: ['SAMR'],
  officerIds: ['44060400001'],
  status: 'scheduled',
  reasons: ['complaint'],
  drawId: 'd-1',
  routeKey: 'r-1',
  noticeAllowed: false,
  checklist: [{ department: 'SAMR', items: ['SAMR-01'] }],
  route: { visitIds: VISIT_IDS, creditCodes: STOPS.map((s) => s.creditCode), distanceKm: 9.4 },
};

/** Three stretches: the first read, a complaint and a listing that raised the score, a new model that lowered it. */
const HISTORY = {
  creditCode: OWN_CODE,
  periods: [
    {
      scoreId: 'scoring-3',
      from: '2026-11-20',
      to: '2026-12-05',
      scores: 16,
      probability: 0.31,
      colour: 'yellow',
      modelVersion: 'm-2',
      colourPolicyVersion: 'cp-1',
      change: { model: true, colourPolicy: false, factors: [{ factor: 'violations_3y', from: 1, to: 1, contributionChange: -0.2 }] },
    },
    {
      scoreId: 'scoring-2',
      from: '2026-11-02',
      to: '2026-11-19',
      scores: 18,
      probability: 0.36,
      colour: 'yellow',
      modelVersion: 'm-1',
      colourPolicyVersion: 'cp-1',
      change: {
        model: false,
        colourPolicy: false,
        factors: [
          { factor: 'complaints_12m', from: 0, to: 2, contributionChange: 0.7 },
          { factor: 'abnormal_listed', from: false, to: true, contributionChange: 0.3 },
        ],
      },
    },
    {
      scoreId: 'scoring-1',
      from: '2026-10-01',
      to: '2026-11-01',
      scores: 32,
      probability: 0.12,
      colour: 'green',
      modelVersion: 'm-1',
      colourPolicyVersion: 'cp-1',
      change: null,
    },
  ],
  more: false,
  complete: false,
};

describeWithBrowser('what the pages say, in words a person reads right, in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    [`GET /api/scores/${OWN_CODE}`]: SCORE,
    [`GET /api/reviews/enterprises/${OWN_CODE}`]: REVIEW,
    [`GET /api/scores/${OWN_CODE}/history`]: HISTORY,
    [`GET /api/enterprises/${OWN_CODE}`]: { subject: { creditCode: OWN_CODE, name: '佛山市示例家具有限公司' }, cases: [], clues: [] },
    [`GET /api/appeals/${APPEAL.id}`]: APPEAL,
    [`GET /api/visits/${VISIT.id}`]: VISIT,
    'GET /api/visits': [VISIT],
    'GET /api/enterprises': STOPS,
    'GET /api/checklist-items': [],
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  /** The text a person sees: a closed <details> shows its summary and nothing else. */
  const seen = (page: Page, selector = 'main') => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it('says in words which service it is still waiting on, then that it took too long, with a retry that works', async () => {
    answers[`GET /api/scores/${OWN_CODE}`] = new SlowAnswer(20_000, SCORE);
    try {
      const page = await pages.signIn('ent');
      const hero = 'main [data-state="loading"]';
      await page.waitForSelector(hero);
      const started = Date.now();
      await page.waitForSelector('main [data-state="loading"][data-waiting="long"]', { timeout: 5_000 });
      const waitedMs = Date.now() - started;
      expect(waitedMs).toBeLessThan(4_000);
      expect(await seen(page, hero)).toContain('仍在等待评分服务响应');
      await page.screenshot({ path: join(SCREENSHOTS, '00-clarity-still-waiting.png'), fullPage: true });
      // The gateway gives up after 15 s: the page says the service took too long, and offers a retry.
      await page.waitForSelector('main [data-state="unavailable"]', { timeout: 20_000 });
      const said = await seen(page, 'main [data-state="unavailable"]');
      expect(said).toContain('响应超时');
      expect(said).toContain('评分服务');
      answers[`GET /api/scores/${OWN_CODE}`] = SCORE;
      await page.click('main [data-state="unavailable"] button');
      await page.waitForSelector('[data-testid="risk-hero"]');
      await page.close();
    } finally {
      answers[`GET /api/scores/${OWN_CODE}`] = SCORE;
    }
  }, 60_000);

  it('says the same in English, naming the service inside the sentence', async () => {
    const page = await pages.signIn('ent', { lang: 'en' });
    await page.route(`**/api/scores/${OWN_CODE}`, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3_500));
      await route.continue();
    });
    await page.reload();
    await page.waitForSelector('main [data-state="loading"][data-waiting="long"]', { timeout: 5_000 });
    expect(await seen(page, 'main [data-state="loading"]')).toContain('Still waiting for the scoring service to answer');
    await page.waitForSelector('[data-testid="risk-hero"]');
    expect(await page.$('main [data-waiting]')).toBeNull();
    await page.close();
  });

  it.each([
    ['zh', 1280, ['评分变化', '近一年投诉举报：0 → 2', '风险上升', '模型版本更新', '风险下降', '18 次评分', '更早的评分未列出']],
    ['en', 390, ['How the score changed', '0 → 2', 'risk up', 'New model version', 'risk down', '18 scores', 'Older scores are not listed']],
  ])('tells the enterprise what moved its score, stretch by stretch (%s, %ipx)', async (lang, width, phrases) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en', width: width as number });
    await page.waitForSelector('#score-history li[data-period="scoring-1"]');
    const shown = await seen(page);
    for (const phrase of phrases as string[]) expect(shown).toContain(phrase);
    expect(await page.$$eval('#score-history li[data-period]', (items) => items.map((i) => i.getAttribute('data-period')))).toEqual([
      'scoring-3',
      'scoring-2',
      'scoring-1',
    ]);
    expect(await page.$$('#score-history [data-moved]')).toHaveLength(3);
    await page.screenshot({ path: join(SCREENSHOTS, `enterprise-score-history-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '核验信息', '供核验回执的人使用'],
    ['en', 'Verification details', 'for whoever checks a receipt'],
  ])("folds a receipt's checking details away from the enterprise, saying whom they are for (%s)", async (lang, summary, forWhom) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals/${APPEAL.id}`);
    await page.waitForSelector('#appeal-timeline');
    const shown = await seen(page);
    expect(shown).not.toContain('/api/audit/public-key');
    expect(shown).not.toContain(SHA);
    expect(shown).not.toContain('SHA-256');
    // Still there, one click away, with one sentence of what they are for.
    expect(await page.textContent('#receipt-verification summary')).toBe(summary);
    await page.click('#receipt-verification summary');
    const opened = await seen(page, '#receipt-verification');
    expect(opened).toContain(forWhom);
    expect(opened).toContain('/api/audit/public-key');
    await page.click('#evidence-verification summary');
    expect(await seen(page, '#evidence-verification')).toContain(SHA);
    await page.screenshot({ path: join(SCREENSHOTS, `00-clarity-appeal-verification-${lang}.png`), fullPage: true });
    await page.close();

    // The reviewer checks the files as they read them: the fingerprints stay in view.
    const reviewer = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await reviewer.goto(`${pages.web.baseUrl}/#/reviews/appeals/${APPEAL.id}`);
    await reviewer.waitForSelector('#appeal-evidence');
    expect(await seen(reviewer, '#appeal-evidence')).toContain(`SHA-256 ${SHA}`);
    await reviewer.close();
  });

  it.each([
    ['zh', '约 35%', '约 15%', '每 100 次检查约有 35 次'],
    ['en', 'about 35%', 'about 15%', 'of 100 inspections of enterprises like yours, about 35'],
  ])('words the chance of a finding and what a suggestion would make of it on one scale (%s)', async (lang, now, after, means) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.waitForSelector('[data-testid="risk-hero"]');
    expect(await page.textContent('[data-testid="risk-hero"] .band')).toBe(now);
    expect(await page.textContent('[data-testid="chance-means"]')).toContain(means);
    const suggestion = await seen(page, '[data-suggestion="abnormal_listed"]');
    expect(suggestion).toContain(now);
    expect(suggestion).toContain(after);
    // One rounding everywhere the enterprise reads: no figure to a tenth beside whole ones.
    expect(await seen(page)).not.toMatch(/\d\.\d\s?%/);
    await page.screenshot({ path: join(SCREENSHOTS, `00-clarity-suggestion-${lang}.png`), fullPage: true });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals/${APPEAL.id}`);
    await page.waitForSelector('[data-appeal] .kv');
    expect(await seen(page, '[data-appeal] .kv')).toContain(now);
    await page.close();
  });

  it.each([1280, 390])('keeps every stop of a route sketch in view and apart where stops share a place (%s px)', async (width) => {
    const page = await pages.signIn('dispatcher', { width });
    await page.goto(`${pages.web.baseUrl}/#/visits/${VISIT.id}`);
    await page.waitForSelector('.route-sketch-cell[data-drawn] svg');
    // Each stop is a numbered circle (the small dots mark where fanned-out stops really are).
    const marks = await page.$$eval('.route-sketch-cell svg circle:not(.shared-spot)', (circles) =>
      circles.map((c) => {
        const box = c.getBoundingClientRect();
        return { stop: c.nextElementSibling?.textContent ?? null, x: box.x + box.width / 2, y: box.y + box.height / 2, r: box.width / 2 };
      }),
    );
    expect(marks.map((m) => m.stop)).toEqual(['1', '2', '3', '4', '5']);
    for (const [i, a] of marks.entries()) {
      for (const b of marks.slice(i + 1))
        expect({ pair: [a.stop, b.stop], apart: Math.hypot(a.x - b.x, a.y - b.y) >= a.r + b.r }).toEqual({ pair: [a.stop, b.stop], apart: true });
    }
    const svg = (await (await page.$('.route-sketch-cell svg'))!.boundingBox())!;
    for (const m of marks) {
      expect(m.x - m.r).toBeGreaterThanOrEqual(svg.x - 0.5);
      expect(m.x + m.r).toBeLessThanOrEqual(svg.x + svg.width + 0.5);
      expect(m.y - m.r).toBeGreaterThanOrEqual(svg.y - 0.5);
      expect(m.y + m.r).toBeLessThanOrEqual(svg.y + svg.height + 0.5);
    }
    expect(svg.x + svg.width).toBeLessThanOrEqual(width);
    // The stops that share a place are named under the sketch; the current one (3) stays marked.
    const shared = await seen(page, '.route-sketch-cell .shared-stops');
    expect(shared).toContain('1、4');
    expect(shared).toContain('2、3');
    expect(await page.$eval('.route-sketch-cell svg circle.current', (c) => c.nextElementSibling?.textContent)).toBe('3');
    await page.screenshot({ path: join(SCREENSHOTS, `00-clarity-route-sketch-${width}.png`), fullPage: true });
    await page.close();
  });

  it('names districts in Pinyin with the generic in English on the English pages, and takes them typed so', async () => {
    const page = await pages.signIn('officer', { lang: 'en' });
    await page.goto(`${pages.web.baseUrl}/#/visits/${VISIT.id}`);
    await page.waitForSelector('main .region-name');
    expect(await page.textContent('main .region-name')).toBe('Nanhai District');
    await page.goto(`${pages.web.baseUrl}/#/calendar`);
    await page.waitForSelector('main tbody tr');
    // The addresses are the enterprises' own words; the district column is the page's.
    expect(await page.$$eval('main tbody .region-name', (cells) => cells.map((c) => c.textContent))).toEqual(['Nanhai District']);
    const asked = () => pages.fake.seen.filter((r) => isVisitList(r.url)).map((r) => new URL(r.url, 'http://x').searchParams.get('region'));
    const sent = asked().length;
    await page.fill('input[name=region]', 'nanhai');
    await Promise.all([page.waitForResponse((r) => isVisitList(r.url())), page.click('main form button[type=submit]')]);
    expect(asked().slice(sent)).toEqual(['440605']);
    // Back in Chinese, the Chinese names.
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('main .region-name')?.textContent === '南海区');
    await page.close();
  });
});
