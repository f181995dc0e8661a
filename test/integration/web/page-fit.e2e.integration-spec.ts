import { join } from 'node:path';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE, QueryAnswer, StatusAnswer } from './web-app.harness';

/**
 * What people stumbled on when the pages were read with fresh eyes: an enterprise's records cut off at
 * the edge of a phone, the record picker of an appeal dropping its text below the box, a record entry's
 * kind shown as its code, a one-stop route "about 0.0 km in all".
 */
const CASE_NO = 'TP-304cefd4-d315-4b7b-bf0e-6a13465bed26-SAMR';
const FILE = {
  subject: { creditCode: OWN_CODE, name: '佛山市示例小食店有限公司', regionCode: '440607', status: '存续' },
  cases: [
    {
      caseNo: CASE_NO,
      date: '2026-12-02',
      department: 'SAMR',
      kind: '检查',
      origin: '双随机',
      result: '责令整改',
      violationFound: true,
      violation: '食品安全：现场检查发现不符合规定，已责令限期整改',
      penaltyYuan: null,
    },
    { caseNo: 'FS-FIRE-2026-000020', date: '2026-11-09', department: 'FIRE', kind: '检查', origin: '投诉举报', result: '未发现问题', violationFound: false },
    // A penalty has no inspection result of its own, only the violation it punished.
    {
      caseNo: 'FS-HEALTH-2026-000006',
      date: '2026-02-10',
      department: 'HEALTH',
      kind: '处罚',
      origin: '双随机',
      result: '',
      violationFound: true,
      violation: '公共场所卫生不达标',
      penaltyYuan: 20000,
    },
  ],
  clues: [{ ref: 'X3BA-YTGM', receivedOn: '2026-11-04', category: '消防安全', department: 'FIRE', verified: false, status: 'pending' }],
};
const VISIT = {
  id: '9bb16427-7168-4d84-8a16-6eef9eeb5dff',
  date: '2026-12-07',
  creditCode: OWN_CODE,
  regionCode: '440605',
  departments: ['SAMR'],
  officerIds: ['44060500073'],
  status: 'scheduled',
  reasons: ['colour'],
  drawId: 'd-1',
  routeKey: 'r-1',
  items: [{ department: 'SAMR', item: 'SAMR-01' }],
  route: { visitIds: ['9bb16427-7168-4d84-8a16-6eef9eeb5dff'], creditCodes: [OWN_CODE], distanceKm: 0 },
};

/** Filed against a score whose red nobody has confirmed yet; an earlier score's red was superseded unseen. */
const APPEAL = {
  id: 'AP-20261206-0001',
  creditCode: OWN_CODE,
  scoreId: 's-2',
  modelVersion: 'm-1',
  colour: 'red',
  probability: 0.44,
  status: 'filed',
  outcome: null,
  overrideColour: null,
  reviewer: null,
  decisionReasons: null,
  overdue: false,
  filedAt: '2026-12-06T22:04:00.000Z',
  dueAt: '2026-12-21T22:04:00.000Z',
  decidedAt: null,
  closedAt: null,
  grounds: '该次检查发现的问题已整改完毕。',
  challenges: [],
  evidence: [],
  steps: [{ step: 'filed', at: '2026-12-06T22:04:00.000Z', actor: 'ent', note: null, detail: { colour: 'red' }, auditSeq: 21 }],
};
const decision = (scoreId: string, status: string, actor: string | null) => ({
  id: `dec-${scoreId}`,
  creditCode: OWN_CODE,
  scoreId,
  modelColour: 'red',
  status,
  actor,
});

/** Drift cut at the baseline's deciles, as oversight serves them: six significant digits, a rate as a fraction. */
const share = (label: string) => ({ bin: label, label, baselineShare: 0.5, currentShare: 0.5 });
const DRIFT = {
  period: { from: '2026-10-01', to: '2026-12-06' },
  modelVersion: 'm-1',
  trainingWindow: null,
  baselines: { factors: { kind: 'first-scores', from: '2026-09-01', to: '2026-09-07', enterprises: 2000 }, score: null },
  current: { factors: 2000, score: 0 },
  factors: [
    {
      factor: 'inspection_fail_rate',
      psi: 0.02,
      verdict: 'stable',
      baselineCount: 2000,
      currentCount: 2000,
      bins: [share('< 0.0788612'), share('[0.0788612, 0.103239)'), share('≥ 0.103239')],
    },
    {
      factor: 'years_in_operation',
      psi: 0.01,
      verdict: 'stable',
      baselineCount: 2000,
      currentCount: 2000,
      bins: [share('< 1.21561'), share('[1.21561, 13.9658)'), share('≥ 13.9658')],
    },
  ],
  score: null,
  largestFactorShift: { factor: 'inspection_fail_rate', psi: 0.02 },
};

