import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE, TEST_PASSWORD } from './web-app.harness';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';

/**
 * What a reviewer met on the dispatch pages: a plan of hundreds of tasks and routes with no way to
 * ask for Tuesday's, SAMR's, one officer's or one district's, and an officer at a stop who had to go
 * back to "my route" to find the next one.
 */

const DRAW_ID = '6f1c2a10-3b4d-4e5f-8a9b-000000000001';
const OTHER = '91440605MA4X00002B';
const THIRD = '91440605MA4X00003C';
const OFFICER = '44060400002';

const stopOf = (n: number, creditCode: string) => ({
  id: `0b6c8a55-5f0e-4d7e-9a7a-00000000020${n}`,
  drawId: DRAW_ID,
  date: '2026-12-08',
  regionCode: '440605',
  creditCode,
  officerIds: [OFFICER, '44060600006'],
  departments: ['SAMR'],
  reasons: ['complaint'],
  exploration: false,
  routeKey: 'r-1',
  routeOrder: n,
  noticeAllowed: false,
  status: 'scheduled',
});
const STOPS = [stopOf(0, OWN_CODE), stopOf(1, OTHER), stopOf(2, THIRD)];
const ROUTE = {
  date: '2026-12-08',
  officerIds: [OFFICER, '44060600006'],
  distanceKm: 7.5,
  visitIds: STOPS.map((s) => s.id),
  creditCodes: STOPS.map((s) => s.creditCode),
};
const detail = (stop: (typeof STOPS)[number]) => ({
  ...stop,
  checklist: [{ department: 'SAMR', items: ['SAMR-01'] }],
  clueIds: [],
  results: null,
  recordedAt: null,
  rating: null,
  route: ROUTE,
});

const task = (creditCode: string, department: string, reason: string, colour: string) => ({
  id: `${department}:${creditCode}`,
  department,
  creditCode,
  reason,
  colour,
  items: [`${department}-01`],
  clueIds: [],
});
const TASKS = [task(OWN_CODE, 'SAMR', 'complaint', 'red'), task(OTHER, 'SAMR', 'risk', 'yellow'), task(THIRD, 'FIRE', 'exploration', 'green')];
const DRAW = {
  id: DRAW_ID,
  seed: 'plan-filters',
  window: { from: '2026-12-07', to: '2026-12-18' },
  cutFrom: null,
  status: 'published',
  suspended: false,
  backfill: false,
  modelVersion: 'm-1',
  explorationShare: 0.1,
  inputsFingerprint: 'a'.repeat(64),
  resultFingerprint: 'b'.repeat(64),
  figures: { visits: 3, checks: 3, visitReduction: 0, staleComplaints: 7, complaintLookbackDays: 365, staleFollowUps: 1, followUpLookbackDays: 30 },
  checker: 'plan-checker',
  violationCount: 0,
  createdAt: '2026-12-06T01:00:00.000Z',
  strata: [],
  // Tasks no team could take: two for want of anyone certified in fire safety, one as every team was booked.
  unassigned: [
    { taskId: 'FIRE:a', creditCode: OTHER, department: 'FIRE', reason: 'no_eligible_team', detail: 'No certified officer' },
    { taskId: 'FIRE:b', creditCode: THIRD, department: 'FIRE', reason: 'no_eligible_team', detail: 'No certified officer' },
    { taskId: 'SAMR:c', creditCode: THIRD, department: 'SAMR', reason: 'capacity_exhausted', detail: 'Every team booked' },
  ],
  violations: [],
  tasks: TASKS,
};
/** The tasks as dispatch answers a narrowed question: placed on their visits. */
const PLACED = [{ ...TASKS[0], visitId: STOPS[0].id, date: '2026-12-08', regionCode: '440605', officerIds: STOPS[0].officerIds }];
const ADDRESS = `#/plans/${DRAW_ID}?date=2026-12-08&department=SAMR&officer=${OFFICER}&region=440605&reason=complaint&colour=red`;

