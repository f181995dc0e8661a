import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startBureauSuite, type BureauSuite } from './bureau-suite.harness';
import { settle, signInPage } from './fake-pages.harness';
import { chinaDayIn, COLLEAGUE, LAPSING, OWN_OFFICER, seedRegister, VISIT } from './officer-register.fixture';
import { CHROMIUM, describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OTHER_CODE } from './web-app.harness';

/**
 * The officers page (#/officers) in a real browser, in front of the real gateway, dispatch and oversight:
 * the dispatcher reads the register, enters an absence, is sent to replace the officer on the visit still
 * scheduled, withdraws it after confirming; oversight's record page says what was done. Entered again, the
 * officer-absent action (人员缺勤) proposes who replaces the officer on which visit, and applies it on confirming.
 */
describeWithBrowser('the officers register and absences, in a real browser', () => {
  let suite: BureauSuite;
  let browser: Browser;

  beforeAll(async () => {
    suite = await startBureauSuite();
    await seedRegister(suite.dispatch, OTHER_CODE);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await suite?.close();
  });

  it('lists the register with a lapsing certificate marked, enters an absence, links the visit to replace, and withdraws it', async () => {
    const page = await signInPage(browser, suite.web.baseUrl, 'dispatcher', { lang: 'zh' });
    await page.click('nav a[href="#/officers"]');
    await page.waitForSelector(`[data-testid=officer-register] [data-officer="${OWN_OFFICER}"]`);
    await settle(page);
    expect(await page.innerText('h1')).toBe('执法人员名录');
    const register = await page.innerText('[data-testid=officer-register]');
    expect(register).toContain('30 天内到期');
    expect(await page.$$('[data-testid=officer-register] [data-cert=expiring]')).toHaveLength(1);
    expect(register).toContain(LAPSING);

    // The last day before the first is not sent.
    // A number not in the register is refused on the page, before dispatch is asked.
    await page.fill('input[name=officerId]', '44069999999');
    await page.click('[data-absence-add]');
    expect(await page.innerText('#absence-form .notice.bad')).toContain('名录中没有这名执法人员');
    await page.fill('input[name=officerId]', OWN_OFFICER);
    await page.fill('input[name=from]', chinaDayIn(3));
    await page.fill('input[name=to]', chinaDayIn(1));
    await page.click('[data-absence-add]');
    await page.waitForSelector('#absence-form .notice.bad');
    expect(await page.innerText('#absence-form .notice.bad')).toContain('结束日期不能早于开始日期');

    await page.selectOption('select[name=kind]', 'training');
    await page.fill('input[name=from]', chinaDayIn(1));
    await page.fill('input[name=to]', chinaDayIn(3));
    await page.click('[data-absence-add]');
    await page.waitForSelector('[data-absence-added]');
    await settle(page);
    expect(await page.innerText('[data-absence-added]')).toContain(`${OWN_OFFICER} 培训`);
    const replace = await page.getAttribute(`[data-absence-visits] [data-team-replace="${VISIT.id}"]`, 'href');
    expect(replace).toBe(`#/visits/${VISIT.id}/replace/${OWN_OFFICER}`);
    expect(await page.innerText('[data-absence-visits]')).toContain(VISIT.number);
    expect(await page.innerText('[data-testid=officer-absences]')).toContain(VISIT.number);
    expect(await page.$$(`[data-testid=officer-register] [data-absence]`)).toHaveLength(1);
    await page.screenshot({ path: join(SCREENSHOTS, 'officers-absence-added-zh.png'), fullPage: true });

    // Entered again over the same days: dispatch refuses, and the page says why.
    await page.click('[data-absence-add]');
    await page.waitForSelector('[data-absence-refused=absence_overlaps]');
    expect(await page.innerText('#absence-form .notice.bad')).toContain('该人员在这些日期已有登记');

    // From the list of absences, the replacement page opens with the officer to replace chosen.
    await page.click(`[data-testid=officer-absences] [data-team-replace="${VISIT.id}"]`);
    await page.waitForURL(`**/#/visits/${VISIT.id}/replace/${OWN_OFFICER}`);
    await page.goBack();
    await page.waitForSelector('[data-absence-withdraw]');
    await settle(page);

    await page.click('[data-absence-withdraw]');
    expect(await page.innerText('[data-confirm]')).toContain('撤销');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'DELETE'), page.click('[data-confirm-yes]')]);
    await page.waitForFunction(() => !document.querySelector('[data-absence-withdraw]'));
    await settle(page);
    expect(await page.innerText('[data-testid=officer-absences]')).toContain('今天及以后没有登记');
    await page.close();
  });

  it('shows the register in English to oversight, without the form, and its record names each entry and withdrawal', async () => {
    const page = await signInPage(browser, suite.web.baseUrl, 'overseer', { lang: 'en' });
    await page.goto(`${suite.web.baseUrl}/#/officers`);
    await page.waitForSelector(`[data-testid=officer-register] [data-officer="${OWN_OFFICER}"]`);
    await settle(page);
    expect(await page.innerText('h1')).toBe('Officers register');
    expect(await page.$('#absence-form')).toBeNull();

    // The register narrows to those needing attention (the lapsing certificate), and to a piece of a number.
    const shown = async () => page.$$eval('[data-testid=officer-register] [data-officer]', (cells) => cells.map((c) => c.textContent));
    expect(await shown()).toEqual([OWN_OFFICER, COLLEAGUE, LAPSING]);
    await page.selectOption('[data-register-filters] select[name=show]', 'attention');
    expect(await shown()).toEqual([LAPSING]);
    expect(await page.innerText('[data-register-count]')).toBe('Showing 1 of 3 officers.');
    await page.selectOption('[data-register-filters] select[name=show]', 'all');
    await page.fill('[data-register-filters] input[name=certificate]', COLLEAGUE.slice(-3));
    expect(await shown()).toEqual([COLLEAGUE]);
    await page.selectOption('[data-register-filters] select[name=show]', 'attention');
    expect(await page.innerText('[data-testid=officer-register]')).toContain('No officer matches these filters.');

    await page.goto(`${suite.web.baseUrl}/#/audit`);
    await page.waitForSelector('[data-setting=officer-absence] [data-absence=withdrawn]', { timeout: 20_000 });
    const added = await page.innerText('[data-setting=officer-absence]:has([data-absence=added])');
    expect(added).toContain(`${OWN_OFFICER} entered as away (Training): ${chinaDayIn(1)} to ${chinaDayIn(3)}`);
    expect(added).toContain('dispatcher');
    expect(await page.innerText('[data-setting=officer-absence]:has([data-absence=withdrawn])')).toContain('withdrawn');
    await page.close();
  });

  it('replaces the absent officer on all the visits of a new absence (人员缺勤): the proposal in Chinese and English, applied on confirming', async () => {
    const page = await signInPage(browser, suite.web.baseUrl, 'dispatcher', { lang: 'zh' });
    await page.goto(`${suite.web.baseUrl}/#/officers`);
    await page.waitForSelector('#absence-form');
    await settle(page);
    await page.fill('input[name=officerId]', OWN_OFFICER);
    await page.fill('input[name=from]', chinaDayIn(1));
    await page.fill('input[name=to]', chinaDayIn(3));
    await page.click('[data-absence-add]');
    await page.waitForSelector('[data-absence-added]');
    await settle(page);

    await page.click('#absence-form [data-absence-cover-open]');
    await page.waitForSelector('#absence-form [data-testid=absence-cover]');
    const proposal = await page.innerText('#absence-form [data-testid=absence-cover]');
    expect(proposal).toContain('建议更换 1 天中的 1 次检查；0 次不能更换');
    expect(proposal).toContain(VISIT.number);
    // The only officer free that day and certified: the one whose certificate lapses in ten days.
    expect(await page.getAttribute(`#absence-form [data-cover-in]`, 'data-cover-in')).toBe(LAPSING);
    expect(await page.inputValue('#absence-form textarea[name=coverReason]')).toBe('人员缺勤');
    await page.screenshot({ path: join(SCREENSHOTS, 'officers-absent-proposal-zh.png'), fullPage: true });

    const english = await signInPage(browser, suite.web.baseUrl, 'dispatcher', { lang: 'en' });
    await english.goto(`${suite.web.baseUrl}/#/officers`);
    await english.waitForSelector('[data-testid=officer-absences] [data-absence-cover-open]');
    await settle(english);
    expect(await english.innerText('[data-testid=officer-absences] [data-absence-cover-open]')).toBe('Officer absent: replace on every visit');
    await english.click('[data-testid=officer-absences] [data-absence-cover-open]');
    await english.waitForSelector('[data-testid=absence-cover]');
    expect(await english.innerText('[data-testid=absence-cover]')).toContain('Visits to replace: 1, over 1 days; cannot be covered: 0.');
    await english.close();

    await page.click('#absence-form [data-cover-confirm]');
    expect(await page.innerText('[data-confirm]')).toContain(`在 1 次检查中更换 ${OWN_OFFICER}`);
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/replacements')), page.click('[data-confirm-yes]')]);
    await page.waitForSelector('[data-cover-done]');
    expect(await page.innerText('[data-cover-done]')).toBe('已更换 1 次检查；0 次不能更换，未改动。');
    // What the absence's notice listed to replace is answered: the list is gone with the action.
    expect(await page.$('#absence-form [data-absence-visits]')).toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'officers-absent-cover-zh.png'), fullPage: true });
    await settle(page);
    // The list of absences no longer names the visit: nothing left to replace, so no action either.
    expect(await page.$('[data-testid=officer-absences] [data-absence-cover-open]')).toBeNull();
    await page.close();

    const [team] = await suite.dispatch.dataSource.query(
      `SELECT array_agg(officer_id ORDER BY officer_id) AS ids FROM dispatch.visit_officers WHERE visit_id = $1`,
      [VISIT.id],
    );
    expect(team.ids).toEqual([COLLEAGUE, LAPSING].sort());
  });
});
