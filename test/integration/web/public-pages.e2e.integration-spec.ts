import { createServer } from 'node:net';
import { join } from 'node:path';
import { isVisitList, startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OTHER_CODE, OWN_CODE } from './web-app.harness';

/**
 * What an enterprise and a bureau officer trip on, in a real browser in front of a fake suite: what a
 * colour means for the enterprise, words it understands, times in China time wherever the browser is,
 * a service that is down named in words, the calendar's district filter, and the appeals on a phone.
 */
const SCORE = {
  creditCode: OWN_CODE,
  asOf: '2026-11-01',
  modelVersion: 'm-2026.11.1',
  colourPolicyVersion: 'cp-default-1',
  probability: 0.31,
  logit: -0.8,
  base: -2.1,
  colour: 'yellow',
  contributions: [
    { factor: 'complaints_12m', value: 1.5, contribution: 0.61 },
    { factor: 'years_in_operation', value: 12, contribution: -0.41 },
  ],
  factors: [],
  reasons: [{ factor: 'complaints_12m', zh: '近一年投诉举报较多', en: 'Many complaints in the last year' }],
  suggestions: [],
};

/** Filed at 20:04 UTC: 04:04 the next morning in China, where the bureau counts its days. */
const APPEAL = {
  id: 'AP-20261102-0001',
  creditCode: OWN_CODE,
  scoreId: 's-1',
  modelVersion: 'm-2026.11.1',
  colour: 'yellow',
  probability: 0.31,
  status: 'filed',
  outcome: null,
  overrideColour: null,
  reviewer: null,
  decisionReasons: null,
  overdue: false,
  filedAt: '2026-11-02T20:04:05.000Z',
  dueAt: '2026-11-17T20:04:05.000Z',
  decidedAt: null,
  closedAt: null,
  grounds: '记录有误，请复核。',
  challenges: [],
  evidence: [],
  steps: [{ step: 'filed', at: '2026-11-02T20:04:05.000Z', actor: 'ent', note: null, detail: { colour: 'yellow' }, auditSeq: 11 }],
};

const VISIT = {
  id: '0b6c8a55-5f0e-4d7e-9a7a-1f1f1f1f1f1f',
  date: '2026-12-07',
  creditCode: OWN_CODE,
  regionCode: '440605',
  departments: ['SAMR'],
  officerIds: ['44060400001'],
  status: 'scheduled',
  reasons: ['complaint'],
  drawId: 'd-1',
  routeKey: 'r-1',
};

