import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { NO_APPLICATIONS, orderedNotice, orderedVisit, SCHEDULED_VISIT } from './visit-page.fixture';
import { OWN_CODE } from './web-app.harness';

/**
 * Follow-up inspections (整改复查) in a real browser in front of a fake suite: the officer recording an
 * order to rectify is asked for its deadline, prefilled from the policy; a re-inspection's visit says
 * which inspection it follows up; the enterprise reads by when it must rectify.
 */

const VISIT = SCHEDULED_VISIT;

/** A re-inspection planned after the deadline its first visit set. */
const FOLLOW_UP = {
  ...VISIT,
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000202',
  visitNo: 'TP-2026-000345',
  date: '2026-04-07',
  reasons: ['follow-up'],
  followUps: [{ department: 'SAMR', inspectionRef: 'TP-2026-000201', inspectedOn: '2026-03-02', rectifyBy: '2026-04-01' }],
};

/** The visit that gave the order (as VISIT reads once done), with the re-inspection it led to. */
const ORDER = {
  ...orderedVisit('2026-04-01'),
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000203',
  reInspections: [{ id: FOLLOW_UP.id, visitNo: FOLLOW_UP.visitNo, date: FOLLOW_UP.date, status: 'scheduled' }],
};

describeWithBrowser('follow-up inspections after an order to rectify (整改复查), in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    'GET /api/policy': { rectificationDays: 20, followUpWithinDays: 15, version: 3 },
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605' }],
    'GET /api/checklist-items': [],
    [`GET /api/visits/${VISIT.id}`]: VISIT,
    [`GET /api/visits/${FOLLOW_UP.id}`]: FOLLOW_UP,
    [`GET /api/visits/${ORDER.id}`]: ORDER,
    [`GET /api/visits/${ORDER.id}/rectification-extensions`]: [],
    [`GET /api/visits/${ORDER.id}/rectification-applications`]: [],
    [`POST /api/visits/${VISIT.id}/results`]: { visitId: VISIT.id, status: 'done', items: 2, violationsFound: 1, rectifyBy: '2026-03-20' },
    [`GET /api/enterprises/${OWN_CODE}/visits`]: [orderedNotice('2026-03-22')],
    ...NO_APPLICATIONS,
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it.each([
    ['zh', '整改期限须在检查日', '整改期限为'],
    ['en', 'must come after the visit day', 'To be rectified by'],
  ])(
    'asks for the deadline when an item is ordered to rectify, prefilled from the policy, and refuses one before the visit (%s)',
    async (lang, early, recorded) => {
      const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
      await page.goto(`${pages.web.baseUrl}/#/visits/${VISIT.id}`);
      await page.waitForSelector('main form button[type=submit]');
      // No order to rectify, no deadline asked.
      expect(await page.isVisible('#rectify-field')).toBe(false);
      await page.selectOption('select[name="result-SAMR-01"]', 'rectify');
      await page.fill('input[name="violation-SAMR-01"]', '未公示营业执照');
      await page.selectOption('select[name="result-SAMR-02"]', 'no_problem');
      expect(await page.isVisible('#rectify-field')).toBe(true);
      // The visit's day + the policy's 20 days.
      await page.waitForFunction(() => (document.querySelector('#rectify-by') as HTMLInputElement).value === '2026-03-22');
      await page.fill('#rectify-by', '2026-03-01');
      const before = pages.fake.seen.length;
      await page.click('main form button[type=submit]');
      await page.waitForSelector('#rectify-invalid');
      expect(await text(page, '#rectify-invalid')).toContain(early);
      expect(pages.fake.seen.slice(before).some((r) => r.method === 'POST')).toBe(false);

      await page.fill('#rectify-by', '2026-03-20');
      await page.click('main form button[type=submit]');
      await page.click('#results-confirm-save');
      await page.waitForSelector('main .notice.ok');
      expect(await text(page, 'main .notice.ok')).toContain(recorded);
      const posted = pages.fake.seen.slice(before).find((r) => r.method === 'POST' && r.url === `/api/visits/${VISIT.id}/results`);
      expect(JSON.parse(posted!.body)).toMatchObject({
        rectifyBy: '2026-03-20',
        items: [
          { item: 'SAMR-01', result: 'rectify' },
          { item: 'SAMR-02', result: 'no_problem' },
        ],
      });
      await page.screenshot({ path: join(SCREENSHOTS, `follow-up-results-form-${lang}.png`), fullPage: true });
      await page.close();
    },
  );

  it.each([
    ['zh', '复查：', '检查（TP-2026-000201）责令整改，整改期限', '整改复查'],
    ['en', 're-inspection: the inspection of', '(TP-2026-000201) ordered rectification by', 'Follow-up (re-inspection)'],
  ])('says on a re-inspection which inspection it follows up and its deadline (%s)', async (lang, line, origin, reason) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/visits/${FOLLOW_UP.id}`);
    await page.waitForSelector('#visit-follow-ups');
    const said = await text(page, '#visit-follow-ups');
    expect(said).toContain(line);
    expect(said).toContain(origin);
    expect(await text(page, 'main .kv')).toContain(reason);
    await page.close();
  });

  it.each([
    ['zh', '复查已安排：2026年4月7日'],
    ['en', 'Re-inspection scheduled: 7 Apr 2026'],
  ])('leads from an order to rectify to the re-inspection planned after it (%s)', async (lang, line) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/visits/${ORDER.id}`);
    await page.waitForSelector('#visit-re-inspections');
    expect(await text(page, '#visit-re-inspections')).toContain(line);
    await page.click(`#visit-re-inspections a`);
    await page.waitForSelector('#visit-follow-ups');
    expect(page.url()).toContain(FOLLOW_UP.id);
    await page.close();
  });

  it.each([
    ['zh', '请于 2026年3月22日（含当日）前完成整改', '复查不早于 2026年3月23日'],
    ['en', 'Put the findings right by 22 Mar 2026 (that day included)', 'no earlier than 23 Mar 2026'],
  ])('tells the enterprise by when to rectify, and that the re-inspection comes from the day after (%s)', async (lang, deadline, after) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/visits`);
    await page.waitForSelector('[data-rectify-by="2026-03-22"]');
    expect(await text(page, '[data-rectify-by="2026-03-22"]')).toContain(deadline);
    expect(await text(page, '[data-rectify-by="2026-03-22"]')).toContain(after);
    await page.screenshot({ path: join(SCREENSHOTS, `follow-up-enterprise-visits-${lang}.png`), fullPage: true });
    await page.close();
  });
});
