import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE, StatusAnswer } from './web-app.harness';

/**
 * The rectification tracking page (整改跟踪) in a real browser in front of a fake suite: the orders to rectify
 * by status with their counts, each linked to its enterprise, its visit and the re-inspection that holds it (or held
 * it on a day gone by with no results), the first re-inspection day under each deadline, and a platform case's
 * deadline extended from a fold-away form.
 */

const CASE_NO = 'FS-SAMR-2026-000901';
const VISIT_ID = '0b6c8a55-5f0e-4d7e-9a7a-000000000401';
const HOLDER_ID = '0b6c8a55-5f0e-4d7e-9a7a-000000000402';
const MISSED_ID = '0b6c8a55-5f0e-4d7e-9a7a-000000000403';
const row = (over: Record<string, unknown>) => ({
  creditCode: OWN_CODE,
  department: 'SAMR',
  regionCode: '440605',
  source: 'case',
  visitId: null,
  inspectionRef: CASE_NO,
  inspectedOn: '2026-03-20',
  rectifyBy: '2026-04-19',
  notBefore: '2026-04-20',
  dueBy: '2026-05-04',
  extended: false,
  status: 'waiting',
  scheduled: null,
  ...over,
});
const LIST = {
  on: '2026-04-01',
  counts: { waiting: 1, due: 1, scheduled: 1, missed: 1, overdue: 1, stale: 0 },
  rows: [
    row({}),
    row({
      source: 'visit',
      visitId: VISIT_ID,
      inspectionRef: 'TP-2026-000401',
      inspectedOn: '2026-03-01',
      rectifyBy: '2026-03-31',
      notBefore: '2026-04-01',
      dueBy: '2026-04-15',
      status: 'due',
      extended: true,
    }),
    row({ inspectionRef: 'FS-SAMR-2026-000902', status: 'scheduled', scheduled: { id: HOLDER_ID, number: 'TP-2026-000402', date: '2026-04-22' } }),
    row({
      inspectionRef: 'FS-SAMR-2026-000904',
      status: 'missed',
      rectifyBy: '2026-03-10',
      notBefore: '2026-03-11',
      dueBy: '2026-03-25',
      scheduled: { id: MISSED_ID, number: 'TP-2026-000403', date: '2026-03-20' },
    }),
    row({ inspectionRef: 'FS-FIRE-2026-000903', department: 'FIRE', status: 'overdue', rectifyBy: '2026-02-01', notBefore: '2026-02-02', dueBy: '2026-02-16' }),
  ],
  truncated: false,
};
const PATH = `/api/cases/${CASE_NO}/rectification-extensions`;
const EXTENDED = {
  id: 'x-9',
  caseNo: CASE_NO,
  from: '2026-04-19',
  to: '2026-05-19',
  reason: '企业申请延期',
  actor: 'dispatcher',
  extendedAt: '2026-04-01T02:00:00Z',
  released: [{ id: HOLDER_ID, number: 'TP-2026-000402', date: '2026-04-22', cancelled: false }],
  heldBefore: [],
};

