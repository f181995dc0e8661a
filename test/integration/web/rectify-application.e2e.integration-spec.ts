import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { orderedNotice, orderedVisit } from './visit-page.fixture';
import { OWN_CODE } from './web-app.harness';

/**
 * Applying for more time to rectify (延期整改申请) in a real browser in front of a fake suite: the enterprise
 * applies from its visit notice and reads the bureau's answer; the bureau grants the day applied for, or
 * refuses with a note, on the visit's page; the dispatcher's calendar counts the applications waiting.
 */

const DONE = orderedVisit('2026-04-01');
const LIST = `/api/visits/${DONE.id}/rectification-applications`;
const base = {
  visitId: DONE.id,
  visitNo: DONE.visitNo,
  creditCode: OWN_CODE,
  visitDate: DONE.date,
  currentRectifyBy: '2026-04-01',
  applicant: 'ent',
  extensionId: null,
};
const REFUSED = {
  ...base,
  id: '7d1c1c55-0000-4000-8000-000000000001',
  rectifyBy: '2026-04-20',
  reason: '设备未到货',
  appliedAt: '2026-03-10T02:00:00Z',
  status: 'refused',
  decidedBy: 'dispatcher',
  decidedAt: '2026-03-11T02:00:00Z',
  decisionNote: '理由不充分，请按期整改',
};
const PENDING = {
  ...base,
  id: '7d1c1c55-0000-4000-8000-000000000002',
  rectifyBy: '2026-05-10',
  reason: '整改所需设备尚未到货',
  appliedAt: '2026-03-20T02:00:00Z',
  status: 'pending',
  decidedBy: null,
  decidedAt: null,
  decisionNote: null,
};
const DECIDE = `${LIST}/${PENDING.id}/decision`;
/** The enterprise's order to rectify from a platform case (no visit of Tianping's), and its application. */
const CASE_ORDER = { caseNo: 'FS-SAMR-2026-000501', department: 'SAMR', date: '2026-03-02', rectifyBy: '2026-04-01', originalRectifyBy: null };
const CASE_LIST = `/api/cases/${CASE_ORDER.caseNo}/rectification-applications`;
const CASE_PENDING = {
  ...PENDING,
  id: '7d1c1c55-0000-4000-8000-000000000003',
  source: 'case',
  visitId: null,
  visitNo: null,
  visitDate: null,
  caseNo: CASE_ORDER.caseNo,
  department: 'SAMR',
  inspectedOn: CASE_ORDER.date,
  rectifyBy: '2026-05-20',
  reason: '整改所需设备下月到货',
  appliedAt: '2026-03-21T02:00:00Z',
  caseExtensionId: null,
};
const CASE_DECIDE = `${CASE_LIST}/${CASE_PENDING.id}/decision`;

