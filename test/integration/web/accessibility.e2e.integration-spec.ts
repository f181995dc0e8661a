import type { Page } from 'playwright-core';
import { A11Y_ANSWERS } from './accessibility.fixtures';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser } from './suite-process.harness';

/**
 * The pages by keyboard and as a screen reader meets them (WCAG 2.2 AA), in a real browser against
 * the web app with the other apps faked: where the focus goes, what is announced and tied to what,
 * which state is said in more than colour, and the contrast of the risk colours' badges.
 */
/** What element has the focus, as a short description. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    return { tag: el.tagName.toLowerCase(), id: el.id, text: el.textContent?.trim() ?? '', role: el.getAttribute('role') };
  });

describeWithBrowser('the pages by keyboard and screen reader, in a real browser', () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages(A11Y_ANSWERS);
  }, 60_000);
  afterAll(() => pages?.close());

  const signIn = (username: string, width = 1360, bypassCSP = false) => pages.signIn(username, { width, bypassCSP });

  async function settled(page: Page): Promise<void> {
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#main')?.dataset.page && !document.querySelector('[data-state="loading"]'));
  }

  it('starts the login in the username and ties a missing entry to its field', async () => {
    const page = await pages.browser.newPage();
    await page.goto(`${pages.web.baseUrl}/`);
    await page.waitForSelector('#login-form');
    expect(await focused(page)).toMatchObject({ tag: 'input' });
    expect(await page.title()).toBe('登录 · 天平 Tianping');
    await page.fill('input[name=username]', 'ent');
    await page.keyboard.press('Enter');
    const password = page.locator('input[name=password]');
    await page.waitForSelector('input[name=password][aria-invalid=true]');
    expect(await password.evaluate((el) => el === document.activeElement)).toBe(true);
    const described = await password.getAttribute('aria-describedby');
    expect(await page.textContent(`#${described}`)).toBe('请输入用户名和密码。');
    await page.close();
  });

  it('moves the focus to the new page and names it after a route change made by keyboard', async () => {
    const page = await signIn('ent');
    await settled(page);
    expect(await page.title()).toBe('我的风险等级 · 天平 Tianping');
    expect(await page.getAttribute('nav.nav', 'aria-label')).toBe('主导航');
    expect(await page.getAttribute('nav.nav a[href="#/my"]', 'aria-current')).toBe('page');
    await page.focus('nav.nav a[href="#/my/records"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.title.startsWith('我的档案'));
    await settled(page);
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: '我的档案' });
    expect(await page.getAttribute('nav.nav a[href="#/my/records"]', 'aria-current')).toBe('page');
    expect(await page.getAttribute('nav.nav a[href="#/my"]', 'aria-current')).toBeNull();
    await page.close();
  });

  it('keeps the focus on the language toggle, switches lang, and rings it in white on the dark header', async () => {
    const page = await signIn('ent');
    await settled(page);
    expect(await page.getAttribute('#lang-toggle', 'lang')).toBe('en');
    await page.focus('#lang-toggle');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await settled(page);
    expect(await focused(page)).toMatchObject({ id: 'lang-toggle', text: '中文' });
    expect(await page.getAttribute('nav.nav', 'aria-label')).toBe('Main');
    expect(await page.title()).toBe('My risk rating · 天平 Tianping');
    expect(await page.$eval('#lang-toggle', (el) => getComputedStyle(el).outlineColor)).toBe('rgb(255, 255, 255)');
    await page.close();
  });

  it('offers a skip link first that takes the focus to the page', async () => {
    const page = await signIn('ent');
    await settled(page);
    const first = await page.evaluate(() => {
      const stop = Array.from(document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')).find(
        (el) => el.tabIndex >= 0,
      )!;
      return { className: stop.className, text: stop.textContent };
    });
    expect(first).toEqual({ className: 'skip-link', text: '跳到主要内容' });
    await page.focus('.skip-link');
    expect(await page.$eval('.skip-link', (link) => link.getBoundingClientRect().top >= 0)).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: '我的风险等级' });
    expect(await page.evaluate(() => location.hash)).toBe('#/my');
    await page.close();
  });

  it('gives the risk colours and muted text at least 4.5:1 and reads the reasons chart in words', async () => {
    const page = await signIn('ent');
    await settled(page);
    const ratios = await page.evaluate(() => {
      const rgb = (css: string) =>
        css
          .match(/\d+(\.\d+)?/g)!
          .slice(0, 3)
          .map(Number);
      const lum = (c: number[]) => {
        const [r, g, b] = c.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a: number[], b: number[]) => {
        const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
        return (hi + 0.05) / (lo + 0.05);
      };
      const probe = (className: string, on = '#ffffff') => {
        const holder = document.createElement('div');
        holder.style.background = on;
        const el = document.createElement('span');
        el.className = className;
        el.textContent = 'x';
        holder.append(el);
        document.body.append(holder);
        const style = getComputedStyle(el);
        const back = style.backgroundColor === 'rgba(0, 0, 0, 0)' ? getComputedStyle(holder).backgroundColor : style.backgroundColor;
        const value = ratio(rgb(style.color), rgb(back));
        holder.remove();
        return value;
      };
      return {
        green: probe('chip green'),
        yellow: probe('chip yellow'),
        red: probe('chip red'),
        none: probe('chip none'),
        muted: probe('muted'),
        mutedOnPage: probe('muted', '#f5f7fa'),
        badgeOk: probe('badge ok'),
        badgeWarn: probe('badge warn'),
      };
    });
    for (const [name, value] of Object.entries(ratios)) expect([name, value >= 4.5]).toEqual([name, true]);
    expect(await page.getAttribute('#reasons-chart svg', 'aria-hidden')).toBe('true');
    expect(await page.$$eval('#reasons-chart [data-chart-text] li', (items) => items.map((li) => li.textContent))).toEqual([
      '近三年违法次数：升高风险，×2.5',
      '近一年投诉举报：升高风险，+84%',
      '存续年限：降低风险，−34%',
    ]);
    await page.close();
  });

  it('stops the skeleton and progress animations when less motion is asked for, and says "loading"', async () => {
    // An inline module script needs the page's CSP set aside; the helpers tested are the page's own.
    const page = await signIn('ent', 1360, true);
    await settled(page);
    // The page's own helpers, as the pages import them (a module script; the test's code is CommonJS).
    await page.addScriptTag({ type: 'module', content: "import { loading, progressPanel } from '/ui.js'; window.tpUi = { loading, progressPanel };" });
    await page.waitForFunction(() => 'tpUi' in window);
    type Ui = { loading: () => HTMLElement; progressPanel: (steps: string[], message: string) => { element: HTMLElement; finish: () => void } };
    const animations = () =>
      page.evaluate(() => {
        const { loading, progressPanel } = (window as unknown as { tpUi: Ui }).tpUi;
        const skeleton = loading();
        const progress = progressPanel(['a'], 'm');
        document.body.append(skeleton, progress.element);
        const names = [
          getComputedStyle(skeleton.querySelector('.skeleton')!).animationName,
          getComputedStyle(progress.element.querySelector('.progress > div')!).animationName,
        ];
        const said = { role: skeleton.getAttribute('role'), text: skeleton.textContent };
        progress.finish();
        skeleton.remove();
        progress.element.remove();
        return { names, said };
      });
    expect((await animations()).names).toEqual(['shimmer', 'slide']);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const reduced = await animations();
    expect(reduced.names).toEqual(['none', 'none']);
    expect(reduced.said).toEqual({ role: 'status', text: '正在加载…' });
    await page.close();
  });

  it('draws the risk map with a shape for each colour, not colour alone, and the legend to match', async () => {
    const page = await signIn('ent', 1360, true);
    await settled(page);
    await page.addScriptTag({ type: 'module', content: "import { riskMap } from '/charts.js'; window.tpMap = riskMap;" });
    await page.waitForFunction(() => 'tpMap' in window);
    const shapes = await page.evaluate(() => {
      const riskMap = (window as unknown as { tpMap: (points: object[]) => HTMLElement }).tpMap;
      const points = ['red', 'yellow', 'green', undefined].map((colour, i) => ({ creditCode: `C${i}`, colour, lng: 113 + i / 100, lat: 23 + i / 100 }));
      const map = riskMap(points);
      const marks = Array.from(map.querySelectorAll('.map-wrap [data-colour]')).map((m) => [m.getAttribute('data-colour'), m.tagName]);
      const legend = Array.from(map.querySelectorAll('.legend [data-colour]')).map((m) => [m.getAttribute('data-colour'), m.tagName]);
      return { marks: marks.sort(), legend: legend.sort() };
    });
    const expected = [
      ['green', 'circle'],
      ['none', 'circle'],
      ['red', 'polygon'],
      ['yellow', 'rect'],
    ];
    expect(shapes).toEqual({ marks: expected, legend: expected });
    await page.close();
  });

  it('ties the appeal form problems to their fields and puts the focus on the first', async () => {
    const page = await signIn('ent');
    await page.evaluate(() => (location.hash = '#/my/appeals'));
    await page.waitForSelector('#appeal-form');
    await page.focus('#appeal-submit');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#appeal-problems');
    const grounds = page.locator('textarea[name=grounds]');
    expect(await grounds.getAttribute('aria-invalid')).toBe('true');
    expect(await grounds.evaluate((el) => el === document.activeElement)).toBe(true);
    const ids = (await grounds.getAttribute('aria-describedby'))!.split(' ');
    expect(ids).toEqual(expect.arrayContaining(['appeal-grounds-help', 'appeal-grounds-count']));
    const problem = ids.find((id) => id.startsWith('problem-'))!;
    expect(await page.$eval(`#${problem}`, (el) => el.closest('#appeal-problems') !== null)).toBe(true);
    await grounds.fill('记录有误，请复核这一次的检查结果。');
    expect(await grounds.getAttribute('aria-invalid')).toBeNull();
    await page.close();
  });

  it('rates a visit with stars whose choice is said in text and to screen readers, not by colour alone', async () => {
    const page = await signIn('ent', 390);
    await page.evaluate(() => (location.hash = '#/my/visits'));
    await page.waitForSelector('.stars button');
    const group = page.locator('.stars');
    expect(await group.getAttribute('role')).toBe('group');
    expect(await page.textContent(`#${await group.getAttribute('aria-labelledby')}`)).toBe('为本次检查评分');
    await page.focus('.stars button:nth-child(3)');
    await page.keyboard.press('Enter');
    expect(await page.$$eval('.stars button', (bs) => bs.map((b) => [b.textContent, b.getAttribute('aria-pressed'), b.getAttribute('aria-label')]))).toEqual([
      ['★', 'false', '1 星'],
      ['★', 'false', '2 星'],
      ['★', 'true', '3 星'],
      ['☆', 'false', '4 星'],
      ['☆', 'false', '5 星'],
    ]);
    expect(await page.textContent('.stars-chosen')).toBe('已选 3 星');
    const size = await page.$eval('.stars button', (b) => b.getBoundingClientRect());
    expect(size.width).toBeGreaterThanOrEqual(24);
    expect(size.height).toBeGreaterThanOrEqual(24);
    await page.close();
  });

  it('works the review queue by keyboard: tabs, the decision form, its problems and the confirm step', async () => {
    const page = await signIn('overseer');
    await page.waitForSelector('#appeals-queue [role=tab]');
    await settled(page);
    const selected = () =>
      page.$$eval('#appeals-queue [role=tab]', (tabs) => tabs.filter((tab) => tab.getAttribute('aria-selected') === 'true').map((tab) => tab.dataset.tab));
    expect(await selected()).toEqual(['filed']);
    expect(await page.$$eval('#appeals-queue [role=tab]', (tabs) => tabs.map((tab) => tab.tabIndex))).toEqual([0, -1, -1, -1, -1, -1, -1]);
    await page.focus('#appeals-queue [role=tab][aria-selected=true]');
    await page.keyboard.press('ArrowRight');
    expect(await selected()).toEqual(['in-review']);
    expect(await focused(page)).toMatchObject({ role: 'tab' });
    expect(await page.$eval('#appeals-queue [role=tab][aria-selected=true]', (tab) => tab === document.activeElement)).toBe(true);
    const panel = await page.getAttribute('#appeals-queue-list', 'aria-labelledby');
    expect(await page.getAttribute(`#${panel}`, 'data-tab')).toBe('in-review');
    await page.keyboard.press('End');
    expect(await selected()).toEqual(['all']);

    const decide = page.locator('[data-decide="s-1"]');
    expect(await decide.getAttribute('aria-expanded')).toBe('false');
    await decide.focus();
    await page.keyboard.press('Enter');
    expect(await decide.getAttribute('aria-expanded')).toBe('true');
    await page.click('.decision-form button[type=submit]');
    const reasons = page.locator('.decision-form textarea[name=reasons]');
    expect(await reasons.getAttribute('aria-invalid')).toBe('true');
    expect(await reasons.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.textContent(`#${await reasons.getAttribute('aria-describedby')}`)).toBe('请写明理由（至少 5 个字）。');

    await reasons.fill('核实无误，维持红色。');
    await page.keyboard.press('Tab');
    await page.focus('.decision-form button[type=submit]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alertdialog]');
    expect(await page.$eval('[role=alertdialog]', (dialog) => dialog.contains(document.activeElement))).toBe(true);
    expect(await page.getAttribute('[role=alertdialog]', 'aria-labelledby')).toBeTruthy();
    await page.keyboard.press('Escape');
    expect(await page.$('[role=alertdialog]')).toBeNull();
    await page.waitForFunction(() => document.activeElement?.matches('.decision-form button[type=submit]'));

    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alertdialog]');
    await page.click('[data-confirm-yes]');
    await page.waitForSelector('[data-decided]');
    expect(await page.$eval('[data-decided]', (notice) => notice === document.activeElement)).toBe(true);
    await page.close();
  });

  it.each([
    ['ent', '#/my'],
    ['ent', '#/my/records'],
    ['ent', '#/my/appeals/AP-2026-0001'],
    ['overseer', '#/reviews/appeals/AP-2026-0001'],
  ])('lets %s print %s: the page alone, without the header or its buttons', async (username, hash) => {
    const page = await signIn(username);
    await page.evaluate((to) => (location.hash = to), hash);
    await page.waitForSelector('#print-page');
    await page.waitForFunction(() => !document.querySelector('[data-state="loading"]'));
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#print-page')).toBe(false);
    expect(await page.isVisible('.topbar')).toBe(false);
    expect(await page.isVisible('main h1')).toBe(true);
    await page.close();
  });

  it.each([
    ['an enterprise withdrawing its appeal', 'ent', `#/my/appeals/AP-2026-0001`, '#withdraw-submit'],
    ['an administrator discarding a quarantined record', 'admin', '#/quarantine/5', '#discard-submit'],
  ])('returns the focus to the button that asked when %s cancels the confirm step', async (_who, username, hash, button) => {
    const page = await signIn(username);
    await page.evaluate((to) => (location.hash = to), hash);
    await page.waitForSelector(button);
    if (username === 'admin') await page.fill('#discard-reason', '测试导出中的重复行');
    await page.focus(button);
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alertdialog]');
    // A step that cannot be undone puts the focus on "cancel", so a second Enter does not do it.
    expect(await focused(page)).toMatchObject({ tag: 'button', text: '取消' });
    await page.keyboard.press('Escape');
    expect(await page.$('[role=alertdialog]')).toBeNull();
    await page.waitForFunction((selector) => document.activeElement?.matches(selector), button);
    await page.close();
  });

  it('says what is stuck on the health page in words, fits a phone, and replays a dead letter by keyboard with a confirm step', async () => {
    const page = await signIn('admin', 390);
    await page.evaluate(() => (location.hash = '#/health'));
    await page.waitForSelector('#dead-letter-list');
    await settled(page);
    expect(await page.title()).toBe('运行状况 · 天平 Tianping');
    expect(await page.getAttribute('nav.nav a[href="#/health"]', 'aria-current')).toBe('page');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // State and warnings are words, not colours: the tile says 就绪, the warning names the failure.
    expect(await page.textContent('#health-services .tile[data-app="web"]')).toContain('就绪');
    expect(await page.getAttribute('#health-summary [data-attention]', 'role')).toBe('status');
    const failing = (await page.textContent('[data-consumer-warnings="intake-visit-results"] [data-warning="consumer_failing"]'))!;
    expect(failing).toContain('注意');
    expect(failing).toContain('连续失败 4 次');
    expect(failing).toContain('connect ECONNREFUSED 127.0.0.1:5432');
    expect(await page.textContent('[data-outbox-warnings="intake.outbox"]')).toContain('7 分钟');

    await page.focus('#dead-letter-list a[data-dead-letter="7"]');
    expect(await page.getAttribute('#dead-letter-list a[data-dead-letter="7"]', 'aria-label')).toBe('查看死信 7');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#dead-letter-payload');
    await settled(page);
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: '死信 #7' });
    await page.focus('#dead-letter-replay');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alertdialog]');
    expect(await page.$eval('[role=alertdialog]', (dialog) => dialog.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Escape');
    expect(await page.$('[role=alertdialog]')).toBeNull();
    await page.waitForFunction(() => document.activeElement?.id === 'dead-letter-replay');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[role=alertdialog]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#dead-letter-outcome[data-replayed="7"]');
    expect(await page.$eval('#dead-letter-outcome', (notice) => notice === document.activeElement && notice.getAttribute('role'))).toBe('status');
    expect(await page.textContent('#dead-letter-outcome')).toContain('新序号 41');
    await page.close();
  });
});
