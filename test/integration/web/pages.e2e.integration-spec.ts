import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { browserMissing, CHROMIUM, DEMO_PASSWORD, SCREENSHOTS, startSuite, type RunningSuite } from './suite-process.harness';

/**
 * The pages in a real headless Chromium against the suite started as `npm start` starts it.
 * Screenshots of every page are kept under test-artifacts/screenshots.
 */
const missing = browserMissing();
if (missing) {
  // eslint-disable-next-line no-console
  console.warn(`browser tests skipped: ${missing}`);
}
const describeWithBrowser = missing ? describe.skip : describe;

describeWithBrowser('the pages, driven in a real browser against the running suite', () => {
  let suite: RunningSuite;
  let browser: Browser;
  const problems: string[] = [];

  beforeAll(async () => {
    suite = await startSuite(280_000);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await suite?.stop();
  }, 60_000);

  async function signIn(username: string, lang: 'zh' | 'en' = 'zh'): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.addInitScript((l) => localStorage.setItem('tp.lang', l), lang);
    // Script errors are failures; 4xx/5xx answers the pages handle are not.
    page.on('pageerror', (error) => problems.push(`${username}: ${error.message}`));
    await page.goto(`${suite.webUrl}/`);
    await page.waitForSelector('#login-form');
    await page.fill('input[name=username]', username);
    await page.fill('input[name=password]', DEMO_PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#sign-out');
    return page;
  }

  /** Waits until no skeleton is left on the page, then keeps a full-page screenshot. */
  async function settle(page: Page, name: string): Promise<void> {
    await page.waitForFunction(() => !document.querySelector('[data-state="loading"]'), undefined, { timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  }

  it('shows the login page, in Chinese by default, and refuses a wrong password', async () => {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(`${suite.webUrl}/`);
    await page.waitForSelector('#login-form');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.screenshot({ path: join(SCREENSHOTS, '01-login.png'), fullPage: true });
    await page.fill('input[name=username]', 'demo-enterprise');
    await page.fill('input[name=password]', 'not-the-password-1');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('.notice.bad');
    expect(await page.textContent('.notice.bad')).toContain('用户名或密码错误');
    await page.close();
  });

  it('lets an enterprise read its colour and reasons, its records and its visit notices, and nothing of others', async () => {
    const page = await signIn('demo-enterprise');
    expect(page.url()).toMatch(/#\/my$/);
    await settle(page, '02-enterprise-risk');
    const hasScore = (await page.$('[data-testid="risk-hero"]')) !== null;
    if (hasScore) {
      expect(await page.$$('#reasons-chart svg rect')).not.toHaveLength(0);
    } else {
      // Scoring has not scored this enterprise yet: the page says so instead of showing numbers.
      expect(await page.$('[data-state="empty"], [data-state="unavailable"]')).not.toBeNull();
    }
    await page.goto(`${suite.webUrl}/#/my/records`);
    await settle(page, '03-enterprise-records');
    expect(await page.$$('table tbody tr')).not.toHaveLength(0);
    await page.goto(`${suite.webUrl}/#/my/visits`);
    await settle(page, '04-enterprise-visits');

    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).json());
    const someoneElse = await page.evaluate(async (own: string) => {
      const list = await fetch(`/api/enterprises/${own}`);
      const other = own.endsWith('0') ? `${own.slice(0, 17)}1` : `${own.slice(0, 17)}0`;
      return { own: list.status, other: (await fetch(`/api/enterprises/${other}`)).status, otherScore: (await fetch(`/api/scores/${other}`)).status, list: (await fetch('/api/enterprises')).status };
    }, me.creditCode);
    expect(someoneElse).toEqual({ own: 200, other: 404, otherScore: 404, list: 403 });

    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await settle(page, '05-enterprise-visits-en');
    await page.goto(`${suite.webUrl}/#/my`);
    await settle(page, '06-enterprise-risk-en');
    await page.close();
  }, 120_000);

  it.todo('lets an enterprise file an appeal with evidence and keep the receipt (appeals are not built yet)');
  it.todo('lets an oversight officer decide an appeal with reasons (appeals are not built yet)');

  it('lets a dispatcher browse enterprises by risk, draw a plan with its seed, and open its joint visits', async () => {
    const page = await signIn('demo-dispatcher');
    expect(page.url()).toMatch(/#\/enterprises$/);
    await settle(page, '07-bureau-enterprises');
    expect(await page.$$('#enterprise-table tbody tr')).not.toHaveLength(0);
    expect(await page.$$('.map-wrap circle')).not.toHaveLength(0);

    await page.goto(`${suite.webUrl}/#/plans`);
    await settle(page, '08-bureau-plans-before');
    await page.fill('#draw-form input[name=seed]', 'e2e-seed-2026');
    await page.click('#draw-submit');
    await page.waitForSelector('[data-progress="running"]');
    await page.screenshot({ path: join(SCREENSHOTS, '09-bureau-draw-progress.png'), fullPage: true });
    await page.waitForSelector('#draw-outcome, [data-state="error"], [data-state="unavailable"]', { timeout: 240_000 });
    const drawId = await page.getAttribute('#draw-outcome', 'data-draw-id');
    expect(drawId).toMatch(/^[0-9a-f-]{36}$/);
    await settle(page, '10-bureau-draw-done');

    await page.goto(`${suite.webUrl}/#/plans/${drawId}`);
    await settle(page, '11-bureau-draw-detail');
    expect(await page.textContent('#draw-seed')).toBe('e2e-seed-2026');

    await page.goto(`${suite.webUrl}/#/calendar`);
    await settle(page, '12-bureau-calendar');
    const firstVisit = await page.$('table tbody tr td a[href^="#/visits/"]');
    if (firstVisit) {
      await firstVisit.click();
      await page.waitForSelector('h1');
      await settle(page, '13-bureau-visit');
    }
    await page.close();
  }, 300_000);

  it('lets a department officer open an enterprise file from the list', async () => {
    const page = await signIn('demo-samr');
    await settle(page, '14-department-enterprises');
    await page.click('#enterprise-table tbody tr:first-child a');
    await page.waitForSelector('.kv');
    await settle(page, '15-department-enterprise-file');
    await page.close();
  }, 120_000);

  it('lets an oversight officer verify the record and read the model registry', async () => {
    const page = await signIn('demo-oversight');
    expect(page.url()).toMatch(/#\/audit$/);
    await settle(page, '16-oversight-audit');
    await page.click('#verify-button');
    await page.waitForSelector('#verify-result, [data-state="error"]', { timeout: 120_000 });
    expect(await page.getAttribute('#verify-result', 'class')).toContain('ok');
    await settle(page, '17-oversight-verified');
    await page.goto(`${suite.webUrl}/#/models`);
    await settle(page, '18-oversight-models');
    await page.goto(`${suite.webUrl}/#/access-log`);
    await settle(page, '19-oversight-access-log');
    // Every view of an enterprise file above was logged.
    expect(await page.$$('table tbody tr')).not.toHaveLength(0);
    await page.close();
  }, 180_000);

  it('lets an administrator manage accounts, and shows the API documentation', async () => {
    const page = await signIn('demo-admin');
    await settle(page, '20-admin-accounts');
    expect(await page.textContent('main')).toContain('demo-enterprise');
    await page.goto(`${suite.webUrl}/docs.html`);
    await page.waitForSelector('table');
    await page.screenshot({ path: join(SCREENSHOTS, '21-api-docs.png'), fullPage: true });
    await page.close();
  }, 120_000);

  it('raised no script errors on any page', () => {
    expect(problems).toEqual([]);
  });
});
