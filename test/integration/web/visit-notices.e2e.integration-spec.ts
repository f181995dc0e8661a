import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE } from './web-app.harness';

/**
 * The enterprise's visit notices in a real browser in front of a fake suite: an announced visit says which
 * department comes to re-inspect which earlier finding; one an extension (延期整改) cancelled, or a newer plan
 * cut, stays on the list as cancelled with why in plain words; one that gave up its re-inspection says so.
 */

const notice = (n: number, fields: Record<string, unknown>) => ({
  visitId: `0b6c8a55-5f0e-4d7e-9a7a-00000000090${n}`,
  visitNo: `TP-2026-00090${n}`,
  status: 'scheduled',
  results: null,
  followUps: [],
  cancelledBecause: null,
  released: [],
  rectifyBy: null,
  originalRectifyBy: null,
  canRate: false,
  rating: null,
  ...fields,
});

/** CITY comes back to re-inspect what its visit of 4 December found. */
const REINSPECTION = notice(1, {
  date: '2026-12-15',
  departments: ['CITY'],
  checklist: ['CITY-01', 'CITY-02', 'CITY-03', 'CITY-04'],
  followUps: [{ department: 'CITY', inspectionRef: 'TP-2026-000140', source: 'visit', inspectedOn: '2026-12-04' }],
});
/** The re-inspection of a platform case was its only work: cancelled when the deadline moved to 28 December. */
const CANCELLED = notice(2, {
  date: '2026-12-16',
  status: 'cancelled',
  departments: ['SAMR'],
  checklist: ['SAMR-01'],
  followUps: [{ department: 'SAMR', inspectionRef: 'FS-SAMR-2026-000031', source: 'case', inspectedOn: '2026-11-20' }],
  cancelledBecause: 'follow-up-released',
  released: [
    {
      cancelled: true,
      deadline: '2026-12-28',
      followUps: [{ department: 'SAMR', inspectionRef: 'FS-SAMR-2026-000031', source: 'case', inspectedOn: '2026-11-20' }],
      departmentsRemoved: [],
    },
  ],
});
/** A joint visit that gave up SAMR's re-inspection; FIRE still comes. */
const KEPT = notice(3, {
  date: '2026-12-17',
  departments: ['FIRE'],
  checklist: ['FIRE-01'],
  released: [
    {
      cancelled: false,
      deadline: '2026-12-30',
      followUps: [{ department: 'SAMR', inspectionRef: 'TP-2026-000150', source: 'visit', inspectedOn: '2026-12-01' }],
      departmentsRemoved: ['SAMR'],
    },
  ],
});
/** Cancelled from the day a newer plan took over. */
const CUT = notice(4, { date: '2026-12-18', status: 'cancelled', departments: ['HRSS'], checklist: ['HRSS-01'], cancelledBecause: 'plan-cut' });

describeWithBrowser("the enterprise's visit notices: re-inspections and cancellations, in a real browser", () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    [`GET /api/enterprises/${OWN_CODE}/visits`]: [REINSPECTION, CANCELLED, KEPT, CUT],
    [`GET /api/enterprises/${OWN_CODE}/case-orders`]: [],
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  const card = (page: Page, visitNo: string) => page.$eval(`[data-visit-no="${visitNo}"]`, (el) => (el.closest('.card') as HTMLElement).innerText);

  it.each([
    [
      'zh',
      ['城市管理综合执法复查 2026年12月4日 检查（TP-2026-000140）发现的问题'],
      ['已取消', '市场监督管理 2026年11月20日 平台案件中发现的问题的整改期限已延长至 2026年12月28日', '复查改在该日之后进行'],
      ['不再包含复查', '2026年12月30日', '市场监督管理不再参加这次检查'],
      ['已取消', '从这次检查的日期起由新的计划接替'],
    ],
    [
      'en',
      ['Urban management re-inspects what the visit of 4 Dec 2026 (TP-2026-000140) found'],
      ['Cancelled', 'what the platform case of 20 Nov 2026 found (Market regulation) was extended to 28 Dec 2026', 'comes after that day'],
      ['no longer includes the re-inspection', '30 Dec 2026', 'No longer coming on this visit: Market regulation'],
      ['Cancelled', 'a new plan took over from the day of this visit'],
    ],
  ])('names what each visit re-inspects, and keeps a cancelled one with why (%s)', async (lang, reinspection, cancelled, kept, cut) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/visits`);
    await page.waitForSelector(`[data-visit-no="${CUT.visitNo}"]`);
    const expectAll = (text: string, parts: string[]) => parts.forEach((part) => expect(text).toContain(part));
    expectAll(await card(page, REINSPECTION.visitNo), reinspection);
    expectAll(await card(page, CANCELLED.visitNo), cancelled);
    expectAll(await card(page, KEPT.visitNo), kept);
    expectAll(await card(page, CUT.visitNo), cut);
    expect(await page.$$eval('[data-visit-status="cancelled"]', (els) => els.length)).toBe(2);
    // A visit as announced says nothing changed.
    expect(await card(page, REINSPECTION.visitNo)).not.toContain(lang === 'zh' ? '取消' : 'ancel');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `visit-notices-${lang}.png`), fullPage: true });
    await page.close();
  });
});
