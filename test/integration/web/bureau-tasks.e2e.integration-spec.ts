import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { isVisitList, startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE, QueryAnswer, TEST_PASSWORD } from './web-app.harness';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';

/**
 * What the bureau's officers met on the demo city, walking their own tasks in a real browser in front
 * of a fake suite: an enterprise file that said no visit was planned while one was, and an officer
 * sent on another department's visit (certified in its domain) who could not record its results, and
 * the list by risk scrolled sideways on a phone with the chance of a finding out of sight, and a
 * department officer's calendar holding every department's visits with no way to see its own, and the
 * file's complaints squeezed into half a page with their status cut off; and a calendar whose count
 * stopped at the server's limit as if it were the period's total.
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
  visitNo: 'TP-2026-000100',
};

/** A past emergency-management visit whose team has a SAMR officer also certified for EMG. */
const CROSS_DOMAIN = {
  ...UNANNOUNCED,
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000102',
  date: '2026-01-05',
  officerIds: ['44060400002', '44060700027'],
  departments: ['EMG'],
  checklist: [{ department: 'EMG', items: ['EMG-01'] }],
  route: null,
};

/** Complaints as intake gives them to the bureau: with the platform's id and channel. */
const CLUES = [
  ['GRID-20250127-0001', 'MS09-WKB4', 'grid', '2025-01-27', 'product_quality', 'SAMR', 'closed'],
  ['ONLINE-20221104-0001', 'GJZZ-DNYG', 'online', '2022-11-04', 'fire_safety', 'FIRE', 'handled'],
].map(([clueId, ref, channel, receivedOn, category, department, status]) => ({
  clueId,
  ref,
  channel,
  receivedOn,
  receivedAt: `${receivedOn}T02:00:00.000Z`,
  category,
  department,
  verified: true,
  status,
}));

/** The card of the file's complaints (each row names its complaint by reference). */
const COMPLAINTS = 'main .card:has([data-clue-ref])';

