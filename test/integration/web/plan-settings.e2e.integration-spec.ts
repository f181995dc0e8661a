import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DispatchHarness } from '../dispatch/dispatch-app.harness';
import { eventually, getJson, type OversightHarness } from '../oversight/oversight-app.harness';
import { startBureauSuite, type BureauSuite } from './bureau-suite.harness';
import { signInPage } from './fake-pages.harness';
import { CHROMIUM, describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import type { WebHarness } from './web-app.harness';

/**
 * A dispatcher changes a department's yearly share of green enterprises on the plans page, in a real
 * browser, through the real web gateway and the real dispatch service: a share over 100% is refused by
 * dispatch and the page says so beside that field in its own language; a good one is kept with who
 * changed it. A holiday is added to and removed from this year's calendar. Oversight's record page then
 * says, of each change, who made it and which value went from what to what.
 */
describeWithBrowser('the plans page lets the dispatcher edit a department plan and the calendar', () => {
  let suite: BureauSuite;
  let dispatch: DispatchHarness;
  let oversight: OversightHarness;
  let web: WebHarness;
  let browser: Browser;

  beforeAll(async () => {
    suite = await startBureauSuite();
    ({ dispatch, oversight, web } = suite);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.close();
  });

  async function signIn(username: string, lang: 'zh' | 'en'): Promise<Page> {
    const page = await signInPage(browser, web.baseUrl, username, { lang });
    await page.goto(`${web.baseUrl}/#/plans`);
    return page;
  }
  const greenShare = async () =>
    (
      await dispatch.dataSource.query(`SELECT (annual_ratios->>'green')::float AS green, updated_by FROM dispatch.department_plans WHERE department = 'SAMR'`)
    )[0];

  it.each([
    ['zh', '比例须为 0% 至 100% 之间的数字。', '最近由 dispatcher 于', '从下一次抽取起生效', 6],
    ['en', 'A share must be a number from 0% to 100%.', 'Last changed by dispatcher on', 'applies from the next draw', 8],
  ] as const)(
    'refuses a share over 100%% beside its field and keeps a good one with who changed it (%s)',
    async (lang, refused, changedBy, nextDraw, percent) => {
      const page = await signIn('dispatcher', lang);
      await page.waitForSelector('#plan-edit-department');
      await page.selectOption('#plan-edit-department', 'SAMR');
      await page.waitForSelector('main [data-department="SAMR"]');
      expect(await page.textContent('#plan-settings')).toContain(nextDraw);

      await page.fill('input[name=ratio-green]', '150');
      await page.click('#plan-edit-save');
      await page.waitForSelector('[data-field="green"]');
      expect(await page.textContent('[data-field="green"]')).toBe(refused);
      expect(await page.getAttribute('input[name=ratio-green]', 'aria-invalid')).toBe('true');
      expect(await page.$('[data-field="red"]')).toBeNull();
      expect((await greenShare()).green).not.toBe(1.5);

      await page.fill('input[name=ratio-green]', String(percent));
      await page.click('#plan-edit-save');
      // The first language's run has already named the dispatcher: wait for this save's own notice.
      await page.waitForSelector('#plan-edit-saved');
      expect(await page.textContent('#plan-edit-changed')).toContain(changedBy);
      expect(await page.$('[data-field="green"]')).toBeNull();
      // The table of department plans above is redrawn with the new share.
      await page.waitForFunction(
        (share) => Array.from(document.querySelectorAll('main tr')).some((tr) => tr.textContent?.includes('SAMR') && tr.textContent.includes(share)),
        `/ ${percent}%`,
      );
      expect(await greenShare()).toEqual({ green: percent / 100, updated_by: 'dispatcher' });
      await page.screenshot({ path: join(SCREENSHOTS, `plan-settings-${lang}.png`), fullPage: true });
      await page.close();
    },
  );

  it('adds a holiday to this year and removes it again, and a make-up working day to next year (zh)', async () => {
    const page = await signIn('dispatcher', 'zh');
    await page.waitForSelector('#calendar-add');
    expect(await page.textContent('#work-calendar')).toContain('计划只在工作日安排检查');
    const day = `${new Date().getUTCFullYear()}-11-11`;
    await page.fill('input[name=calendar-date]', day);
    await page.fill('input[name=calendar-name]', '测试假日');
    await page.click('#calendar-add');
    await page.waitForSelector(`[data-remove="${day}"]`);
    expect(await dispatch.dataSource.query(`SELECT kind, name, updated_by FROM dispatch.calendar_days WHERE date = $1`, [day])).toEqual([
      { kind: 'holiday', name: '测试假日', updated_by: 'dispatcher' },
    ]);
    expect(await page.textContent(`[data-changed="${day}"]`)).toContain('最近由 dispatcher 于');
    await page.click(`[data-remove="${day}"]`);
    await page.waitForFunction((d) => !document.querySelector(`[data-remove="${d}"]`) && document.querySelector('#calendar-add'), day);
    expect(await dispatch.dataSource.query(`SELECT kind FROM dispatch.calendar_days WHERE date = $1`, [day])).toEqual([]);

    // Next year's holidays are announced late in the year: they can be entered ahead.
    const next = String(new Date().getUTCFullYear() + 1);
    await page.selectOption('select[name=calendar-year]', next);
    await page.waitForFunction((y) => document.querySelector('input[name=calendar-date]')?.getAttribute('min') === `${y}-01-01`, next);
    await page.fill('input[name=calendar-date]', `${next}-01-02`);
    await page.selectOption('select[name=calendar-kind]', 'workday');
    await page.click('#calendar-add');
    await page.waitForSelector(`[data-remove="${next}-01-02"]`);
    expect(await dispatch.dataSource.query(`SELECT kind FROM dispatch.calendar_days WHERE date = $1`, [`${next}-01-02`])).toEqual([{ kind: 'workday' }]);
    await page.close();
  });

  it.each([
    ['zh', '保存未成功：ops-wang 在您打开此页后于', '重新载入当前设置', '最近由 ops-wang 于'],
    ['en', 'Not saved: ops-wang changed this plan on', 'Reload the current values', 'Last changed by ops-wang on'],
  ] as const)('says who saved the plan since the page read it, keeps their values, and reloads them (%s)', async (lang, stale, reload, changedBy) => {
    const page = await signIn('dispatcher', lang);
    await page.waitForSelector('#plan-edit-department');
    await page.selectOption('#plan-edit-department', 'AGRI');
    await page.waitForSelector('main [data-department="AGRI"]');
    // Someone else saves the plan after this page read it.
    const { body: read } = await dispatch.http<Record<string, unknown>>('GET', '/api/plans/AGRI');
    const { updatedAt: _a, updatedBy: _b, department: _d, ...plan } = read;
    const theirs = lang === 'zh' ? 41 : 43;
    const put = await dispatch.http('PUT', '/api/plans/AGRI', {
      ...plan,
      annualRatios: { ...(plan.annualRatios as object), yellow: theirs / 100 },
      actor: 'ops-wang',
    });
    expect(put.status).toBe(200);

    await page.fill('input[name=ratio-yellow]', '77');
    await page.click('#plan-edit-save');
    await page.waitForSelector('#plan-edit-stale');
    expect(await page.textContent('#plan-edit-stale')).toContain(stale);
    expect(await page.textContent('#plan-edit-reload')).toBe(reload);
    const [row] = await dispatch.dataSource.query(
      `SELECT (annual_ratios->>'yellow')::float AS yellow, updated_by FROM dispatch.department_plans WHERE department = 'AGRI'`,
    );
    expect(row).toEqual({ yellow: theirs / 100, updated_by: 'ops-wang' });

    await page.click('#plan-edit-reload');
    await page.waitForFunction((v) => (document.querySelector('input[name=ratio-yellow]') as HTMLInputElement | null)?.value === v, String(theirs));
    expect(await page.textContent('#plan-edit-changed')).toContain(changedBy);
    expect(await page.$('#plan-edit-stale')).toBeNull();
    await page.close();
  });

  it.each([
    ['zh', '部门计划，由 dispatcher 操作', '绿色年度抽查比例：', '工作日历，由 dispatcher 操作', '类型：— → 节假日（不安排检查）'],
    ['en', 'Department plan, by dispatcher', 'Green inspected per year: ', 'Working-day calendar, by dispatcher', 'Kind: — → Holiday (no visits)'],
  ] as const)('shows oversight, in the record, who changed which value of a plan or a day from what to what (%s)', async (lang, plan, green, day, kind) => {
    const settings = async () => (await getJson<unknown[]>(`${oversight.baseUrl}/api/audit/entries?kind=dispatch-setting&limit=50`)).body;
    expect(await eventually(async () => (await settings()).length >= 7)).toBe(true);
    const page = await signInPage(browser, web.baseUrl, 'overseer', { lang });
    await page.goto(`${web.baseUrl}/#/audit`);
    await page.waitForSelector('#audit-table [data-setting="plan"]');
    const notes = await page.$$eval('#audit-table [data-setting]', (cells) => cells.map((c) => c.textContent ?? ''));
    const greenChange = notes.find((n) => n.startsWith(plan) && n.includes(green));
    // The first test's two saves: 6% then 8% green (from the seed's share before them).
    expect(greenChange).toMatch(lang === 'zh' ? /绿色年度抽查比例：6% → 8%/ : /Green inspected per year: 6% → 8%/);
    expect(notes.some((n) => n.startsWith(day) && n.includes(kind))).toBe(true);
    // A day's date names the entry already: it is not listed as a change.
    expect(notes.join('\n')).not.toMatch(/date: |日期：/);
    await page.close();
  });

  it.each([
    [
      'zh',
      '不看风险、完全随机抽取的比例',
      '比例须为 0% 至 100% 之间的数字。',
      '须为 1 至 90 之间的整数。',
      '须为 0 至 52 之间的整数。',
      '最近由 dispatcher 于',
      12,
      3,
    ],
    [
      'en',
      'taken at random regardless of risk',
      'A share must be a number from 0% to 100%.',
      'Must be a whole number from 1 to 90.',
      'Must be a whole number from 0 to 52.',
      'Last changed by dispatcher on',
      14,
      5,
    ],
  ] as const)(
    'changes the exploration share and a yearly cap, refusing a bad value beside its field (%s)',
    async (lang, explained, badShare, badDays, badCap, changedBy, share, cap) => {
      const page = await signIn('dispatcher', lang);
      await page.waitForSelector('#policy-settings input[name=explorationShare]');
      expect(await page.textContent('#policy-settings')).toContain(explained);
      const policy = async () =>
        Object.fromEntries(
          (await dispatch.dataSource.query(`SELECT key, value, updated_by FROM dispatch.policy WHERE key IN ('explorationShare', 'complaintDueDays')`)).map(
            (r: { key: string; value: unknown; updated_by: string | null }) => [r.key, { value: r.value, by: r.updated_by }],
          ),
        );
      const before = await policy();

      await page.fill('#policy-settings input[name=explorationShare]', '150');
      await page.fill('#policy-settings input[name=complaintDueDays]', '0');
      await page.click('#policy-edit-save');
      await page.waitForSelector('#policy-settings [data-field="complaintDueDays"]');
      expect(await page.textContent('#policy-settings [data-field="explorationShare"]')).toBe(badShare);
      expect(await page.textContent('#policy-settings [data-field="complaintDueDays"]')).toBe(badDays);
      expect(await page.getAttribute('#policy-settings input[name=explorationShare]', 'aria-invalid')).toBe('true');
      expect(await page.$('#policy-settings [data-field="maxTeamSize"]')).toBeNull();
      expect(await policy()).toEqual(before);

      await page.fill('#policy-settings input[name=explorationShare]', String(share));
      await page.fill('#policy-settings input[name=complaintDueDays]', String(before.complaintDueDays.value));
      await page.click('#policy-edit-save');
      await page.waitForSelector('#policy-edit-saved');
      expect(await page.textContent('#policy-edit-changed')).toContain(changedBy);
      expect(await page.inputValue('#policy-settings input[name=explorationShare]')).toBe(String(share));
      expect(await page.$('#policy-settings [data-field]')).toBeNull();
      // Only the share changed: the due days, sent as they were, keep who set them.
      expect(await policy()).toEqual({ explorationShare: { value: share / 100, by: 'dispatcher' }, complaintDueDays: before.complaintDueDays });

      // The department plan's yearly cap per enterprise, beside the shares.
      await page.selectOption('#plan-edit-department', 'ENV');
      await page.waitForSelector('main [data-department="ENV"]');
      await page.fill('input[name=annualCapPerEnterprise]', '60');
      await page.click('#plan-edit-save');
      await page.waitForSelector('[data-field="annualCapPerEnterprise"]');
      expect(await page.textContent('[data-field="annualCapPerEnterprise"]')).toBe(badCap);
      await page.fill('input[name=annualCapPerEnterprise]', String(cap));
      await page.fill('input[name=uniformAnnualRatio]', String(share));
      await page.click('#plan-edit-save');
      await page.waitForSelector('#plan-edit-saved');
      expect(await page.$('[data-field="annualCapPerEnterprise"]')).toBeNull();
      expect(
        await dispatch.dataSource.query(
          `SELECT annual_cap_per_enterprise AS cap, uniform_annual_ratio::float AS uniform, coordinated, updated_by FROM dispatch.department_plans WHERE department = 'ENV'`,
        ),
      ).toEqual([{ cap, uniform: share / 100, coordinated: true, updated_by: 'dispatcher' }]);
      expect(await page.inputValue('input[name=annualCapPerEnterprise]')).toBe(String(cap));
      await page.screenshot({ path: join(SCREENSHOTS, `policy-settings-${lang}.png`), fullPage: true });
      await page.close();
    },
  );

  it('says who saved the policy since the page read it, and reloads their values (zh); a department may draw on its own numbers', async () => {
    const page = await signIn('dispatcher', 'zh');
    await page.waitForSelector('#policy-settings input[name=maxTeamSize]');
    const { body: read } = await dispatch.http<{ version: number }>('GET', '/api/policy');
    expect((await dispatch.http('PUT', '/api/policy', { maxTeamSize: 3, version: read.version, actor: 'ops-wang' })).status).toBe(200);
    await page.fill('#policy-settings input[name=maxTeamSize]', '6');
    await page.click('#policy-edit-save');
    await page.waitForSelector('#policy-edit-stale');
    expect(await page.textContent('#policy-edit-stale')).toContain('保存未成功：ops-wang 在您打开此页后于');
    expect(await page.textContent('#policy-edit-stale')).toContain('修改了调度规则');
    expect((await dispatch.http<{ maxTeamSize: number }>('GET', '/api/policy')).body.maxTeamSize).toBe(3);
    await page.click('#policy-edit-reload');
    await page.waitForFunction(() => (document.querySelector('#policy-settings input[name=maxTeamSize]') as HTMLInputElement | null)?.value === '3');
    expect(await page.textContent('#policy-edit-changed')).toContain('最近由 ops-wang 于');

    await page.selectOption('#plan-edit-department', 'EMG');
    await page.waitForSelector('main [data-department="EMG"]');
    await page.uncheck('input[name=coordinated]');
    await page.click('#plan-edit-save');
    await page.waitForSelector('#plan-edit-saved');
    expect(await dispatch.dataSource.query(`SELECT coordinated FROM dispatch.department_plans WHERE department = 'EMG'`)).toEqual([{ coordinated: false }]);
    await page.close();
  });

  it('shows a department officer the plans but not the editor', async () => {
    const page = await signIn('officer', 'zh');
    await page.waitForSelector('main .card');
    expect(await page.$('#plan-settings')).toBeNull();
    expect(await page.$('#work-calendar')).toBeNull();
    expect(await page.$('#policy-settings')).toBeNull();
    await page.close();
  });
});
