import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import { axeViolations } from './axe-check';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { orderedVisit, SCHEDULED_VISIT } from './visit-page.fixture';
import { OWN_CODE, TEST_PASSWORD } from './web-app.harness';

/**
 * A visit's page in a real browser in front of a fake suite: results are chosen item by item and confirmed
 * before they are saved, then shown as recorded; another department's deadline extensions are not asked
 * for; and a route is described in the same words on the officer's route and on each of its visits.
 */

const ITEMS = {
  FIRE: ['FIRE-01', 'FIRE-02', 'FIRE-03', 'FIRE-04'],
  HRSS: ['HRSS-01', 'HRSS-02', 'HRSS-03', 'HRSS-04'],
  SAMR: ['SAMR-01', 'SAMR-02', 'SAMR-03', 'SAMR-04'],
};
const ALL_ITEMS = Object.values(ITEMS).flat();

/** A joint visit of three departments, twelve items, waiting for its results. */
const JOINT = {
  ...SCHEDULED_VISIT,
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000401',
  visitNo: 'TP-2026-000401',
  departments: Object.keys(ITEMS),
  checklist: Object.entries(ITEMS).map(([department, items]) => ({ department, items })),
};
/** The same visit as dispatch answers it once the results are recorded: one case opened at FIRE-02. */
const JOINT_DONE = {
  ...JOINT,
  status: 'done',
  results: ALL_ITEMS.map((item) => ({
    item,
    department: item.split('-')[0],
    result: item === 'FIRE-02' ? '立案查处' : '未发现问题',
    ...(item === 'FIRE-02' ? { violation: '消防通道堵塞' } : {}),
  })),
};

/** A done city-management visit that ordered rectification: not the SAMR officer's. */
const CITY = {
  ...orderedVisit('2026-04-01'),
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000402',
  visitNo: 'TP-2026-000402',
  departments: ['CITY'],
  checklist: [{ department: 'CITY', items: ['CITY-01'] }],
  results: [{ item: 'CITY-01', department: 'CITY', result: '责令整改', violation: '占道经营' }],
};

/** Today in China time, as the pages count it. */
const TODAY = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const OFFICER = '44060400002';
/** Three stops of today's route: 1 and 2 close, 3 near enough to be told apart only at a small mark's size. */
const STOPS = [
  { creditCode: '91440605MA0000001A', name: '一号五金厂', lng: 113.1007773913726, lat: 23.033370079679123 },
  { creditCode: '91440605MA0000002B', name: '二号家具店', lng: 113.10154861165282, lat: 23.0345096294398 },
  { creditCode: '91440605MA0000003C', name: '三号餐馆', lng: 113.1022366578608, lat: 23.03690519986996 },
].map((s) => ({ ...s, regionCode: '440605', address: `佛山市南海区${s.name}路1号` }));
const ROUTE_IDS = STOPS.map((_, i) => `0b6c8a55-5f0e-4d7e-9a7a-00000000041${i + 1}`);
const ROUTE = ROUTE_IDS.map((id, i) => ({
  ...SCHEDULED_VISIT,
  id,
  visitNo: `TP-2026-00041${i + 1}`,
  date: TODAY,
  creditCode: STOPS[i].creditCode,
  officerIds: [OFFICER, '44060600006'],
  routeOrder: i,
  route: { visitIds: ROUTE_IDS, creditCodes: STOPS.map((s) => s.creditCode), officerIds: [OFFICER, '44060600006'], distanceKm: 0.6 },
}));
/** A route of one stop whose enterprise intake has no coordinates for. */
const ALONE = {
  ...SCHEDULED_VISIT,
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000421',
  visitNo: 'TP-2026-000421',
  route: { visitIds: ['0b6c8a55-5f0e-4d7e-9a7a-000000000421'], creditCodes: [OWN_CODE], distanceKm: 0 },
};

