import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser } from './suite-process.harness';
import { TEST_PASSWORD } from './web-app.harness';

describeWithBrowser('the sign-in page when sign-ins are slowed, in a real browser', () => {
  let pages: FakePages;
  beforeAll(async () => {
    pages = await startFakePages({});
  });
  afterAll(() => pages?.close());

  it('says how many seconds to wait, not that the name is locked for minutes, and keeps the button until then', async () => {
    const page = await pages.browser.newPage();
    // The page's own clock, moved on by the test: the wait is a minute, which no test should sit through.
    await page.clock.install();
    await page.goto(`${pages.web.baseUrl}/`);
    await page.fill('input[name=username]', 'officer');
    await page.fill('input[name=password]', TEST_PASSWORD);
    // A name guessed from many addresses just now: its owner is slowed for the longest wait, not locked out.
    await pages.web.dataSource.query(
      `INSERT INTO web.login_attempts (username, ip, succeeded, at) SELECT 'officer', '203.0.113.' || n, false, now() FROM generate_series(1, 16) n`,
    );
    await page.click('#login-form button[type=submit]');
    const notice = page.locator('#login-form [role=alert] .notice');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/请 \d+ 秒后再试/);
    expect(await notice.textContent()).not.toContain('分钟');
    expect(await page.isDisabled('#login-form button[type=submit]')).toBe(true);
    // A minute later, on both clocks, the same click signs in.
    await pages.web.dataSource.query(`UPDATE web.login_attempts SET at = at - interval '61 seconds'`);
    await page.clock.fastForward(61_000);
    await page.waitForSelector('#login-form button[type=submit]:not([disabled])');
    await page.click('#login-form button[type=submit]');
    await page.waitForSelector('#sign-out');
    await page.close();
  });
});
