import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startBureauSuite, type BureauSuite } from './bureau-suite.harness';
import { settle, signInPage } from './fake-pages.harness';
import { chinaDayIn, COLLEAGUE, LAPSING, OWN_OFFICER, seedRegister, VISIT } from './officer-register.fixture';
import { CHROMIUM, describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OTHER_CODE } from './web-app.harness';

/**
 * The officer-absent action (人员缺勤) on the officers page in a real browser, in front of the real gateway and
 * dispatch: the dispatcher enters the absence, reads the proposal (which visit, which replacement), confirms,
 * and the visit's team has changed; the proposal reads in English too.
 */
describeWithBrowser('an absent officer replaced on all the visits of the absence, in a real browser', () => {
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

  it('enters the absence, shows the proposal in Chinese and English, and applies it on confirming', async () => {
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
    expect(proposal).toContain('建议更换 1 天中的 1 次检查；0 次无人可替');
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
    expect(await page.innerText('[data-cover-done]')).toBe('已更换 1 次检查；0 次无人可替，未改动。');
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
