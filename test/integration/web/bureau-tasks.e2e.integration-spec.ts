import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { browserMissing, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE } from './web-app.harness';

/**
 * What the bureau's officers met on the demo city, walking their own tasks in a real browser in front
 * of a fake suite: an enterprise file that said no visit was planned while one was.
 */

const NAME = '佛山市示例家具有限公司';

/** An unannounced joint visit to OWN_CODE: the enterprise is not told of it, the officers must be. */
const UNANNOUNCED = {
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000101',
  drawId: 'd-1',
  date: '2026-12-07',
  regionCode: '440605',
  creditCode: OWN_CODE,
  officerIds: ['44060400001', '44060600006'],
  departments: ['SAMR'],
  reasons: ['complaint'],
  exploration: false,
  routeKey: 'r-1',
  routeOrder: 0,
  noticeAllowed: false,
  status: 'scheduled',
};

const missing = browserMissing();
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser("the bureau's own tasks, in a real browser", () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    [`GET /api/enterprises/${OWN_CODE}`]: { subject: { creditCode: OWN_CODE, name: NAME, regionCode: '440605' }, cases: [], clues: [] },
    // What the enterprise itself may know of: nothing yet, the visit is unannounced.
    [`GET /api/enterprises/${OWN_CODE}/visits`]: [],
    'GET /api/visits': [UNANNOUNCED],
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: NAME, regionCode: '440605', industryCode: 'C2110', lng: 113.1, lat: 23.05 }],
    'GET /api/checklist-items': [],
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  const seen = (page: Page, selector = 'main') => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it.each([
    ['zh', '不预先告知'],
    ['en', 'Unannounced'],
  ])("shows an enterprise's unannounced visit on the bureau's view of its file (%s)", async (lang, unannounced) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/enterprises/${OWN_CODE}`);
    await page.waitForSelector(`main a[href="#/visits/${UNANNOUNCED.id}"]`);
    const visits = await seen(page, `main .card:has(a[href="#/visits/${UNANNOUNCED.id}"])`);
    expect(visits).toContain(unannounced);
    expect(visits).toContain('44060400001');
    // Asked of the officers' calendar for this one enterprise, not of what the enterprise is told.
    const asked = pages.fake.seen.filter((r) => r.url.startsWith('/api/visits?')).map((r) => new URL(r.url, 'http://x').searchParams.get('creditCode'));
    expect(asked).toContain(OWN_CODE);
    await page.screenshot({ path: join(SCREENSHOTS, `00-bureau-file-visits-${lang}.png`), fullPage: true });
    await page.close();
  });
});