describeWithBrowser('a visit’s page: results chosen and confirmed, extensions and routes, in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    'GET /api/policy': { rectificationDays: 20, followUpWithinDays: 15, version: 3 },
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605' }, ...STOPS],
    'GET /api/checklist-items': [],
    'GET /api/visits': ROUTE,
    'GET /api/absences': [],
    [`GET /api/visits/${JOINT.id}`]: JOINT,
    [`POST /api/visits/${JOINT.id}/results`]: { visitId: JOINT.id, status: 'done', items: 12, violationsFound: 1, rectifyBy: null },
    [`GET /api/visits/${CITY.id}`]: CITY,
    [`GET /api/visits/${ALONE.id}`]: ALONE,
    ...Object.fromEntries(ROUTE.map((v) => [`GET /api/visits/${v.id}`, v])),
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
    await pages.web.app
      .get(AccountsService)
      .create({ username: 'samr-officer', password: TEST_PASSWORD, role: 'department', department: 'SAMR', officerId: OFFICER });
  }, 60_000);
  afterAll(() => pages?.close());

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
  const posts = () => pages.fake.seen.filter((r) => r.method === 'POST' && r.url === `/api/visits/${JOINT.id}/results`);
  /** Console errors and failed requests the page logs: none is expected. */
  const watch = (page: Page) => {
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('pageerror', (error) => errors.push(error.message));
    return errors;
  };

  it.each([
    ['zh', '还有 12 项未选择结果', '还有 11 项未选择结果', '请核对后保存：共 12 项', '结果已录入', '已完成'],
    ['en', '12 items still have no result', '11 items still have no result', 'Check before saving: 12 items', 'Results recorded', 'Done'],
  ])('records no result the officer did not choose, and saves only after a summary is confirmed (%s)', async (lang, twelve, eleven, head, recorded, done) => {
    answers[`GET /api/visits/${JOINT.id}`] = JOINT;
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    const errors = watch(page);
    await page.goto(`${pages.web.baseUrl}/#/visits/${JOINT.id}`);
    await page.waitForSelector('main form button[type=submit]');
    // Nothing is chosen for the officer.
    expect(await page.$$eval('main form select[name^="result-"]', (all) => all.map((s) => (s as HTMLSelectElement).value))).toEqual(ALL_ITEMS.map(() => ''));
    const before = posts().length;

    // One click saves nothing: every item still to choose is named, and the first is focused.
    await page.click('main form button[type=submit]');
    expect(await text(page, '#results-unchosen')).toContain(twelve);
    expect(await text(page, '#results-unchosen')).toContain('HRSS-03');
    expect(await page.evaluate(() => (document.activeElement as HTMLSelectElement).name)).toBe('result-FIRE-01');
    expect(await page.$$eval('select[aria-invalid=true]', (all) => all.length)).toBe(12);
    expect(await axeViolations(page)).toEqual([]);

    await page.selectOption('select[name="result-FIRE-02"]', 'case_opened');
    await page.fill('input[name="violation-FIRE-02"]', '消防通道堵塞');
    await page.click('main form button[type=submit]');
    expect(await text(page, '#results-unchosen')).toContain(eleven);
    expect(await text(page, '#results-unchosen')).not.toContain('FIRE-02');

    // The shortcut is an act of its own, and sets only the items still unchosen.
    await page.click('#results-fill-none');
    expect(await page.inputValue('select[name="result-FIRE-02"]')).toBe('case_opened');
    expect(await page.inputValue('select[name="result-SAMR-04"]')).toBe('no_problem');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#results-confirm');
    expect(await text(page, '#results-confirm')).toContain(head);
    const row = (dept: string) => page.$$eval(`#results-summary tr[data-summary-department="${dept}"] td`, (cells) => cells.map((c) => c.textContent));
    expect(await row('FIRE')).toEqual(['3', '0', '1']);
    expect(await row('HRSS')).toEqual(['4', '0', '0']);
    expect(await row('SAMR')).toEqual(['4', '0', '0']);
    expect(await row('all')).toEqual(['11', '0', '1']);
    expect(await axeViolations(page)).toEqual([]);
    expect(posts().length).toBe(before);

    // Changing the form takes the summary away: what is confirmed is what is on the form.
    await page.selectOption('select[name="result-HRSS-01"]', 'no_problem');
    expect(await page.$('#results-confirm')).toBeNull();
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#results-confirm');
    await page.screenshot({ path: join(SCREENSHOTS, `visit-results-confirm-${lang}.png`), fullPage: true });

    // Once dispatch has them, the visit is read again and shown done, its results listed and no form left.
    answers[`GET /api/visits/${JOINT.id}`] = JOINT_DONE;
    await page.click('#results-confirm-save');
    await page.waitForSelector('main .notice.ok');
    expect(await text(page, 'main .notice.ok')).toContain(recorded);
    await page.waitForFunction(() => !document.querySelector('main select[name^="result-"]'));
    expect(await text(page, 'main .card .badge')).toBe(done);
    expect(await text(page, 'main')).toContain('消防通道堵塞');
    const sent = JSON.parse(posts().pop()!.body) as { items: { item: string; result: string }[] };
    expect(sent.items).toHaveLength(12);
    expect(sent.items.find((i) => i.item === 'FIRE-02')).toMatchObject({ result: 'case_opened', violation: '消防通道堵塞' });
    expect(sent.items.filter((i) => i.result === 'no_problem')).toHaveLength(11);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['zh', '由检查涉及的部门（CITY'],
    ['en', 'handled by the departments on it (CITY'],
  ])('does not ask for another department’s deadline extensions, and says who handles them (%s)', async (lang, said) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    const errors = watch(page);
    const before = pages.fake.seen.length;
    await page.goto(`${pages.web.baseUrl}/#/visits/${CITY.id}`);
    await page.waitForSelector('#extend-elsewhere');
    expect(await text(page, '#extend-elsewhere')).toContain(said);
    expect(await text(page, 'main')).not.toMatch(/记录不存在|No such record/);
    expect(pages.fake.seen.slice(before).filter((r) => r.url.includes('/rectification-'))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('names the stops that share a place alike on my route and on each visit of it', async () => {
    const page = await pages.signIn('samr-officer');
    await page.goto(`${pages.web.baseUrl}/#/today`);
    await page.waitForSelector('.route-day .route-sketch-cell[data-drawn]');
    const onRoute = await text(page, '.route-day .shared-stops');
    expect(onRoute).toContain('第 1、2、3 站');
    expect(await text(page, '.route-day [data-route-length]')).toBe('共 3 站');
    for (const id of ROUTE_IDS) {
      await page.goto(`${pages.web.baseUrl}/#/visits/${id}`);
      await page.waitForSelector('.kv .route-sketch-cell[data-drawn]');
      expect(await text(page, '.kv .shared-stops')).toBe(onRoute);
      expect(await text(page, '.kv')).toContain('共 3 站');
    }
    await page.close();
  });

  it.each([
    ['zh', '当天路线只有这一站', '这一站没有坐标', '另有'],
    ['en', "The only stop on the day's route", 'This stop has no coordinates', 'more without coordinates'],
  ])('does not speak of another stop on a route of one stop that has no coordinates (%s)', async (lang, alone, unlocated, another) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/visits/${ALONE.id}`);
    await page.waitForSelector('.kv .route-sketch-cell[data-drawn]');
    const said = await text(page, '.kv');
    expect(said).toContain(alone);
    expect(said).toContain(unlocated);
    expect(said).not.toContain(another);
    await page.close();
  });
});