describeWithBrowser('pages that fit their screen and say things in words, in a real browser', () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({
      [`GET /api/enterprises/${OWN_CODE}`]: FILE,
      [`GET /api/reviews/enterprises/${OWN_CODE}`]: {
        score: null,
        effectiveColour: null,
        state: 'in-effect',
        decision: null,
        scoreSeq: 3299,
        decisions: [
          decision('s-2', 'pending', null),
          decision('s-1', 'superseded', null),
          decision('s-0', 'confirmed', 'overseer-2'),
          decision('s-00', 'carried-over', null),
        ],
        appeals: [],
      },
      [`GET /api/appeals/${APPEAL.id}`]: APPEAL,
      'GET /api/audits/drift': DRIFT,
      'GET /api/register': {
        generated_at: '2026-12-06T22:00:00.000Z',
        last_change_date: '2026-12-06',
        standard_version: '0.3.1',
        methods_and_models: { facts: { modelVersion: 'twelve-factor@1.4.0+ecc18567a136.s2026', approved: true } },
        source_data: { facts: { factors: [], scoring: { enterprises: 2745, latestAsOf: '2026-12-07' } } },
      },
      'GET /api/public/audit-reports': [],
      'GET /api/audit/entries': new QueryAnswer((q) =>
        q.get('subjectRef') === 'refused'
          ? new StatusAnswer(400, { statusCode: 400, error: 'Bad Request', message: ['subjectRef must be a known subject'] })
          : q.get('subjectRef')
            ? []
            : [
                { seq: 12, kind: 'visit-result', subjectRef: OWN_CODE, recordedAt: '2026-12-06T21:51:00.000Z', leafHash: 'c'.repeat(64) },
                { seq: 11, kind: 'dispatch-plan', subjectRef: 'd-1', recordedAt: '2026-12-06T21:50:00.000Z', leafHash: 'd'.repeat(64) },
              ],
      ),
      [`GET /api/visits/${VISIT.id}`]: VISIT,
      // Intake finds a code only whole: part of one, like a name nobody holds, finds no one.
      'GET /api/enterprises': new QueryAnswer(() => []),
      'GET /api/scores': { items: [], next: null },
      'GET /api/scoring/summary': { byColour: { red: 0, yellow: 0, green: 0 } },
    });
  }, 60_000);
  afterAll(() => pages?.close());

  it.each([['zh'], ['en']])(
    "shows the enterprise's inspections and complaints on a phone as labelled lines, nothing past the screen's edge (%s)",
    async (lang) => {
      const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en', width: 390 });
      await page.goto(`${pages.web.baseUrl}/#/my/records`);
      await page.waitForSelector('table.stack-rows td[data-label]');
      expect(await page.$$eval('.table-wrap', (wraps) => wraps.every((w) => w.scrollWidth <= w.clientWidth))).toBe(true);
      // The result, the last of a case's facts, and the whole case number are in view without scrolling sideways.
      const result = (await page.$(`tr:has-text("${CASE_NO.slice(-12)}") .badge`))!;
      const box = (await result.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      const caseNo = (await page.$(`text=${CASE_NO.slice(0, 12)}`))!;
      const caseBox = (await caseNo.boundingBox())!;
      expect(caseBox.x + caseBox.width).toBeLessThanOrEqual(390);
      expect(await page.$$eval('td[data-label]', (cells) => cells.map((c) => c.getAttribute('data-label')))).toContain(lang === 'zh' ? '结果' : 'Result');
      // The penalty's result says a violation was found, not a red "—".
      const penalty = await page.$$eval('tr:has(td:has-text("FS-HEALTH-2026-000006")) .badge', (badges) => badges.map((b) => b.textContent?.trim()));
      expect(penalty).toEqual([lang === 'zh' ? '有违法行为' : 'Violation found']);
      await page.screenshot({ path: join(SCREENSHOTS, `00-page-fit-records-phone-${lang}.png`), fullPage: true });
      await page.close();
    },
  );

  it.each([
    ['en', 1366],
    ['zh', 390],
  ])('keeps each record of the appeal form beside its box, however long its text (%s, %d px)', async (lang, width) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en', width });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals`);
    await page.waitForSelector('#challenge-picker li');
    const rows = await page.$$eval('#challenge-picker li', (items) =>
      items.map((li) => {
        const box = li.querySelector('input[type=checkbox]')!.getBoundingClientRect();
        const text = li.querySelector('label > span')!.getBoundingClientRect();
        return {
          boxTop: box.top,
          boxWidth: box.width,
          textTop: text.top,
          textLeft: text.left,
          boxRight: box.right,
          textRight: text.right,
          rowRight: li.getBoundingClientRect().right,
        };
      }),
    );
    expect(rows).toHaveLength(FILE.cases.length + FILE.clues.length);
    for (const row of rows) {
      // On the same line as its box, to its right, the box its full size, the text within the row.
      expect(row.textTop).toBeLessThan(row.boxTop + 12);
      expect(row.textLeft).toBeGreaterThanOrEqual(row.boxRight);
      expect(row.boxWidth).toBeGreaterThanOrEqual(12);
      expect(row.textRight).toBeLessThanOrEqual(row.rowRight);
    }
    await page.screenshot({ path: join(SCREENSHOTS, `00-page-fit-appeal-picker-${lang}-${width}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '检查结果', '抽查计划'],
    ['en', 'Inspection result', 'Inspection plan'],
  ])("names every kind of record entry in words, an inspection's result too (%s)", async (lang, result, plan) => {
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/audit`);
    await page.waitForSelector('#audit-table tr[data-seq="12"]');
    expect(await page.textContent('#audit-table tr[data-seq="12"] .badge')).toBe(result);
    expect(await page.textContent('#audit-table tr[data-seq="11"] .badge')).toBe(plan);
    expect(await page.$$eval('select[name=kind] option', (options) => options.map((o) => o.textContent))).toContain(result);
    expect(await page.textContent('#audit-table')).not.toContain('visit-result');
    await page.close();
  });

  it.each([
    ['zh', '当天路线只有这一站'],
    ['en', "The only stop on the day's route"],
  ])('says a route of one stop is one stop, not "about 0.0 km in all" (%s)', async (lang, alone) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/visits/${VISIT.id}`);
    await page.waitForSelector('main h1');
    await page.waitForFunction((words) => document.querySelector('main')?.textContent?.includes(words), alone);
    expect(await page.textContent('main')).not.toMatch(/0\.0 (公里|km)/);
    await page.close();
  });

  it.each([
    ['zh', '此前的人工决定 1 项'],
    ['en', 'Earlier decisions by a person: 1;'],
  ])("counts as a person's decisions only the colours a person confirmed or overrode, not a red superseded unseen (%s)", async (lang, words) => {
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/reviews/appeals/${APPEAL.id}`);
    await page.waitForFunction((w) => document.querySelector('main')?.textContent?.includes(w), words);
    expect(await page.textContent('main')).not.toContain('1 earlier decisions');
    await page.close();
  });

  it('writes the drift bins of a rate as percentages and of a measure to three digits, not as the cut points computed', async () => {
    const page = await pages.signIn('overseer');
    await page.goto(`${pages.web.baseUrl}/#/audits`);
    await page.waitForSelector('#drift-bins svg');
    const rate = (await page.textContent('#drift-bins'))!;
    expect(rate).toContain('[7.9%, 10.3%)');
    expect(rate).not.toContain('0.0788612');
    await page.click('#drift-chart [data-factor="years_in_operation"] text');
    await page.waitForFunction(() => document.querySelector('#drift-bins')?.textContent?.includes('[1.22, 14)'));
    expect(await page.textContent('#drift-bins')).not.toContain('13.9658');
    await page.close();
  });

  it.each([['zh'], ['en']])("keeps the public register's key facts each in its tile on a phone, the model's long version too (%s)", async (lang) => {
    const page = await pages.browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.addInitScript((l) => localStorage.setItem('tp.lang', l), lang);
    await page.goto(`${pages.web.baseUrl}/register.html`);
    await page.waitForSelector('#register-facts .tile');
    const tiles = await page.$$eval('#register-facts .tile', (all) =>
      all.map((tile) => {
        // Where each line of text ends: a word too long for the tile runs past its box without widening it.
        const ends = Array.from(tile.children).map((c) => {
          const range = document.createRange();
          range.selectNodeContents(c);
          return Math.max(...Array.from(range.getClientRects()).map((r) => r.right));
        });
        return { box: tile.getBoundingClientRect().toJSON() as DOMRect, parts: ends };
      }),
    );
    const [model, scored] = tiles;
    // Side by side, neither runs under the other, and the version breaks within its own tile.
    expect(model.box.right).toBeLessThanOrEqual(scored.box.left);
    for (const right of model.parts) expect(right).toBeLessThanOrEqual(model.box.right);
    expect(await page.textContent('#register-facts')).toContain(lang === 'zh' ? '评分日期 2026年12月7日' : 'scored as of 7 Dec 2026');
    expect(await page.textContent('#register-entry')).toContain(lang === 'zh' ? '最近一次实质变更 2026年12月6日' : 'last change in substance 6 Dec 2026');
    await page.screenshot({ path: join(SCREENSHOTS, `00-page-fit-register-phone-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '没有符合这些条件的记录'],
    ['en', 'No entry matches these filters'],
  ])('says a filter matched nothing, not that the record is empty until scoring starts (%s)', async (lang, words) => {
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/audit`);
    await page.waitForSelector('#audit-table');
    await page.fill('input[name=subjectRef]', OWN_CODE.slice(0, 12));
    await page.click('form.filters button[type=submit]');
    await page.waitForFunction((w) => document.querySelector('main')?.textContent?.includes(w), words);
    expect(await page.textContent('main')).not.toContain(lang === 'zh' ? '评分服务开始工作后' : 'once scoring is at work');
    await page.close();
  });

  it.each([
    [
      'zh',
      `没有统一社会信用代码或名称含“${OWN_CODE.slice(0, 13)}”的企业`,
      '按代码查找请至少输入 6 位（例如 9 位组织机构代码），这里是 4 位',
      '没有名称含“无此企业”的企业',
    ],
    [
      'en',
      `No enterprise's credit code or name contains "${OWN_CODE.slice(0, 13)}"`,
      'type at least 6 of its characters (the 9-character organisation code, say); this has 4',
      'No enterprise\'s name contains "无此企业"',
    ],
  ])("says why a search of the bureau's list found no one, a piece of a code included (%s)", async (lang, piece, short, noName) => {
    const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/enterprises`);
    await page.waitForSelector('main input[name=q]');
    for (const [q, words] of [
      [OWN_CODE.slice(0, 13), piece],
      [OWN_CODE.slice(0, 4), short],
      ['无此企业', noName],
    ]) {
      await page.fill('main input[name=q]', q);
      await page.click('main form button[type=submit]');
      await page.waitForFunction((w) => document.querySelector('main')?.textContent?.includes(w), words);
    }
    await page.close();
  });

  it.each([
    ['zh', '连接不上服务器', '服务器的说明'],
    ['en', 'Cannot reach the server', 'The server said'],
  ])(
    "says the server cannot be reached when no answer comes, and never shows the page's own fault as the server's words (%s)",
    async (lang, offline, serverSaid) => {
      const page = await pages.signIn('officer', { lang: lang as 'zh' | 'en' });
      await page.route('**/api/scoring/summary', (route) => route.abort('connectionrefused'));
      await page.goto(`${pages.web.baseUrl}/#/enterprises`);
      // The officer may have landed here already: load the page afresh, through the refusal.
      await page.reload();
      const unreachable = page.locator('[data-state="unavailable"]', { hasText: offline });
      await unreachable.waitFor();
      expect(await unreachable.textContent()).not.toMatch(/Failed to fetch|HTTP 0/);

      // An answer the page cannot read (here null) is the page's fault: said as an error, with no "server said".
      await page.unroute('**/api/scoring/summary');
      await page.route('**/api/scoring/summary', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: 'null' }));
      await page.reload();
      const fault = page.locator('[data-state="error"]').first();
      await fault.waitFor();
      expect(await fault.textContent()).not.toContain(serverSaid);
      await page.close();
    },
  );

  it.each([
    ['zh', '这次查询没有被接受', '请稍后重试'],
    ['en', 'This request was not accepted', 'Try again in a moment'],
  ])('says a refused request is not accepted, with no "try again later" and no retry that cannot help (%s)', async (lang, title, later) => {
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/audit`);
    await page.waitForSelector('#audit-table');
    await page.fill('input[name=subjectRef]', 'refused');
    await page.click('form.filters button[type=submit]');
    await page.waitForSelector('.card:has(form.filters) [data-state="error"]');
    const said = (await page.textContent('.card:has(form.filters) [data-state="error"]'))!;
    expect(said).toContain(title);
    expect(said).toContain('subjectRef must be a known subject');
    expect(said).not.toContain(later);
    expect(await page.$('.card:has(form.filters) [data-state="error"] button')).toBeNull();
    await page.close();
  });
});
