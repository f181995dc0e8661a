import { join } from 'node:path';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE } from './web-app.harness';
import { A11Y_ANSWERS } from './accessibility.fixtures';

/**
 * A factor the records do not give is the model's "missing" state, with a risk of its own: the pages
 * showed it as "—" beside its pull ("用工人数 — +18%"), and the enterprise was told to leave an
 * abnormal list it is not known to be on.
 */
const SCORE = {
  ...(A11Y_ANSWERS[`GET /api/scores/${OWN_CODE}`] as object),
  colour: 'yellow',
  probability: 0.31,
  contributions: [
    { factor: 'employees', value: null, contribution: 0.166 },
    { factor: 'abnormal_listed', value: null, contribution: 0.21 },
    { factor: 'days_since_last_inspection', value: null, contribution: 0.3 },
    { factor: 'complaints_12m', value: 2, contribution: 0.4 },
    { factor: 'years_in_operation', value: 12, contribution: -0.41 },
  ],
  factors: [],
  reasons: [
    { factor: 'complaints_12m', zh: '近一年被投诉举报（加权）2 件', en: '2 weighted complaints in the last 12 months' },
    { factor: 'days_since_last_inspection', zh: '距上次检查 未知 天', en: 'unknown days since the last inspection' },
    { factor: 'abnormal_listed', zh: '列入经营异常名录：未知', en: 'on the abnormal-operation list: unknown' },
  ],
  suggestions: [
    {
      factor: 'complaints_12m',
      zh: '及时处理消费者投诉',
      en: 'Resolve customer complaints',
      change: { zh: '及时处理消费者投诉', en: 'Resolve customer complaints' },
      probabilityAfter: 0.24,
    },
    {
      factor: 'abnormal_listed',
      zh: '申请移出经营异常名录',
      en: 'Apply to leave the abnormal list',
      change: { zh: '申请移出经营异常名录', en: 'Apply to leave the abnormal list' },
      probabilityAfter: 0.27,
    },
  ],
};

describeWithBrowser('a factor whose value is unknown, in words, in a real browser', () => {
  let pages: FakePages;

  beforeAll(async () => {
    // The accessibility walk's fake suite (its file, review and queue), with this score.
    pages = await startFakePages({ ...A11Y_ANSWERS, [`GET /api/scores/${OWN_CODE}`]: SCORE });
  }, 60_000);
  afterAll(() => pages?.close());

  it.each([
    ['zh', '未知（未申报）', '经营异常名录', '从未检查', '申请移出经营异常名录'],
    ['en', 'unknown (not reported)', 'abnormal', 'never inspected', 'Apply to leave the abnormal list'],
  ])('says an unknown value in words and has the enterprise report it, not change it (%s)', async (lang, unknown, listing, never, leave) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my`);
    await page.waitForSelector('[data-suggestion="employees"]');
    const reasons = await page.$eval('main', (el) => (el as HTMLElement).innerText);
    expect(reasons).toContain(never);
    expect(reasons).toContain(unknown);
    expect(reasons).not.toMatch(/未知 天|unknown days/);
    // Reporting the number of employees and the listing is the step; no figure claims what it would do.
    const steps = await page.$$eval('[data-suggestion]', (els) =>
      els.map((e) => ({ factor: (e as HTMLElement).dataset.suggestion, text: (e as HTMLElement).innerText })),
    );
    expect(steps.map((s) => s.factor).sort()).toEqual(['abnormal_listed', 'complaints_12m', 'employees']);
    const employeesStep = steps.find((s) => s.factor === 'employees')!.text;
    expect(employeesStep).toContain('18%');
    expect(employeesStep).toContain(unknown);
    expect(steps.find((s) => s.factor === 'abnormal_listed')!.text).toContain(listing);
    // Never told to leave a list it is not known to be on, nor to report that it was never inspected.
    expect(steps.map((s) => s.text).join('\n')).not.toContain(leave);
    expect(steps.some((s) => s.factor === 'days_since_last_inspection')).toBe(false);
    await page.screenshot({ path: join(SCREENSHOTS, `15-unknown-factor-${lang}.png`), fullPage: true });
    await page.close();

    // The reviewer's table of factors says it too, rather than "—" beside its pull.
    const reviewer = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await reviewer.goto(`${pages.web.baseUrl}/#/reviews`);
    await reviewer.click('#confirmations-table [data-decide]');
    await reviewer.waitForSelector('td[data-factor="employees"]');
    expect(await reviewer.$eval('td[data-factor="employees"]', (td) => (td as HTMLElement).innerText)).toBe(unknown);
    expect(await reviewer.$eval('td[data-factor="days_since_last_inspection"]', (td) => (td as HTMLElement).innerText)).toBe(
      never.replace(/^距上次检查：/, ''),
    );
    await reviewer.close();
  });
});