/** A port nothing listens on: the web app's gateway then answers 503 for the app sent there. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describeWithBrowser('the enterprise and bureau pages, as their users read them, in a real browser', () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({
      [`GET /api/scores/${OWN_CODE}`]: SCORE,
      [`GET /api/reviews/enterprises/${OWN_CODE}`]: {
        score: { creditCode: OWN_CODE, scoreId: 's-1', colour: 'yellow', probability: SCORE.probability },
        effectiveColour: 'yellow',
        state: 'in-effect',
        decision: null,
        scoreSeq: null,
        decisions: [],
        appeals: [APPEAL],
      },
      [`GET /api/enterprises/${OWN_CODE}`]: { subject: { creditCode: OWN_CODE, name: '佛山市示例家具有限公司' }, cases: [], clues: [] },
      [`GET /api/appeals/${APPEAL.id}`]: APPEAL,
      'GET /api/visits': [VISIT],
      'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605', industryCode: 'C2110' }],
      'GET /api/scores': {
        items: [
          { creditCode: OTHER_CODE, scoreId: 's-2', colour: 'red', probability: 0.62, regionCode: '440605', industryCode: 'C2110' },
          { creditCode: OWN_CODE, scoreId: 's-1', colour: 'yellow', probability: 0.31, regionCode: '440605', industryCode: 'C2110' },
        ],
      },
      // Oversight has not confirmed the red yet: it counts as yellow (and says nothing of scores it has not seen).
      'GET /api/reviews/colours': [{ creditCode: OTHER_CODE, scoreId: 's-2', modelColour: 'red', effectiveColour: 'yellow', state: 'awaiting-confirmation' }],
      'GET /api/draws': [],
      'GET /api/plans': [],
      'GET /api/conflicts': [],
      'GET /api/scoring/summary': { byColour: { red: 0, yellow: 1, green: 0 } },
    });
  }, 60_000);
  afterAll(() => pages?.close());

  it.each([
    ['zh', '按常规比例', '加权', '属实的全计', '对某条记录提出异议'],
    ['en', 'usual rate', 'weighted', 'upheld complaints count in full', 'Challenge a record'],
  ])('says what the colour means for the enterprise, and what its counted complaints are (%s)', async (lang, means, jargon, counted, challenge) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.waitForSelector('[data-testid="risk-hero"]');
    expect(await page.textContent('[data-testid="colour-means"]')).toContain(means);
    const reasons = (await page.textContent('main'))!;
    expect(reasons).not.toContain(jargon);
    expect(reasons).toContain(counted);
    await page.screenshot({ path: join(SCREENSHOTS, `00-public-colour-means-${lang}.png`), fullPage: true });
    // The file says a wrong record can be challenged, and leads there.
    await page.goto(`${pages.web.baseUrl}/#/my/records`);
    await page.waitForSelector('#challenge-records');
    expect(await page.textContent('#challenge-records')).toBe(challenge);
    expect(await page.getAttribute('#challenge-records', 'href')).toBe('#/my/appeals');
    await page.close();
  });

  it('shows an appeal in China time on a browser set to another zone, and says what its percentage is', async () => {
    const page = await pages.signIn('ent', { timezoneId: 'America/Los_Angeles' });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals/${APPEAL.id}`);
    await page.waitForSelector('#appeal-due');
    const summary = (await page.textContent('[data-appeal] .kv'))!;
    // Filed at 04:04 on 3 November in China (12:04 on 2 November in Los Angeles); due 18 November.
    expect(summary).toContain('2026年11月3日 04:04');
    expect(await page.textContent('#appeal-due')).toContain('2026年11月18日');
    expect(await page.textContent('[data-step="filed"]')).toContain('04:04');
    expect(summary).toContain('发现问题概率约 31%');
    await page.goto(`${pages.web.baseUrl}/#/my/appeals`);
    await page.waitForSelector('#my-appeals table');
    expect(await page.textContent('#my-appeals table')).toContain('2026年11月3日');
    await page.close();
  });

  it('lists the appeals on a phone as labelled lines, the status in view without scrolling sideways', async () => {
    const page = await pages.signIn('ent', { lang: 'en', width: 390 });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals`);
    await page.waitForSelector('#my-appeals [data-status="filed"]');
    const status = (await page.$('#my-appeals [data-status="filed"]'))!;
    const box = (await status.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.$eval('#my-appeals .table-wrap', (wrap) => wrap.scrollWidth <= wrap.clientWidth)).toBe(true);
    expect(await page.$$eval('#my-appeals td[data-label]', (cells) => cells.map((c) => c.getAttribute('data-label')))).toContain('Status');
    await page.screenshot({ path: join(SCREENSHOTS, '00-public-appeals-phone-en.png'), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '评分服务'],
    ['en', 'The scoring service'],
  ])('names a service that is not answering by what it does, not by its process name (%s)', async (lang, words) => {
    const before = process.env.PORT_SCORING;
    process.env.PORT_SCORING = String(await closedPort());
    try {
      const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
      await page.waitForSelector('[data-state="unavailable"]');
      const said = (await page.textContent('[data-state="unavailable"]'))!;
      expect(said).toContain(words);
      // The process name is no word in Chinese, nor "The scoring service service" in English.
      if (lang === 'zh') expect(said).not.toContain('scoring');
      else expect(said).not.toContain('service service');
      await page.close();
    } finally {
      if (before === undefined) delete process.env.PORT_SCORING;
      else process.env.PORT_SCORING = before;
    }
  });

  it("lists the calendar's visits on a phone as labelled lines, status and reasons in view", async () => {
    const page = await pages.signIn('dispatcher', { width: 390 });
    await page.goto(`${pages.web.baseUrl}/#/calendar`);
    await page.waitForSelector('table.stack-rows td[data-label]');
    expect(await page.$eval('main .table-wrap', (wrap) => wrap.scrollWidth <= wrap.clientWidth)).toBe(true);
    const cells = await page.$$eval('table.stack-rows tbody td', (tds) =>
      tds.map((td) => ({ label: td.getAttribute('data-label'), right: td.getBoundingClientRect().right })),
    );
    expect(cells.map((c) => c.label)).toEqual(expect.arrayContaining(['状态', '抽中原因']));
    for (const cell of cells) expect(cell.right).toBeLessThanOrEqual(390);
    await page.close();
  });

  it('takes a district by name on the calendar, and says in words when it is neither a district nor a six-digit code', async () => {
    const page = await pages.signIn('officer');
    await page.goto(`${pages.web.baseUrl}/#/calendar`);
    await page.waitForSelector('main tbody tr');
    const asked = () => pages.fake.seen.filter((r) => isVisitList(r.url)).map((r) => new URL(r.url, 'http://x').searchParams.get('region'));
    const sent = asked().length;
    await page.fill('input[name=region]', '南海区');
    await Promise.all([page.waitForResponse((r) => isVisitList(r.url())), page.click('main form button[type=submit]')]);
    await page.waitForFunction(() => !document.querySelector('[data-state="loading"]'));
    expect(asked().slice(sent)).toEqual(['440605']);
    expect(await page.$('[data-state="error"]')).toBeNull();

    await page.fill('input[name=region]', '4406');
    await page.click('main form button[type=submit]');
    await page.waitForSelector('#calendar-invalid');
    expect(await page.textContent('#calendar-invalid')).toContain('6 位行政区划代码');
    expect(await page.getAttribute('input[name=region]', 'aria-invalid')).toBe('true');
    expect(asked().slice(sent)).toEqual(['440605']);
    expect(await page.textContent('main')).not.toContain('regular expression');

    // The list of enterprises says what its percentages are.
    await page.goto(`${pages.web.baseUrl}/#/enterprises`);
    await page.waitForSelector('#enterprise-table');
    expect(await page.$$eval('#enterprise-table th', (cells) => cells.map((c) => c.textContent))).toContain('发现问题概率');
    // A red oversight has not confirmed says, in the list too, that it counts as yellow until then.
    await page.waitForSelector('#enterprise-table [data-review-state]');
    const marks = await page.$$eval('#enterprise-table tbody tr', (rows) => rows.map((r) => r.querySelector('[data-review-state]')?.textContent ?? null));
    expect(marks).toEqual(['待监督确认，暂按黄色对待', null]);
    // Beside the map on a 1280 px screen, in either language, every column is in view: nothing scrolls away.
    await page.setViewportSize({ width: 1280, height: 900 });
    const clipped = () => page.$eval('#enterprise-table', (table) => table.parentElement!.scrollWidth - table.parentElement!.clientWidth);
    expect(await clipped()).toBeLessThanOrEqual(0);
    await page.evaluate(() => localStorage.setItem('tp.lang', 'en'));
    await page.reload();
    await page.waitForSelector('#enterprise-table [data-review-state]');
    await page.screenshot({ path: join(SCREENSHOTS, '00-public-enterprises-en.png'), fullPage: true });
    expect(await clipped()).toBeLessThanOrEqual(0);
    // The English page takes a district's English name in any case, or its Chinese name.
    const regionAsked = () => pages.fake.seen.filter((r) => r.url.startsWith('/api/scores?')).map((r) => new URL(r.url, 'http://x').searchParams.get('region'));
    for (const typed of ['nanhai', '南海区']) {
      const before = regionAsked().length;
      await page.fill('#enterprise-filters input[name=region]', typed);
      await Promise.all([page.waitForResponse((r) => r.url().includes('/api/scores?')), page.click('#enterprise-filters button[type=submit]')]);
      expect(regionAsked().slice(before)).toContain('440605');
    }
    await page.evaluate(() => localStorage.setItem('tp.lang', 'zh'));
    await page.close();
  });

  it('says in its own words that a window of weekends or holidays has no working day to plan', async () => {
    const page = await pages.signIn('dispatcher');
    await page.goto(`${pages.web.baseUrl}/#/plans`);
    await page.waitForSelector('#draw-form');
    // The next weekend: the page knows weekends itself.
    const saturday = new Date(Date.now() + 8 * 86400_000);
    saturday.setUTCDate(saturday.getUTCDate() + ((6 - saturday.getUTCDay() + 7) % 7));
    const day = (d: Date) => d.toISOString().slice(0, 10);
    await page.fill('#draw-form input[name=from]', day(saturday));
    await page.fill('#draw-form input[name=to]', day(new Date(saturday.getTime() + 86400_000)));
    await page.click('#draw-submit');
    await page.waitForSelector('#draw-invalid');
    expect(await page.textContent('#draw-invalid')).toContain('只有周末和节假日');
    // A window of working days the server's calendar holds as holidays: its refusal is said in the same words.
    await page.route('**/api/draws', (route) =>
      route.request().method() === 'POST'
        ? route.fulfill({ status: 400, json: { statusCode: 400, reason: 'no-working-day', message: 'the window holds no working day' } })
        : route.continue(),
    );
    const monday = new Date(saturday.getTime() + 2 * 86400_000);
    await page.fill('#draw-form input[name=from]', day(monday));
    await page.fill('#draw-form input[name=to]', day(monday));
    await page.click('#draw-submit');
    await page.click('[data-confirm-yes]');
    await page.waitForSelector('#draw-invalid');
    expect(await page.textContent('#draw-invalid')).toContain('只有周末和节假日');
    expect(await page.textContent('main')).not.toContain('holds no working day');
    await page.close();
  });
});