describeWithBrowser('tracking orders to rectify (整改跟踪), in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605' }],
    'GET /api/follow-ups': LIST,
    // The gateway asks whose case it is before forwarding an extension.
    [`GET ${PATH}`]: {
      caseNo: CASE_NO,
      creditCode: OWN_CODE,
      department: 'SAMR',
      departments: ['SAMR'],
      date: '2026-03-20',
      ordered: true,
      rectifyBy: '2026-04-19',
      extensions: [],
    },
    [`POST ${PATH}`]: EXTENDED,
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
  const lists = () => pages.fake.seen.filter((r) => r.method === 'GET' && r.url.startsWith('/api/follow-ups'));
  const form = `[data-case-extension="${CASE_NO}"]`;

  it.each([
    [
      'zh',
      '整改跟踪',
      '未到期限 · 1',
      '已安排复查',
      '平台案件',
      '已延期',
      '整改期限已延至',
      '保留其他检查事项',
      '复查未录结果 · 1',
      '复查不早于 2026',
      '已过复查时限',
    ],
    [
      'en',
      'Rectification tracking',
      'Before deadline · 1',
      'Scheduled',
      'Platform case',
      'extended',
      'The deadline is now',
      'its other checks stay',
      'Missed: no results · 1',
      'Re-inspect from',
      'past the re-inspect-by day',
    ],
  ])(
    'lists the orders by status, linked, and extends a platform case’s deadline (%s)',
    async (lang, title, waiting, scheduled, fromCase, extended, done, kept, missed, notBefore, pastDue) => {
      const page = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
      await page.goto(`${pages.web.baseUrl}/#/tracking`);
      await page.waitForSelector(`[data-inspection-ref="${CASE_NO}"]`);
      expect(await text(page, '.nav a.active')).toBe(title);
      expect(await text(page, '#tracking-counts [data-count=waiting]')).toBe(waiting);
      const table = await text(page, 'main table');
      for (const words of [scheduled, fromCase, extended, '佛山市示例家具有限公司', 'TP-2026-000401']) expect(table).toContain(words);
      expect(await page.getAttribute('[data-inspection-ref="TP-2026-000401"] a', 'href')).toBe(`#/visits/${VISIT_ID}`);
      expect(await page.getAttribute('[data-scheduled-visit="TP-2026-000402"] a', 'href')).toBe(`#/visits/${HOLDER_ID}`);
      // Under the deadline, the first day of the re-inspection: the day after it, the deadline day being the enterprise's.
      expect(await page.getAttribute(`[data-rectify-by="2026-04-19"] [data-not-before]`, 'data-not-before')).toBe('2026-04-20');
      expect(await text(page, '[data-rectify-by="2026-04-19"] [data-not-before]')).toContain(notBefore);
      // A re-inspection whose day passed with no results: counted apart, its visit linked, its due day past said.
      expect(await text(page, '#tracking-counts [data-count=missed]')).toBe(missed);
      expect(await page.getAttribute('[data-missed-visit="TP-2026-000403"] a', 'href')).toBe(`#/visits/${MISSED_ID}`);
      expect(table).toContain(pastDue);
      expect(await page.$('[data-missed-visit="TP-2026-000402"]')).toBeNull();
      expect(await page.getAttribute(`main table a[href="#/enterprises/${OWN_CODE}"]`, 'href')).toBe(`#/enterprises/${OWN_CODE}`);
      // A visit's order is extended on its page; a case's here, folded away until asked for.
      expect(await page.$('[data-case-extension="TP-2026-000401"]')).toBeNull();
      expect(await page.isVisible(`${form} input[name=rectifyBy]`)).toBe(false);
      await page.click(`${form} [data-extend-fold] summary`);
      expect(await page.inputValue(`${form} input[name=rectifyBy]`)).toBe('2026-05-19');
      await page.fill(`${form} textarea[name=reason]`, '企业申请延期');
      await page.click(`${form} button[type=submit]`);
      await page.waitForSelector('#tracking-extended');
      expect(await text(page, '#tracking-extended')).toContain(done);
      // The visit that held the re-inspection before the new day keeps its other checks without it: said, linked.
      expect(await page.getAttribute('#tracking-extended [data-released-visit="TP-2026-000402"][data-cancelled=false] a', 'href')).toBe(
        `#/visits/${HOLDER_ID}`,
      );
      expect(await text(page, '#tracking-extended [data-released]')).toContain(kept);
      const posted = pages.fake.seen.filter((r) => r.method === 'POST' && r.url === PATH).pop()!;
      expect(JSON.parse(posted.body)).toEqual({ rectifyBy: '2026-05-19', reason: '企业申请延期', actor: 'dispatcher' });
      await page.screenshot({ path: join(SCREENSHOTS, `follow-up-tracking-${lang}.png`), fullPage: true });
      await page.close();
    },
  );

  it('narrows to a status from its count, exports the rows, and says why the server refused an extension', async () => {
    const page = await pages.signIn('dispatcher');
    await page.goto(`${pages.web.baseUrl}/#/tracking`);
    await page.waitForSelector('#tracking-counts');
    await page.click('#tracking-counts [data-count=overdue]');
    await page.waitForSelector('#tracking-counts [data-count=overdue][aria-pressed=true]');
    expect(lists().pop()!.url).toContain('status=overdue');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-download^="tianping-rectification-tracking"]')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);

    answers[`POST ${PATH}`] = new StatusAnswer(409, { statusCode: 409, code: 'own_visit', message: "case is a Tianping visit's" });
    await page.click(`${form} [data-extend-fold] summary`);
    await page.fill(`${form} textarea[name=reason]`, '企业申请延期');
    await page.click(`${form} button[type=submit]`);
    await page.waitForSelector(`${form} [data-extend-error=own_visit]`);
    expect(await text(page, `${form} [data-extend-error=own_visit]`)).toContain('请在检查页延期整改');
    answers[`POST ${PATH}`] = EXTENDED;
    await page.close();
  });

  it("shows a department officer its department's orders: the gateway asks for them whatever the page says", async () => {
    const page = await pages.signIn('officer');
    await page.goto(`${pages.web.baseUrl}/#/tracking`);
    await page.waitForSelector(`[data-inspection-ref="${CASE_NO}"]`);
    expect(await page.isDisabled('select[name=department]')).toBe(true);
    expect(lists().pop()!.url).toContain('department=SAMR');
    // Another department's case offers no extension to the officer.
    expect(await page.$('[data-case-extension="FS-FIRE-2026-000903"]')).toBeNull();
    await page.close();
  });
});
