import { join } from 'node:path';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { QueryAnswer, SlowAnswer } from './web-app.harness';

const PLAN = {
  from: '2026-12-07',
  to: '2026-12-18',
  publishedAt: '2026-12-06T03:00:00.000Z',
  seed: '2026-12-全市',
  inputsFingerprint: 'a'.repeat(64),
  resultFingerprint: 'b'.repeat(64),
  enterprises: 120,
  checks: 150,
  visits: 118,
  departments: [
    { department: 'FIRE', enterprises: 30, items: ['FIRE-01', 'FIRE-02'] },
    { department: 'SAMR', enterprises: 100, items: ['SAMR-01', 'SAMR-03'] },
  ],
};
const ITEMS = [
  { item: 'FIRE-01', zh: '消防设施和器材', en: 'Fire equipment' },
  { item: 'FIRE-02', zh: '疏散通道和安全出口', en: 'Escape routes and exits' },
  { item: 'SAMR-01', zh: '登记事项和公示信息', en: 'Registration and public information' },
  { item: 'SAMR-03', zh: '食品安全', en: 'Food safety' },
];
const KNOWN = '91440604MA4UX1LR2K';
const OTHER = '91440605MA51EQWQ8N';
/** Dispatch has a result for it, intake no file (yet): its code is shown without a name. */
const UNKNOWN = '92440604MA56G3GF5Q';
const NAMES: Record<string, string> = { [KNOWN]: '佛山市禅城区明记餐饮店', [OTHER]: '佛山市南海区顺达五金厂' };
/** Intake's register as its search answers: 21 names hold 佛山, one 明记. */
const REGISTER = [
  ...Object.entries(NAMES),
  ...Array.from({ length: 19 }, (_, i) => [`9144060${i % 10}MA5TEST${String(i).padStart(3, '0')}`, `佛山市禅城区第${i + 1}号商行`]),
].sort(([a], [b]) => (a < b ? -1 : 1));
/** What intake's search gives of each enterprise beyond its name: the public side must pass on only name and code. */
const searchHit = ([creditCode, name]: string[]) => ({
  creditCode,
  name,
  industryCode: 'H6210',
  regionCode: '440604',
  status: '存续',
  address: '佛山市禅城区某路1号',
  lng: 113.1,
  lat: 23.0,
});
const FIRST = {
  results: [
    {
      date: '2026-12-08',
      creditCode: KNOWN,
      departments: ['FIRE', 'SAMR'],
      items: [
        { department: 'FIRE', item: 'FIRE-01', result: '责令整改' },
        { department: 'SAMR', item: 'SAMR-03', result: '未发现问题' },
      ],
    },
    { date: '2026-12-07', creditCode: UNKNOWN, departments: ['SAMR'], items: [{ department: 'SAMR', item: 'SAMR-01', result: '未发现问题' }] },
  ],
  next: '2026-12-07_0b6c8a55-5f0e-4d7e-9a7a-1f1f1f1f1f1f',
};
const SECOND = {
  results: [{ date: '2026-12-07', creditCode: OTHER, departments: ['SAMR'], items: [{ department: 'SAMR', item: 'SAMR-03', result: '立案查处' }] }],
  next: null,
};