describeWithBrowser('applying for more time to rectify (延期整改申请), in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605' }],
    'GET /api/checklist-items': [],
    [`GET /api/visits/${DONE.id}`]: DONE,
    [`GET /api/visits/${DONE.id}/team-changes`]: [],
    [`GET /api/visits/${DONE.id}/rectification-extensions`]: [],
    [`GET /api/enterprises/${OWN_CODE}/visits`]: [orderedNotice('2026-04-01')],
    [`GET ${LIST}`]: [REFUSED],
    [`POST ${LIST}`]: PENDING,
    [`POST ${DECIDE}`]: {
      ...PENDING,
      status: 'granted',
      currentRectifyBy: '2026-05-10',
      released: [{ id: 'c8d2f0a4-5b6e-4c1d-9e7f-000000000777', number: 'TP-2026-000777', date: '2026-04-20', cancelled: true }],
      heldBefore: [],
    },
    'GET /api/rectification-applications': [PENDING],
    [`GET /api/enterprises/${OWN_CODE}/case-orders`]: [],
    // The case as dispatch describes it to the gateway's owner check.
    [`GET /api/cases/${CASE_ORDER.caseNo}/rectification-extensions`]: { caseNo: CASE_ORDER.caseNo, creditCode: OWN_CODE, departments: ['SAMR'] },
    [`GET ${CASE_LIST}`]: [],
    [`POST ${CASE_LIST}`]: CASE_PENDING,
    [`POST ${CASE_DECIDE}`]: { ...CASE_PENDING, status: 'granted', currentRectifyBy: '2026-05-20', heldBefore: [] },
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
  const posted = (url: string) => pages.fake.seen.filter((r) => r.method === 'POST' && r.url === url);

  it.each([
    ['zh', '不予延期', '理由不充分', '须晚于现有整改期限', '请填写申请理由'],
    ['en', 'Refused', '理由不充分', 'must come after the current deadline', 'Say why'],
  ])('lets the enterprise apply from its notice and read the bureau’s answer (%s)', async (lang, refused, note, early, why) => {
    answers[`GET ${LIST}`] = [REFUSED];
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/visits`);
    await page.waitForSelector(`#applications-${DONE.id} [data-application=refused]`);
    const shown = await text(page, `#applications-${DONE.id}`);
    expect(shown).toContain(refused);
    expect(shown).toContain(note);
    await page.click('[data-apply-fold] summary');
    const before = posted(LIST).length;
    const send = async (day: string, reason: string) => {
      await page.fill(`#apply-to-${DONE.id}`, day);
      await page.fill(`#apply-reason-${DONE.id}`, reason);
      await page.click('[data-testid=rectify-application] button[type=submit]');
    };
    await send('2026-03-30', '设备尚未到货');
    expect(await text(page, '[data-testid=rectify-application] [role=alert]')).toContain(early);
    await send('2026-05-10', ' ');
    expect(await text(page, '[data-testid=rectify-application] [role=alert]')).toContain(why);
    expect(posted(LIST).length).toBe(before);
    // Once applied, the notice reads the application awaiting a decision, and offers no second one.
    answers[`GET ${LIST}`] = [PENDING, REFUSED];
    await send('2026-05-10', '整改所需设备尚未到货');
    await page.waitForSelector(`#applications-${DONE.id} [data-application=pending]`);
    expect(await page.$('[data-testid=rectify-application]')).toBeNull();
    expect(JSON.parse(posted(LIST).pop()!.body)).toEqual({ rectifyBy: '2026-05-10', reason: '整改所需设备尚未到货', actor: 'ent' });
    await page.screenshot({ path: join(SCREENSHOTS, `rectify-application-${lang}.png`), fullPage: true });
    await page.close();
  });

  it('shows the bureau the pending application, refuses only with a note, and grants the day applied for', async () => {
    answers[`GET ${LIST}`] = [PENDING, REFUSED];
    const page = await pages.signIn('dispatcher');
    await page.goto(`${pages.web.baseUrl}/#/visits/${DONE.id}`);
    await page.waitForSelector(`[data-pending-application="${PENDING.id}"]`);
    expect(await text(page, `[data-pending-application="${PENDING.id}"]`)).toContain('整改所需设备尚未到货');
    expect(await page.inputValue('#grant-to')).toBe('2026-05-10');
    await page.click('#refuse-application');
    expect(await text(page, `[data-pending-application="${PENDING.id}"] [role=alert]`)).toContain('请填写意见');
    expect(posted(DECIDE)).toHaveLength(0);
    await page.click('#grant-application');
    await page.waitForSelector('[data-team-changed] .notice.ok');
    expect(await text(page, '[data-team-changed]')).toContain('整改期限已延至');
    // The visit planned only for the re-inspection before the granted day was cancelled: said, not a re-draw asked.
    expect(await text(page, '[data-released-visit="TP-2026-000777"]')).toContain('已取消');
    expect(JSON.parse(posted(DECIDE).pop()!.body)).toEqual({ decision: 'grant', rectifyBy: '2026-05-10', actor: 'dispatcher' });
    await page.screenshot({ path: join(SCREENSHOTS, 'rectify-application-grant.png'), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '平台案件的责令整改', '须晚于现有整改期限', '待审批'],
    ['en', 'Orders to rectify from platform cases', 'must come after the current deadline', 'Awaiting a decision'],
  ])('lets the enterprise apply for more time on its platform case’s order too, and read where it stands (%s)', async (lang, title, early, pending) => {
    answers[`GET /api/enterprises/${OWN_CODE}/case-orders`] = [CASE_ORDER];
    answers[`GET ${CASE_LIST}`] = [];
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/visits`);
    const panel = `[data-case-application="${CASE_ORDER.caseNo}"]`;
    await page.waitForSelector(`${panel} [data-apply-fold]`);
    expect(await text(page, '[data-case-orders]')).toContain(title);
    expect(await text(page, '[data-case-orders]')).toContain(CASE_ORDER.caseNo);
    await page.click(`${panel} [data-apply-fold] summary`);
    const key = 'case-FS-SAMR-2026-000501';
    const before = posted(CASE_LIST).length;
    await page.fill(`#apply-to-${key}`, '2026-03-30');
    await page.fill(`#apply-reason-${key}`, '整改所需设备下月到货');
    await page.click(`${panel} button[type=submit]`);
    expect(await text(page, `${panel} [role=alert]`)).toContain(early);
    expect(posted(CASE_LIST).length).toBe(before);
    // The open form, its refusal said beside the field, holds to WCAG as every page does.
    expect(await axeViolations(page)).toEqual([]);
    answers[`GET ${CASE_LIST}`] = [CASE_PENDING];
    await page.fill(`#apply-to-${key}`, '2026-05-20');
    await page.click(`${panel} button[type=submit]`);
    await page.waitForSelector(`#applications-${key} [data-application=pending]`);
    expect(await text(page, `#applications-${key}`)).toContain(pending);
    expect(await page.$(`${panel} [data-testid=rectify-application]`)).toBeNull();
    expect(JSON.parse(posted(CASE_LIST).pop()!.body)).toEqual({ rectifyBy: '2026-05-20', reason: '整改所需设备下月到货', actor: 'ent' });
    await page.screenshot({ path: join(SCREENSHOTS, `rectify-application-case-${lang}.png`), fullPage: true });
    answers[`GET /api/enterprises/${OWN_CODE}/case-orders`] = [];
    await page.close();
  });

  it('counts the applications awaiting a decision on the dispatcher’s calendar, a visit’s linked, a case’s decided there', async () => {
    answers['GET /api/rectification-applications'] = [PENDING, CASE_PENDING];
    answers['GET /api/visits'] = [];
    const page = await pages.signIn('dispatcher', { lang: 'en' });
    await page.goto(`${pages.web.baseUrl}/#/calendar`);
    await page.waitForSelector('#calendar-applications');
    expect(await text(page, '#calendar-applications')).toContain('awaiting a decision: 2');
    expect(await page.getAttribute('#calendar-applications a', 'href')).toBe(`#/visits/${DONE.id}`);
    const folded = `[data-case-application="${CASE_ORDER.caseNo}"]`;
    expect(await text(page, `${folded} summary`)).toContain(CASE_ORDER.caseNo);
    await page.click(`${folded} summary`);
    expect(await page.inputValue('#grant-to-case-0')).toBe('2026-05-20');
    await page.click('#refuse-application-case-0');
    expect(await text(page, `[data-pending-application="${CASE_PENDING.id}"] [role=alert]`)).toContain('Say why');
    expect(posted(CASE_DECIDE)).toHaveLength(0);
    expect(await axeViolations(page)).toEqual([]);
    answers['GET /api/rectification-applications'] = [PENDING];
    await page.click('#grant-application-case-0');
    await page.waitForSelector('[data-pending-applications] .notice.ok');
    expect(await text(page, '[data-pending-applications]')).toContain('awaiting a decision: 1');
    expect(JSON.parse(posted(CASE_DECIDE).pop()!.body)).toEqual({ decision: 'grant', rectifyBy: '2026-05-20', actor: 'dispatcher' });
    await page.screenshot({ path: join(SCREENSHOTS, 'rectify-application-case-queue.png'), fullPage: true });
    await page.close();
  });
});
