import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { settle, startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE } from './web-app.harness';

/**
 * What people found rough on the pages, in a real browser in front of a fake suite: evidence files
 * named by a MIME type, a page another role may not see drawn half with a refusal in every card,
 * and counts inside sentences not grouped the way the tables group them.
 */

const SHA = 'cd'.repeat(32);
const EVIDENCE = [
  { n: 0, name: '移出决定书.pdf', size: 20480, contentType: 'application/pdf', sha256: SHA },
  { n: 1, name: 'storefront.jpg', size: 310000, contentType: 'image/jpeg', sha256: SHA },
  { n: 2, name: '整改报告.docx', size: 51200, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', sha256: SHA },
  { n: 3, name: 'photo.heic', size: 900000, contentType: 'application/octet-stream', sha256: SHA },
  { n: 4, name: 'notes', size: 12, contentType: 'application/x-unknown', sha256: SHA },
];

const APPEAL = {
  id: 'AP-20261203-0002',
  creditCode: OWN_CODE,
  scoreId: 's-1',
  modelVersion: 'm-1',
  colour: 'yellow',
  probability: 0.3,
  status: 'filed',
  outcome: null,
  overrideColour: null,
  reviewer: null,
  decisionReasons: null,
  overdue: false,
  filedAt: '2026-12-03T02:04:05.000Z',
  dueAt: '2026-12-18T02:04:05.000Z',
  decidedAt: null,
  closedAt: null,
  grounds: '该记录已更正，请复核。',
  challenges: [],
  evidence: EVIDENCE,
  steps: [
    {
      step: 'filed',
      at: '2026-12-03T02:04:05.000Z',
      actor: 'ent',
      note: null,
      detail: { colour: 'yellow', challenges: [], evidence: EVIDENCE.map((f) => f.sha256) },
      auditSeq: 12,
    },
  ],
};

const SCORE = {
  creditCode: OWN_CODE,
  asOf: '2026-12-01',
  modelVersion: 'm-1',
  colourPolicyVersion: 'cp-1',
  probability: 0.3,
  logit: -0.85,
  base: -1.2,
  colour: 'yellow',
  contributions: [{ factor: 'complaints_12m', value: 2, contribution: 0.35 }],
  // Scoring names a factor as it reads inside a sentence, in lower case.
  factors: [{ factor: 'complaints_12m', label: { zh: '近一年投诉举报', en: 'complaints in the last 12 months' } }],
  reasons: [],
  suggestions: [],
};

/** One stretch of the same score over 12,345 daily scores: a count large enough to need grouping. */
const HISTORY = {
  creditCode: OWN_CODE,
  periods: [
    {
      scoreId: 'scoring-2',
      from: '2026-11-20',
      to: '2026-12-01',
      scores: 12345,
      probability: 0.3,
      colour: 'yellow',
      modelVersion: 'm-1',
      colourPolicyVersion: 'cp-1',
      change: { model: false, colourPolicy: false, factors: [{ factor: 'complaints_12m', from: 1, to: 2, contributionChange: 0.2 }] },
    },
    {
      scoreId: 'scoring-1',
      from: '2026-10-01',
      to: '2026-11-19',
      scores: 3,
      probability: 0.2,
      colour: 'green',
      modelVersion: 'm-1',
      colourPolicyVersion: 'cp-1',
      change: null,
    },
  ],
  more: false,
  complete: true,
};

const DRAW = {
  id: '3f1c2a55-5f0e-4d7e-9a7a-000000000001',
  window: { from: '2026-12-07', to: '2026-12-20' },
  status: 'published',
  cutFrom: null,
  figures: { visits: 12345, checks: 23456, visitReduction: 0.4 },
  violationCount: 0,
  seed: 'seed-1',
  createdAt: '2026-12-06T03:00:00.000Z',
};

/** Every page and the roles that may see it; the ids need not exist (the role decides first). */
const PAGES: [string, string[]][] = [
  ['#/my', ['ent']],
  ['#/my/records', ['ent']],
  ['#/my/visits', ['ent']],
  ['#/my/appeals', ['ent']],
  [`#/my/appeals/${APPEAL.id}`, ['ent']],
  ['#/reviews', ['overseer']],
  [`#/reviews/appeals/${APPEAL.id}`, ['overseer']],
  ['#/enterprises', ['officer', 'dispatcher', 'overseer']],
  [`#/enterprises/${OWN_CODE}`, ['officer', 'dispatcher']],
  ['#/plans', ['officer', 'dispatcher', 'overseer']],
  [`#/plans/${DRAW.id}`, ['officer', 'dispatcher', 'overseer']],
  ['#/calendar', ['officer', 'dispatcher']],
  ['#/today', ['officer', 'dispatcher']],
  ['#/tracking', ['officer', 'dispatcher']],
  ['#/officers', ['dispatcher', 'overseer']],
  ['#/visits/0b6c8a55-5f0e-4d7e-9a7a-000000000001', ['officer', 'dispatcher']],
  ['#/audit', ['overseer']],
  ['#/models', ['overseer', 'admin']],
  ['#/models/versions/m-1', ['overseer']],
  ['#/models/colour-policies/cp-1', ['overseer']],
  ['#/audits', ['overseer']],
  ['#/audits/reports/0b6c8a55-5f0e-4d7e-9a7a-000000000002', ['overseer']],
  ['#/accounts', ['admin']],
  ['#/access-log', ['overseer', 'admin']],
  ['#/quarantine', ['admin']],
  ['#/quarantine/1', ['admin']],
  ['#/health', ['admin']],
  ['#/health/dead-letters/1', ['admin']],
];
const USERS = ['ent', 'officer', 'dispatcher', 'overseer', 'admin'];

/** Resolves once the page has started or finished no request for `quietMs` (its own loads done, whatever they are). */
async function networkQuiet(page: Page, quietMs: number): Promise<void> {
  let last = Date.now();
  const bump = () => (last = Date.now());
  page.on('request', bump).on('requestfinished', bump).on('requestfailed', bump);
  while (Date.now() - last < quietMs) await page.waitForTimeout(100);
  page.off('request', bump).off('requestfinished', bump).off('requestfailed', bump);
}

describeWithBrowser('pages read as their people read them, in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    [`GET /api/scores/${OWN_CODE}`]: SCORE,
    [`GET /api/scores/${OWN_CODE}/history`]: HISTORY,
    [`GET /api/reviews/enterprises/${OWN_CODE}`]: {
      score: SCORE,
      effectiveColour: 'yellow',
      state: 'in-effect',
      decision: null,
      scoreSeq: null,
      decisions: [],
      appeals: [APPEAL],
    },
    [`GET /api/appeals/${APPEAL.id}`]: APPEAL,
    'GET /api/draws': [DRAW],
    [`GET /api/draws/${DRAW.id}`]: { ...DRAW, tasks: [] },
    [`GET /api/draws/${DRAW.id}/tasks`]: [],
    'GET /api/visits': [],
    'GET /api/follow-ups': { on: '2026-12-07', counts: { waiting: 0, due: 0, scheduled: 0, missed: 0, overdue: 0, stale: 0 }, rows: [], truncated: false },
    'GET /api/plans': [],
    'GET /api/conflicts': [],
    'GET /api/officers': [],
    'GET /api/absences': [],
    'GET /api/checklist-items': [],
    'GET /api/quarantine/summary': {
      byStatus: [{ kind: 'cases', status: 'open', count: 12345 }],
      reasons: [{ kind: 'cases', field: 'items', code: 'format', count: 1234 }],
    },
    'GET /api/quarantine': [],
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  const seen = (page: Page, selector = 'main') => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it.each([
    ['zh', ['PDF 文档', '图片', 'Word 文档', 'HEIC 文件', '文件'], '针对黄色评分；未对具体记录提出异议，附 5 个证据文件。'],
    ['en', ['PDF document', 'Image', 'Word document', 'HEIC file', 'File'], 'Against a yellow score. No record challenged; evidence files: 5.'],
  ])('names each evidence file by its kind in the page language, never by its MIME type (%s)', async (lang, kinds, filed) => {
    for (const [user, route] of [
      ['ent', `#/my/appeals/${APPEAL.id}`],
      ['overseer', `#/reviews/appeals/${APPEAL.id}`],
    ]) {
      const page = await pages.signIn(user, { lang: lang as 'zh' | 'en' });
      await page.goto(`${pages.web.baseUrl}/${route}`);
      await page.waitForSelector('#appeal-evidence [data-file-kind]');
      const lines = await page.$$eval('#appeal-evidence [data-file-kind]', (els) => els.map((e) => e.textContent ?? ''));
      expect(lines.map((l) => l.split(' · ')[1])).toEqual(kinds);
      // The size stays beside the kind.
      expect(lines[0]).toBe(`20 KB · ${kinds[0]}`);
      expect(await seen(page, '#appeal-evidence')).not.toMatch(/application\/|image\/|octet-stream/);
      // An appeal on its grounds alone does not read as "challenged 0 records".
      expect(await page.textContent('[data-filed-detail]')).toBe(filed);
      if (user === 'ent') await page.screenshot({ path: join(SCREENSHOTS, `polish-evidence-kinds-${lang}.png`), fullPage: true });
      await page.close();
    }
  });

  it('tells a role one clear notice on any page it may not see, drawing nothing of the page and asking nothing of the suite', async () => {
    for (const user of USERS) {
      const page = await pages.signIn(user, { lang: 'en' });
      const home = await page.evaluate(() => location.hash);
      // The start page's own calls are done before the first refused page is asked for: drawn, then no request for 0.7 s.
      await page.waitForFunction(() => document.querySelector<HTMLElement>('#main')?.dataset.page);
      await networkQuiet(page, 700);
      const asked: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/')) asked.push(new URL(request.url()).pathname);
      });
      for (const [route, roles] of PAGES) {
        if (roles.includes(user)) continue;
        asked.length = 0;
        await page.goto(`${pages.web.baseUrl}/${route}`);
        await page.waitForSelector('main[data-page="forbidden"]');
        const shown = await page.evaluate(() => ({
          notices: document.querySelectorAll('main [data-state]').length,
          forbidden: document.querySelectorAll('main [data-state="forbidden"]').length,
          // The notice is the page's one heading (an h1, for a screen reader's list of headings); nothing of the page is drawn.
          headings: Array.from(document.querySelectorAll('main h1, main h2')).map((el) => (el.closest('[data-state="forbidden"]') ? 'notice' : el.textContent)),
          back: document.querySelector('main [data-state="forbidden"] a')?.getAttribute('href'),
        }));
        expect({ user, route, ...shown }).toEqual({ user, route, notices: 1, forbidden: 1, headings: ['notice'], back: home });
        expect({ user, route, asked }).toEqual({ user, route, asked: [] });
      }
      if (user === 'officer') {
        await page.goto(`${pages.web.baseUrl}/#/quarantine`);
        await page.waitForSelector('main[data-page="forbidden"]');
        await page.screenshot({ path: join(SCREENSHOTS, 'polish-forbidden-officer-quarantine.png'), fullPage: true });
      }
      await page.close();
    }
  }, 120_000);

  it('still draws the pages a role may see', async () => {
    for (const [user, route, selector] of [
      ['officer', '#/plans', 'main h1'],
      ['overseer', '#/plans', 'main h1'],
      ['admin', '#/models', 'main h1'],
      ['ent', '#/my', '[data-testid="risk-hero"]'],
    ]) {
      const page = await pages.signIn(user);
      await page.goto(`${pages.web.baseUrl}/${route}`);
      await page.waitForSelector(selector);
      expect(await page.$('main[data-page="forbidden"]')).toBeNull();
      await page.close();
    }
  });

  it.each([
    ['zh', '检查事项：', '12,345'],
    ['en', '“Checklist items” is not in the expected format', '12,345'],
  ])('names a quarantined field so its problem reads as a sentence, and groups the counts (%s)', async (lang, reason, open) => {
    const page = await pages.signIn('admin', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/quarantine`);
    await page.waitForSelector('#quarantine-top-reasons li');
    expect(await seen(page, '#quarantine-top-reasons li')).toContain(reason);
    expect(await page.textContent('#quarantine-summary [data-status="open"] .value')).toBe(open);
    expect(await page.textContent('#quarantine-by-kind tr[data-kind="cases"] td:nth-child(2)')).toBe(open);
    await page.close();
  });

  it('begins each line of the English factor chart with a capital, as the factor tables do', async () => {
    const page = await pages.signIn('ent', { lang: 'en' });
    await page.waitForSelector('#reasons-chart [data-chart-text] li', { state: 'attached' });
    expect(await page.$$eval('#reasons-chart [data-chart-text] li', (items) => items.map((li) => li.textContent))).toEqual([
      'Complaints in the last 12 months: raises risk, +42%',
    ]);
    await page.waitForSelector('#reasons-chart svg text');
    expect(await page.$$eval('#reasons-chart svg text', (texts) => texts.map((x) => x.textContent))).toContain('Complaints in the last 12 months');
    await page.close();
  });

  it.each([
    ['zh', '12,345 次评分', '12,345', '合并自 23,456 项部门检查任务'],
    ['en', '12,345 scores', '12,345', 'combined from 23,456 department tasks'],
  ])('groups counts inside sentences as it groups them in tables (%s)', async (lang, scores, visits, checks) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.waitForSelector('#score-history li[data-period="scoring-2"]');
    expect(await seen(page, '#score-history li[data-period="scoring-2"]')).toContain(scores);
    await page.close();

    const officer = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
    await officer.goto(`${pages.web.baseUrl}/#/plans`);
    await officer.waitForSelector('main tbody tr');
    await settle(officer);
    expect(await officer.$$eval('main tbody tr td', (cells) => cells.map((c) => c.textContent))).toContain(visits);
    await officer.goto(`${pages.web.baseUrl}/#/plans/${DRAW.id}`);
    await officer.waitForSelector('main .stat .value');
    await settle(officer);
    expect(await officer.textContent('main .stat .value')).toBe(visits);
    expect(await seen(officer)).toContain(checks);
    await officer.close();
  });
});