/** 双随机、一公开 on the public register page: plans by their scope, results with the enterprise's name, no sign-in. */
describeWithBrowser('the public page of the random inspections, in a real browser', () => {
  let pages: FakePages;
  let answers: Record<string, unknown>;

  beforeAll(async () => {
    pages = await startFakePages(
      (answers = {
        'GET /api/register': {},
        'GET /api/public/audit-reports': [],
        'GET /api/public/inspection-plans': [PLAN],
        'GET /api/checklist-items': ITEMS,
        'GET /api/public/inspection-results': new QueryAnswer((q) => {
          const page = q.get('after') === FIRST.next ? SECOND : FIRST;
          // Dispatch folds the codes it is given; this fake only upper-cases them.
          const codes = q.get('creditCode')?.toUpperCase().trim().split(',');
          return codes ? { ...page, results: page.results.filter((r) => codes.includes(r.creditCode)) } : page;
        }),
        'GET /api/enterprises': new QueryAnswer((q) =>
          q.has('q')
            ? REGISTER.filter(([, name]) => name.includes(q.get('q')!))
                .slice(0, Number(q.get('limit') ?? 50))
                .map(searchHit)
            : (q.get('codes') ?? '')
                .split(',')
                .filter((code) => NAMES[code])
                .map((creditCode) => ({ creditCode, name: NAMES[creditCode] })),
        ),
      }),
    );
  }, 60_000);
  afterAll(() => pages?.close());

  it('answers anyone, without sign-in: results with the registered name beside the code, the query passed on as asked', async () => {
    const get = (path: string) => fetch(`${pages.web.baseUrl}${path}`);
    const answer = await get('/api/public/inspection-results?department=SAMR&limit=2');
    expect(answer.status).toBe(200);
    const page = (await answer.json()) as { results: { creditCode: string; name: string | null }[]; next: string | null };
    expect(page.results.map((r) => [r.creditCode, r.name])).toEqual([
      [KNOWN, NAMES[KNOWN]],
      [UNKNOWN, null],
    ]);
    expect(page.next).toBe(FIRST.next);
    expect(pages.fake.seen.some((r) => r.url === '/api/public/inspection-results?department=SAMR&limit=2')).toBe(true);
    // One look-up of names for the page, by code.
    expect(pages.fake.seen.filter((r) => r.url.startsWith('/api/enterprises?codes=')).pop()!.url).toBe(`/api/enterprises?codes=${KNOWN},${UNKNOWN}`);
    expect((await get('/api/public/inspection-plans')).status).toBe(200);
    expect((await get('/api/checklist-items')).status).toBe(200);
    // The rest of the bureau's plans stays behind the sign-in.
    expect((await get('/api/visits')).status).toBe(401);
    expect((await get('/api/draws')).status).toBe(401);
  });

  it('narrows the results to the enterprises a name matches, names them with their codes only, and asks to choose among many', async () => {
    const get = async (query: string) => {
      const answer = await fetch(`${pages.web.baseUrl}/api/public/inspection-results?${query}`);
      return {
        status: answer.status,
        body: (await answer.json()) as { results: { creditCode: string; name: string | null }[]; matches?: object[]; moreMatches?: boolean },
      };
    };
    const asked = () => pages.fake.seen.filter((r) => r.url.startsWith('/api/public/inspection-results')).map((r) => r.url);
    const one = await get(`name=${encodeURIComponent(' 明记 ')}&department=FIRE`);
    expect(one.status).toBe(200);
    expect(one.body.matches).toEqual([{ creditCode: KNOWN, name: NAMES[KNOWN] }]);
    expect(one.body.moreMatches).toBe(false);
    expect(one.body.results.map((r) => [r.creditCode, r.name])).toEqual([[KNOWN, NAMES[KNOWN]]]);
    // Intake is asked by the name, dispatch by the codes it matched; the name itself goes no further.
    expect(pages.fake.seen.some((r) => r.url === `/api/enterprises?q=${encodeURIComponent('明记')}&limit=21`)).toBe(true);
    expect(asked().pop()).toBe(`/api/public/inspection-results?department=FIRE&creditCode=${KNOWN}`);

    const dispatchAsked = asked().length;
    const many = await get(`name=${encodeURIComponent('佛山')}`);
    expect(many.body).toMatchObject({ results: [], next: null, moreMatches: true });
    expect(many.body.matches).toHaveLength(20);
    for (const match of many.body.matches!) expect(Object.keys(match).sort()).toEqual(['creditCode', 'name']);
    expect((await get(`name=${encodeURIComponent('无此企业')}`)).body).toEqual({ results: [], next: null, matches: [], moreMatches: false });
    // Neither needed dispatch: results are narrowed to named enterprises or not given at all.
    expect(asked()).toHaveLength(dispatchAsked);

    for (const bad of [
      `name=${encodeURIComponent('明记')}&creditCode=${KNOWN}`,
      'name=',
      `name=${encodeURIComponent(' ')}`,
      `name=${'字'.repeat(61)}`,
      'name=a&name=b',
    ])
      expect({ bad, status: (await get(bad)).status }).toEqual({ bad, status: 400 });
  });

  it.each([
    ['zh', '消防救援', '消防设施和器材', '责令整改', '立案查处', '、'],
    ['en', 'Fire and rescue', 'Fire equipment', 'Ordered to rectify', 'Case opened', ', '],
  ])('shows each plan by its scope and each result with its items, and loads more on request (%s)', async (lang, fire, item, rectify, caseOpened, sep) => {
    const page = await pages.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript((l) => localStorage.setItem('tp.lang', l), lang);
    await page.goto(`${pages.web.baseUrl}/register.html#/inspections`);
    await page.waitForSelector('#inspection-results table');
    expect(await page.getAttribute('nav a[href="#/inspections"]', 'aria-current')).toBe('page');
    expect(await page.title()).toContain(lang === 'zh' ? '双随机抽查公示' : 'Random inspections');
    const plan = (await page.textContent('#inspection-plans [data-department="FIRE"]'))!;
    expect(plan).toContain(fire);
    expect(plan).toContain(`FIRE-01 ${item}`);
    expect(plan).toContain('30');
    expect(await page.textContent('#inspection-plans')).toContain(PLAN.seed);
    // Days read as the rest of the page writes them (its publishing day too), not as ISO codes.
    expect(await page.textContent('#inspection-plans')).toContain(lang === 'zh' ? '2026年12月7日 → 2026年12月18日' : '7 Dec 2026 → 18 Dec 2026');
    const rows = await page.$$eval('#inspection-results tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain(NAMES[KNOWN]);
    expect(rows[0]).toContain(KNOWN);
    expect(rows[0]).toContain(`${fire}${sep}`);
    expect(rows[0]).toContain(rectify);
    expect(rows[0]).toContain(lang === 'zh' ? '2026年12月8日' : '8 Dec 2026');
    expect(rows[0]).not.toContain('2026-12-08');
    expect(rows[1]).toContain(UNKNOWN);
    await page.screenshot({ path: join(SCREENSHOTS, `00-public-inspections-${lang}.png`), fullPage: true });
    await page.click('#more-results');
    await page.waitForFunction(() => document.querySelectorAll('#inspection-results tbody tr').length === 3);
    expect(await page.textContent('#inspection-results tbody tr:nth-child(3)')).toContain(caseOpened);
    expect(await page.$('#more-results')).toBeNull();
    // A department, a period and an enterprise narrow the results: the page asks dispatch for them (dispatch folds the code's case).
    await page.selectOption('#inspection-results-filters select[name=department]', 'FIRE');
    await page.fill('#inspection-results-filters input[name=from]', '2026-12-01');
    const enterprise = '#inspection-results-filters input[name=enterprise]';
    await page.fill(enterprise, ` ${KNOWN.toLowerCase()} `);
    await page.click('#inspection-results-filters button[type=submit]');
    await page.waitForFunction(() => document.querySelectorAll('#inspection-results tbody tr').length === 1);
    const asked = `/api/public/inspection-results?department=FIRE&from=2026-12-01&creditCode=${KNOWN.toLowerCase()}`;
    expect(pages.fake.seen.some((r) => r.url.startsWith(asked))).toBe(true);
    expect(await page.$('#name-matches')).toBeNull();
    // Or by a name: too many match, and the page offers them; choosing one shows its results.
    await page.selectOption('#inspection-results-filters select[name=department]', '');
    await page.fill('#inspection-results-filters input[name=from]', '');
    await page.fill(enterprise, '佛山');
    await page.click('#inspection-results-filters button[type=submit]');
    await page.waitForSelector('#name-matches[data-more="true"]');
    expect(await page.textContent('#name-matches')).toContain(lang === 'zh' ? '超过 20 家' : 'More than 20');
    expect(await page.$('#inspection-results table')).toBeNull();
    await page.click(`#name-matches button[data-code="${KNOWN}"]`);
    await page.waitForFunction(
      (code) => document.querySelector('#inspection-results tbody tr')?.textContent?.includes(code) && !document.querySelector('#name-matches'),
      KNOWN,
    );
    expect(await page.inputValue(enterprise)).toBe(KNOWN);
    // A name few enterprises hold narrows the results to theirs, and says whose they are.
    await page.fill(enterprise, '明记');
    await page.click('#inspection-results-filters button[type=submit]');
    await page.waitForSelector('#name-matches[data-more="false"]');
    expect(await page.textContent('#name-matches')).toContain(NAMES[KNOWN]);
    const narrowed = await page.$$eval('#inspection-results tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(narrowed).toHaveLength(1);
    expect(narrowed[0]).toContain(KNOWN);
    await page.screenshot({ path: join(SCREENSHOTS, `00-public-inspections-by-name-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '这里输入了 16 位'],
    ['en', 'this has 16'],
  ])('says in words that a code is not 18 characters long, rather than an error to try again later (%s)', async (lang, words) => {
    const page = await pages.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.addInitScript((l) => localStorage.setItem('tp.lang', l), lang);
    await page.goto(`${pages.web.baseUrl}/register.html#/inspections`);
    await page.waitForSelector('#inspection-results table');
    const asked = pages.fake.seen.length;
    await page.fill('#inspection-results-filters input[name=enterprise]', KNOWN.slice(0, 16));
    await page.click('#inspection-results-filters button[type=submit]');
    await page.waitForSelector('#code-length');
    expect(await page.textContent('#code-length')).toContain(words);
    expect(await page.textContent('#inspection-results')).not.toContain('18-character');
    expect(pages.fake.seen.slice(asked).some((r) => r.url.startsWith('/api/public/inspection-results'))).toBe(false);
    // Spaces are no part of the length: the whole code, typed with them, is asked for (dispatch folds it).
    const spaced = `${KNOWN.slice(0, 9)} ${KNOWN.slice(9)}`;
    await page.fill('#inspection-results-filters input[name=enterprise]', spaced);
    const request = page.waitForRequest((r) => new URL(r.url()).searchParams.get('creditCode') === spaced);
    await page.click('#inspection-results-filters button[type=submit]');
    await request;
    await page.waitForFunction(() => !document.querySelector('#code-length'));
    await page.close();
  });

  it('keeps the page the reader went to when the one left behind finishes loading later', async () => {
    answers['GET /api/public/inspection-plans'] = new SlowAnswer(1_500, [PLAN]);
    const page = await pages.browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await page.goto(`${pages.web.baseUrl}/register.html#/inspections`);
      await page.evaluate(() => (location.hash = '#/'));
      await page.waitForSelector('#register-entry');
      // The plans answer arrives after this: the register entry must stay.
      await page.waitForTimeout(2_500);
      expect(await page.$('#register-entry')).not.toBeNull();
      expect(await page.$('#inspection-plans')).toBeNull();
      expect(await page.getAttribute('main', 'data-page')).toBe('register');
    } finally {
      answers['GET /api/public/inspection-plans'] = [PLAN];
      await page.close();
    }
  });
});