describeWithBrowser("the bureau's own tasks, in a real browser", () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    [`GET /api/enterprises/${OWN_CODE}`]: { subject: { creditCode: OWN_CODE, name: NAME, regionCode: '440605' }, cases: [], clues: CLUES },
    // What the enterprise itself may know of: nothing yet, the visit is unannounced.
    [`GET /api/enterprises/${OWN_CODE}/visits`]: [],
    'GET /api/visits': [UNANNOUNCED],
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: NAME, regionCode: '440605', industryCode: 'C2110', lng: 113.1, lat: 23.05 }],
    'GET /api/checklist-items': [],
    'GET /api/scores': {
      items: [{ creditCode: OWN_CODE, scoreId: 's-1', colour: 'red', probability: 0.627, regionCode: '440605', industryCode: 'C2110' }],
    },
    'GET /api/reviews/colours': [{ creditCode: OWN_CODE, scoreId: 's-1', modelColour: 'red', effectiveColour: 'yellow', state: 'awaiting-confirmation' }],
    'GET /api/scoring/summary': { byColour: { red: 1, yellow: 0, green: 0 } },
    [`GET /api/visits/${CROSS_DOMAIN.id}`]: CROSS_DOMAIN,
    // Dispatch finds a visit by the number people quote as well as by its id.
    'GET /api/visits/TP-2026-000101': { ...CROSS_DOMAIN, visitNo: 'TP-2026-000101' },
    [`POST /api/visits/${CROSS_DOMAIN.id}/results`]: { visitId: CROSS_DOMAIN.id, status: 'done', violationsFound: 0 },
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
    // A SAMR officer's account bound to the certificate number on the EMG visit's team.
    await pages.web.app
      .get(AccountsService)
      .create({ username: 'samr-44060400002', password: TEST_PASSWORD, role: 'department', department: 'SAMR', officerId: '44060400002' });
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
    // The number an officer or the enterprise quotes for it.
    expect(await page.textContent(`main [data-visit-no="${UNANNOUNCED.visitNo}"]`)).toBe(UNANNOUNCED.visitNo);
    // Asked of the officers' calendar for this one enterprise, not of what the enterprise is told.
    const asked = pages.fake.seen.filter((r) => r.url.startsWith('/api/visits?')).map((r) => new URL(r.url, 'http://x').searchParams.get('creditCode'));
    expect(asked).toContain(OWN_CODE);
    await page.screenshot({ path: join(SCREENSHOTS, `00-bureau-file-visits-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '结果已录入'],
    ['en', 'Results recorded'],
  ])('lets an officer record the results of a visit its team names it on, of another department (%s)', async (lang, recorded) => {
    const page = await pages.signIn('samr-44060400002', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/visits/${CROSS_DOMAIN.id}`);
    await page.waitForSelector('main form button[type=submit]');
    expect(await page.$('#results-blocked')).toBeNull();
    const before = pages.fake.seen.length;
    await page.selectOption('select[name="result-EMG-01"]', 'no_problem');
    await page.click('main form button[type=submit]');
    await page.click('#results-confirm-save');
    await page.waitForSelector('main .notice.ok');
    expect(await seen(page, 'main .notice.ok')).toContain(recorded);
    // The gateway let it through to dispatch: the officer is on the team.
    expect(pages.fake.seen.slice(before).some((r) => r.method === 'POST' && r.url === `/api/visits/${CROSS_DOMAIN.id}/results`)).toBe(true);
    await page.close();

    // A SAMR officer who is not on the team still may not.
    const other = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    await other.goto(`${pages.web.baseUrl}/#/visits/${CROSS_DOMAIN.id}`);
    await other.waitForSelector('#results-blocked');
    await other.close();
  });

  it.each([
    ['zh', '发现问题概率'],
    ['en', 'Chance of a finding'],
  ])('keeps each enterprise of the list by risk in view on a phone, with its chance of a finding (%s)', async (lang, chance) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en', width: 390 });
    await page.goto(`${pages.web.baseUrl}/#/enterprises`);
    await page.waitForSelector('#enterprise-table tbody tr');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Every cell of the row, the figure last, lies inside the screen rather than in a box scrolled sideways.
    const cells = await page.$$eval('#enterprise-table tbody tr:first-child td', (tds) => tds.map((td) => td.getBoundingClientRect().right));
    for (const right of cells) expect(right).toBeLessThanOrEqual(390);
    // Each line says what it is (the label is drawn before it), the figure under its own name.
    const figure = await page.$eval('#enterprise-table tbody tr:first-child td:last-child', (td) => ({
      label: td.dataset.label,
      shown: getComputedStyle(td, '::before').content,
      text: (td as HTMLElement).innerText,
    }));
    expect(figure).toMatchObject({ label: chance, text: '62.7%' });
    expect(figure.shown).toContain(chance);
    await page.screenshot({ path: join(SCREENSHOTS, `00-bureau-list-phone-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['officer', '账号尚未绑定执法证号', '账户管理'],
    ['dispatcher', '调度员没有自己的检查行程', '检查日历'],
  ])('tells %s without a certificate number why it has no route, and where routes are', async (user, title, help) => {
    const page = await pages.signIn(user);
    await page.goto(`${pages.web.baseUrl}/#/today`);
    await page.waitForSelector('main a[href="#/calendar"]');
    const text = await seen(page);
    expect(text).toContain(title);
    expect(text).toContain(help);
    await page.close();
  });

  it('lets oversight read the list by risk without leading it to files it may not open', async () => {
    const page = await pages.signIn('overseer');
    await page.goto(`${pages.web.baseUrl}/#/enterprises`);
    await page.waitForSelector('#enterprise-table tbody tr');
    expect(await page.textContent('#enterprise-table tbody tr')).toContain(NAME);
    expect(await page.$(`#enterprise-table a[href="#/enterprises/${OWN_CODE}"]`)).toBeNull();
    await page.click('#enterprise-table tbody tr');
    expect(page.url()).toMatch(/#\/enterprises$/);
    // The bureau's officers still open the file from the same row.
    const officer = await pages.signIn('officer');
    await officer.goto(`${pages.web.baseUrl}/#/enterprises`);
    await officer.waitForSelector(`#enterprise-table a[href="#/enterprises/${OWN_CODE}"]`);
    await Promise.all([page.close(), officer.close()]);
  });

  it("starts a department officer's calendar at its own department's visits, and lets it widen to all", async () => {
    const queries = (which: (url: string) => boolean) => pages.fake.seen.filter((r) => which(r.url)).map((r) => new URL(r.url, 'http://x').searchParams);
    const asked = () => queries(isVisitList);
    // The count of past visits still without results, asked once as the calendar opens.
    const overdueCounts = () => queries((url) => url.startsWith('/api/visits?') && !isVisitList(url));
    const page = await pages.signIn('officer');
    const overdueBefore = overdueCounts().length;
    const sent = asked().length;
    await page.goto(`${pages.web.baseUrl}/#/calendar`);
    await page.waitForSelector('main tbody tr');
    expect(await page.$eval('main select[name=department]', (s) => (s as HTMLSelectElement).value)).toBe('SAMR');
    expect(
      asked()
        .slice(sent)
        .map((q) => q.get('department')),
    ).toEqual(['SAMR']);
    // The officer's overdue visits are its own department's too; the fake answers one past visit, and the page counts it.
    await page.waitForSelector('#calendar-overdue');
    expect(
      overdueCounts()
        .slice(overdueBefore)
        .map((q) => q.get('department')),
    ).toEqual(['SAMR']);
    expect(await page.getAttribute('#calendar-overdue', 'data-overdue')).toBe('1');
    await page.selectOption('main select[name=department]', '');
    await Promise.all([page.waitForResponse((r) => isVisitList(r.url())), page.click('main form button[type=submit]')]);
    expect(asked().at(-1)!.has('department')).toBe(false);
    await page.close();

    // A dispatcher plans for every department: its calendar starts at all of them.
    const dispatcher = await pages.signIn('dispatcher');
    const before = asked().length;
    await dispatcher.goto(`${pages.web.baseUrl}/#/calendar`);
    await dispatcher.waitForSelector('main tbody tr');
    expect(
      asked()
        .slice(before)
        .map((q) => q.get('department')),
    ).toEqual([null]);
    await dispatcher.close();
  });

  it.each([
    ['zh', '状态', '已办结'],
    ['en', 'Status', 'Closed'],
  ])("shows every column of the complaints on the bureau's view of a file, none cut off (%s)", async (lang, statusHead, closed) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en', width: 1280 });
    await page.goto(`${pages.web.baseUrl}/#/enterprises/${OWN_CODE}`);
    await page.waitForSelector(`${COMPLAINTS} tbody tr`);
    // Nothing scrolled out of its box: the status column is on the page, not past its right edge.
    const wrap = await page.$eval(`${COMPLAINTS} .table-wrap`, (el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(wrap.scroll).toBeLessThanOrEqual(wrap.client);
    expect(await page.$$eval(`${COMPLAINTS} th`, (ths) => ths.map((th) => th.textContent))).toContain(statusHead);
    expect(await seen(page, `${COMPLAINTS} tbody tr:first-child`)).toContain(closed);
    // Each department's name reads on one line, not one character a line.
    const lines = await page.$$eval(`${COMPLAINTS} tbody td:nth-child(5) span`, (spans) => spans.map((span) => span.getClientRects().length));
    expect(lines).toEqual([1, 1]);
    await page.screenshot({ path: join(SCREENSHOTS, `00-bureau-file-complaints-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each(['zh', 'en'])("keeps the registration facts of the bureau's file inside a phone's screen, long English labels too (%s)", async (lang) => {
    const file = `GET /api/enterprises/${OWN_CODE}`;
    const plain = answers[file];
    // A whole registration, as intake gives it: long unbreakable values beside long English labels.
    answers[file] = {
      ...(plain as object),
      subject: {
        creditCode: OWN_CODE,
        name: NAME,
        regionCode: '440605',
        industryCode: 'H6231',
        address: '佛山市南海区丹灶镇新城路120号之一',
        establishedOn: '2015-03-10',
        status: '存续',
        legalRepIdMasked: '4406**********0350',
      },
    };
    try {
      const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en', width: 375 });
      await page.goto(`${pages.web.baseUrl}/#/enterprises/${OWN_CODE}`);
      await page.waitForSelector('main dl.kv dd.mono');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      const rights = await page.$$eval('main dl.kv dt, main dl.kv dd', (els) => els.map((el) => Math.round(el.getBoundingClientRect().right)));
      expect(rights.length).toBeGreaterThan(10);
      expect(Math.max(...rights)).toBeLessThanOrEqual(375);
      await page.close();
    } finally {
      answers[file] = plain;
    }
  });

  it('saves the whole list by risk as a spreadsheet file, page after page, with names, places and the colour in force', async () => {
    const [second, third] = ['91440605MA4X00002B', '91440605MA4X00003C'];
    const score = (creditCode: string, colour: string, probability: number) => ({
      creditCode,
      scoreId: `s-${creditCode}`,
      asOf: '2026-12-06',
      colour,
      probability,
      regionCode: '440605',
      industryCode: 'H6231',
    });
    const saved = { scores: answers['GET /api/scores'], enterprises: answers['GET /api/enterprises'], reviews: answers['GET /api/reviews/colours'] };
    // Two pages in risk order: the file holds both, not only what the screen shows.
    answers['GET /api/scores'] = new QueryAnswer((query) =>
      query.get('after') === 'p2'
        ? { items: [score(third, 'green', 0.051)] }
        : { items: [score(OWN_CODE, 'red', 0.627), score(second, 'yellow', 0.31)], next: query.get('limit') === '1000' ? 'p2' : undefined },
    );
    answers['GET /api/enterprises'] = [
      { creditCode: OWN_CODE, name: NAME, address: '佛山市南海区桂城街道1号', regionCode: '440605' },
      { creditCode: second, name: '+86 商行', address: '南海区大沥镇2号, 首层', regionCode: '440605' },
    ];
    answers['GET /api/reviews/colours'] = [
      { creditCode: OWN_CODE, scoreId: `s-${OWN_CODE}`, modelColour: 'red', effectiveColour: 'yellow', state: 'awaiting-confirmation' },
    ];
    try {
      const page = await pages.signIn('dispatcher', { lang: 'zh' });
      await page.goto(`${pages.web.baseUrl}/#/enterprises`);
      await page.waitForSelector('#export-list');
      const scoresBefore = pages.fake.seen.filter((r) => r.url.startsWith('/api/scores?')).length;
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-list')]);
      const file = join(SCREENSHOTS, download.suggestedFilename());
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe('tianping-enterprises-by-risk.csv');
      const lines = readFileSync(file, 'utf8').slice(1).trimEnd().split('\r\n');
      expect(lines).toEqual([
        '统一社会信用代码,名称,地址,区县,行业,模型颜色,生效颜色,监督复核,发现问题概率,评分日期',
        // A red counts as yellow until oversight confirms it, as the page says.
        `${OWN_CODE},${NAME},佛山市南海区桂城街道1号,440605 南海区,H6231 住宿和餐饮业,红,黄,待监督确认,62.7%,2026-12-06`,
        // A name that a spreadsheet would read as a formula stays text; a comma stays in its field.
        `${second},'+86 商行,"南海区大沥镇2号, 首层",440605 南海区,H6231 住宿和餐饮业,黄,黄,,31.0%,2026-12-06`,
        // Intake knows no name for this one: the line is kept, its name left blank.
        `${third},,,440605 南海区,H6231 住宿和餐饮业,绿,绿,,5.1%,2026-12-06`,
      ]);
      const asked = pages.fake.seen
        .filter((r) => r.url.startsWith('/api/scores?'))
        .slice(scoresBefore)
        .map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));
      expect(asked).toEqual([
        { order: 'risk', limit: '1000' },
        { order: 'risk', after: 'p2', limit: '1000' },
      ]);
      await page.waitForSelector('#export-status:has-text("已导出 3 家")');
      // A name search's page is not the list by risk: no export is offered for it.
      await page.fill('#enterprise-filters input[name=q]', NAME);
      await page.click('#enterprise-filters button[type=submit]');
      await page.waitForSelector('#search-note');
      expect(await page.$('#export-list')).toBeNull();
      await page.close();
    } finally {
      answers['GET /api/scores'] = saved.scores;
      answers['GET /api/enterprises'] = saved.enterprises;
      answers['GET /api/reviews/colours'] = saved.reviews;
    }
  });

  it.each([
    ['zh', '联合检查 · 2,000+', '至少有 2,000 次'],
    ['en', 'Joint visits · 2,000+', 'at least 2,000'],
  ])("says a calendar page full to the server's limit is not the period's count (%s)", async (lang, title, more) => {
    answers['GET /api/visits'] = Array.from({ length: 2000 }, (_, i) => ({ ...UNANNOUNCED, id: `0b6c8a55-5f0e-4d7e-9a7a-${String(i).padStart(12, '0')}` }));
    try {
      const page = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
      await page.goto(`${pages.web.baseUrl}/#/calendar`);
      await page.waitForSelector('main tbody tr');
      expect(await page.textContent('main section.card:has(table) .card-head h2')).toBe(title);
      expect(await seen(page, '#calendar-capped')).toContain(more);
      await page.close();
    } finally {
      answers['GET /api/visits'] = [UNANNOUNCED];
    }
  });

  it.each([
    ['zh', '检查编号形如'],
    ['en', 'A visit number looks like'],
  ])('opens a visit from the calendar by the number someone quotes, typed as it comes (%s)', async (lang, shape) => {
    const page = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/calendar`);
    await page.fill('#open-visit-no input', 'TP-26-101');
    await page.click('#open-visit-no button');
    expect(await seen(page, '#open-visit-no [role=alert]')).toContain(shape);
    expect(await page.getAttribute('#open-visit-no input', 'aria-invalid')).toBe('true');
    // A Chinese input method types it full-width and lower case: read as the number all the same.
    await page.fill('#open-visit-no input', ' ｔｐ－２０２６－０００１０１ ');
    await page.click('#open-visit-no button');
    await page.waitForSelector('#visit-no');
    expect(page.url()).toMatch(/#\/visits\/TP-2026-000101$/);
    expect(await page.textContent('#visit-no')).toBe('TP-2026-000101');
    await page.close();
  });
});