describeWithBrowser('the plan page and the visit page, for dispatchers and officers, in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    [`GET /api/draws/${DRAW_ID}`]: DRAW,
    [`GET /api/draws/${DRAW_ID}/tasks`]: PLACED,
    'GET /api/visits': [STOPS[0]],
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605', lng: 113.1, lat: 23.05 }],
    'GET /api/checklist-items': [],
    ...Object.fromEntries(STOPS.map((s) => [`GET /api/visits/${s.id}`, detail(s)])),
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
    await pages.web.app
      .get(AccountsService)
      .create({ username: 'samr-officer', password: TEST_PASSWORD, role: 'department', department: 'SAMR', officerId: OFFICER });
  }, 60_000);
  afterAll(() => pages?.close());

  const asked = (path: string) =>
    pages.fake.seen.filter((r) => r.url.split('?')[0] === path).map((r) => Object.fromEntries(new URL(r.url, 'http://x').searchParams));
  const seen = (page: Page, selector = 'main') => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it.each([
    [
      'zh',
      '符合筛选的任务 1 项（共 3 项）',
      '南海区',
      [
        '7 条已核实投诉早于 365 天回看期（2025年12月7日之前收到），未排入计划。',
        '1 项责令整改的整改期限早于 30 天回看期（2026年11月7日之前到期），至今未见复查，未排入计划；如需复查，可在调度规则中延长回看天数。',
      ],
      '2026年12月8日',
      ['3 项检查任务未能安排：', '消防救援 2 项（没有可派的检查组', '；', '市场监督管理 1 项（可派的检查组在计划期内已排满）'],
    ],
    [
      'en',
      '1 of 3 tasks match',
      'Nanhai',
      [
        '7 verified complaints came in before the 365-day look-back (before 7 Dec 2025) and were not planned.',
        '1 order to rectify had its deadline before the 30-day look-back (before 7 Nov 2026), was never re-inspected and was not planned; lengthen the look-back in the dispatch policy to plan it.',
      ],
      '8 Dec 2026',
      ['3 tasks could not be scheduled: ', ' 2 (no team to send', '; ', ' 1 (every team that could go was fully booked in the window)'],
    ],
  ])(
    'opens a shared address narrowed by day, department, officer, district, reason and colour, asking dispatch for just that (%s)',
    async (lang, title, district, stale, day, unassigned) => {
      const page = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
      const tasksBefore = asked(`/api/draws/${DRAW_ID}/tasks`).length;
      const visitsBefore = asked('/api/visits').length;
      await page.goto(`${pages.web.baseUrl}/${ADDRESS}`);
      await page.waitForSelector('main .card:has(#plan-filters)');
      await page.waitForFunction(() => document.querySelectorAll('main [data-label] a[href^="#/visits/"]').length > 0);
      // The server is asked the question, not handed the whole plan to sift.
      expect(asked(`/api/draws/${DRAW_ID}/tasks`).slice(tasksBefore)).toEqual([
        { date: '2026-12-08', department: 'SAMR', officer: OFFICER, region: '440605', reason: 'complaint', colour: 'red' },
      ]);
      // The routes too, the colour with them: a visit's tasks all carry its enterprise's colour at draw time.
      expect(asked('/api/visits').slice(visitsBefore)).toEqual([
        {
          draw: DRAW_ID,
          limit: '2000',
          from: '2000-01-01',
          to: '2100-12-31',
          date: '2026-12-08',
          department: 'SAMR',
          officer: OFFICER,
          region: '440605',
          reason: 'complaint',
          colour: 'red',
        },
      ]);
      const main = await seen(page);
      expect(main).toContain(title);
      // A route's day reads as its reader writes dates; ISO is left to the form's date field and the CSV file.
      expect(await seen(page, 'main .card:has([data-download*="-routes"]) tbody td')).toBe(day);
      expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      // The complaints and orders to rectify the draw left out as too old are said, not dropped silently.
      expect([await seen(page, '#stale-complaints'), await seen(page, '#stale-follow-ups')]).toEqual(stale);
      // So are the tasks no team could take, by department and why.
      const untaken = await seen(page, '#unassigned-tasks');
      for (const part of unassigned) expect(untaken).toContain(part);
      // The form shows the filters it came with.
      const values = await page.$$eval('#plan-filters input, #plan-filters select', (els) =>
        els.map((e) => [(e as HTMLInputElement).name, (e as HTMLInputElement).value]),
      );
      expect(Object.fromEntries(values)).toMatchObject({ date: '2026-12-08', department: 'SAMR', officer: OFFICER, reason: 'complaint', colour: 'red' });
      expect(Object.fromEntries(values).region).toContain(district);
      await page.screenshot({ path: join(SCREENSHOTS, `14-plan-filtered-${lang}.png`), fullPage: true });
      await page.close();
    },
  );

  it('keeps the filters a dispatcher chooses in the address, and clears them', async () => {
    const page = await pages.signIn('dispatcher');
    await page.goto(`${pages.web.baseUrl}/#/plans/${DRAW_ID}`);
    await page.waitForSelector('#plan-filters');
    expect(await page.$('#plan-filters-clear')).toBeNull();
    await page.fill('#plan-filters input[name=date]', '2026-12-08');
    await page.selectOption('#plan-filters select[name=department]', 'SAMR');
    await page.fill('#plan-filters input[name=region]', '南海');
    const before = asked(`/api/draws/${DRAW_ID}/tasks`).length;
    await page.click('#plan-filters button[type=submit]');
    await page.waitForFunction(() => location.hash.includes('?'));
    expect(new URL(page.url()).hash).toBe(`#/plans/${DRAW_ID}?date=2026-12-08&department=SAMR&region=440605`);
    await page.waitForSelector('#plan-filters-clear');
    expect(asked(`/api/draws/${DRAW_ID}/tasks`).slice(before)).toEqual([{ date: '2026-12-08', department: 'SAMR', region: '440605' }]);
    // A day outside the plan is said in words, and nothing is asked.
    await page.fill('#plan-filters input[name=date]', '2027-01-04');
    await page.click('#plan-filters button[type=submit]');
    await page.waitForSelector('#plan-filters-invalid');
    expect(new URL(page.url()).hash).toBe(`#/plans/${DRAW_ID}?date=2026-12-08&department=SAMR&region=440605`);
    await page.click('#plan-filters-clear');
    await page.waitForFunction(() => !location.hash.includes('?'));
    await page.waitForSelector('#plan-filters');
    expect(await page.$('#plan-filters-clear')).toBeNull();
    await page.close();
  });

  it('fits a phone (390 px), filters and lists alike', async () => {
    const page = await pages.signIn('dispatcher', { width: 390 });
    await page.goto(`${pages.web.baseUrl}/${ADDRESS}`);
    await page.waitForFunction(() => document.querySelectorAll('main [data-label] a[href^="#/visits/"]').length > 0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, '14-plan-filtered-phone.png'), fullPage: true });
    await page.close();
  });

  it("saves a plan's tasks and its routes as spreadsheet files: every row, names looked up in one request, nothing a spreadsheet would run", async () => {
    const saved = { tasks: answers[`GET /api/draws/${DRAW_ID}/tasks`], visits: answers['GET /api/visits'], enterprises: answers['GET /api/enterprises'] };
    answers[`GET /api/draws/${DRAW_ID}/tasks`] = TASKS.map((t, i) => ({
      ...t,
      visitId: STOPS[i].id,
      date: '2026-12-08',
      regionCode: '440605',
      officerIds: STOPS[i].officerIds,
    }));
    answers['GET /api/visits'] = STOPS;
    answers['GET /api/enterprises'] = [
      { creditCode: OWN_CODE, name: '佛山市示例家具有限公司', address: '佛山市南海区桂城街道1号', regionCode: '440605' },
      // Names and addresses come from outside: a formula in one is kept as text, a comma stays in its field.
      { creditCode: OTHER, name: '=HYPERLINK("http://x")商行', address: '南海区大沥镇2号, 首层', regionCode: '440605' },
      { creditCode: THIRD, name: '佛山市"好"餐饮', address: null, regionCode: '440605' },
    ];
    try {
      const page = await pages.signIn('dispatcher', { lang: 'zh' });
      const lookupsBefore = asked('/api/enterprises').length;
      await page.goto(`${pages.web.baseUrl}/#/plans/${DRAW_ID}`);
      await page.waitForSelector('[data-download$="-tasks"]');
      const save = async (selector: string) => {
        const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
        const file = join(SCREENSHOTS, download.suggestedFilename());
        await download.saveAs(file);
        return { name: download.suggestedFilename(), text: readFileSync(file, 'utf8') };
      };
      const tasks = await save('[data-download$="-tasks"]');
      expect(tasks.name).toBe('tianping-plan-2026-12-07-2026-12-18-tasks.csv');
      // A byte-order mark so Excel and WPS read Chinese, CRLF line ends, a header and a line per task.
      expect(tasks.text.startsWith('\uFEFF部门,名称,地址,统一社会信用代码,检查日期,检查组,检查事项,抽中原因\r\n')).toBe(true);
      const lines = tasks.text.slice(1).trimEnd().split('\r\n');
      expect(lines).toHaveLength(1 + TASKS.length);
      expect(lines[1]).toMatch(
        new RegExp(`^SAMR 市场监督管理,佛山市示例家具有限公司,佛山市南海区桂城街道1号,${OWN_CODE},2026-12-08,执法证号 ${OFFICER} 44060600006,SAMR-01`),
      );
      expect(lines[2]).toContain(`,"'=HYPERLINK(""http://x"")商行","南海区大沥镇2号, 首层",${OTHER},`);
      expect(lines[3]).toContain(`,"佛山市""好""餐饮",,${THIRD},`);
      // Every name came from one look-up by code, none from a search per enterprise (the landing page's
      // own list, asked as the dispatcher signed in, may come in too: it is neither).
      const lookups = asked('/api/enterprises').slice(lookupsBefore);
      expect(lookups.filter((q) => q.q)).toEqual([]);
      const byCode = lookups.filter((q) => q.codes);
      expect(new Set(byCode.flatMap((q) => q.codes.split(',')))).toEqual(new Set([OWN_CODE, OTHER, THIRD]));
      expect(byCode.length).toBeLessThanOrEqual(2);

      // The routes: a line per stop, in visiting order, with its number on the route.
      const routes = await save('[data-download$="-routes"]');
      const stops = routes.text.slice(1).trimEnd().split('\r\n');
      expect(stops[0]).toBe('日期,检查组,路线站序,名称,地址,统一社会信用代码,部门');
      expect(stops.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual(['1', '2', '3'].map((n) => `2026-12-08,${OFFICER} 44060600006,${n}`));
      // What the file's fields are made of, in the browser: numbers stay numbers, long digit runs stay whole.
      // (A string, so the test's compiler leaves the browser's own import alone.)
      const fields = await page.evaluate(
        `import('/csv.js').then((csv) => ['-12', '-12%', '+86 757', '@x', '914406040000000017', '2026-12-08', 'a\\nb'].map((v) => csv.csvField(v)))`,
      );
      expect(fields).toEqual(['-12', "'-12%", "'+86 757", "'@x", '"=""914406040000000017"""', '2026-12-08', '"a\nb"']);
      await page.close();
    } finally {
      answers[`GET /api/draws/${DRAW_ID}/tasks`] = saved.tasks;
      answers['GET /api/visits'] = saved.visits;
      answers['GET /api/enterprises'] = saved.enterprises;
    }
  });

  it('prints every task of a plan, names and all, not only the page on screen', async () => {
    const codes = Array.from({ length: 12 }, (_, i) => `91440605MA4Y${String(i).padStart(5, '0')}X`);
    const saved = { tasks: answers[`GET /api/draws/${DRAW_ID}/tasks`], enterprises: answers['GET /api/enterprises'] };
    answers[`GET /api/draws/${DRAW_ID}/tasks`] = codes.map((code) => ({
      ...task(code, 'SAMR', 'risk', 'yellow'),
      visitId: null,
      date: null,
      regionCode: null,
      officerIds: [],
    }));
    answers['GET /api/enterprises'] = codes.map((creditCode, i) => ({
      creditCode,
      name: `示例商行${i + 1}号`,
      address: `南海区${i + 1}号`,
      regionCode: '440605',
    }));
    try {
      const page = await pages.signIn('dispatcher');
      await page.goto(`${pages.web.baseUrl}/#/plans/${DRAW_ID}`);
      const tasksTable = 'main .card:has([data-download$="-tasks"]) tbody tr';
      await page.waitForSelector(tasksTable);
      expect(await page.$$(tasksTable)).toHaveLength(10);
      await page.waitForFunction((selector) => Array.from(document.querySelectorAll(selector)).every((s) => s.textContent), `${tasksTable} [data-name-of]`);
      const printed = await page.evaluate(async (selector) => {
        window.dispatchEvent(new Event('beforeprint'));
        // Printing lets promises settle, not timers: a name still to be fetched would print blank.
        for (let i = 0; i < 5; i++) await Promise.resolve();
        return Array.from(document.querySelectorAll(selector)).map((s) => s.textContent);
      }, `${tasksTable} [data-name-of]`);
      expect(printed).toEqual(codes.map((_, i) => `示例商行${i + 1}号`));
      await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
      expect(await page.$$(tasksTable)).toHaveLength(10);
      await page.close();
    } finally {
      answers[`GET /api/draws/${DRAW_ID}/tasks`] = saved.tasks;
      answers['GET /api/enterprises'] = saved.enterprises;
    }
  });

  it.each([
    ['zh', '下一站', '上一站'],
    ['en', 'Next stop', 'Previous stop'],
  ])('takes an officer from one stop of its route to the next and back (%s)', async (lang, next, previous) => {
    const page = await pages.signIn('samr-officer', { lang: lang as 'zh' | 'en', width: 390 });
    await page.goto(`${pages.web.baseUrl}/#/visits/${STOPS[0].id}`);
    await page.waitForSelector('#visit-stops');
    // The first stop has no previous one.
    expect(await page.$('#visit-stops a[rel=prev]')).toBeNull();
    expect(await seen(page, '#visit-stops a[rel=next]')).toContain(`${next} · 2.`);
    await page.click('#visit-stops a[rel=next]');
    await page.waitForFunction((id) => location.hash === `#/visits/${id}`, STOPS[1].id);
    await page.waitForSelector('#visit-stops a[rel=prev]');
    expect(await page.getAttribute('#visit-stops a[rel=prev]', 'href')).toBe(`#/visits/${STOPS[0].id}`);
    expect(await seen(page, '#visit-stops a[rel=prev]')).toContain(`${previous} · 1.`);
    expect(await page.getAttribute('#visit-stops a[rel=next]', 'href')).toBe(`#/visits/${STOPS[2].id}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.close();

    // Someone not on the team is not walking this route: no stops are offered.
    const dispatcher = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
    await dispatcher.goto(`${pages.web.baseUrl}/#/visits/${STOPS[1].id}`);
    await dispatcher.waitForSelector('#visit-checklist');
    expect(await dispatcher.$('#visit-stops')).toBeNull();
    await dispatcher.close();
  });
});
