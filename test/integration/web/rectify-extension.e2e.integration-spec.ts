import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { recordPageAnswers, startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { NO_APPLICATIONS, orderedNotice, orderedVisit } from './visit-page.fixture';
import { OWN_CODE, StatusAnswer } from './web-app.harness';

/**
 * Extending a rectification deadline (延期整改) in a real browser in front of a fake suite: the bureau opens
 * the fold-away form under a done visit's results, is told beside the field what cannot be sent, sees the
 * extensions granted and the re-inspections planned too early; the enterprise and oversight read the result.
 */

const DONE = orderedVisit('2026-04-01', '2026-03-20');
/** The re-inspection a plan holds on the very day the deadline was extended to: the enterprise's own day, too early. */
const EARLY = {
  ...DONE,
  id: '0b6c8a55-5f0e-4d7e-9a7a-000000000302',
  visitNo: 'TP-2026-000345',
  date: '2026-04-01',
  reasons: ['follow-up'],
  status: 'scheduled',
  results: null,
  rectifyBy: null,
  originalRectifyBy: null,
  followUps: [{ department: 'SAMR', inspectionRef: DONE.visitNo, inspectedOn: DONE.date, rectifyBy: '2026-04-01' }],
};
const PATH = `/api/visits/${DONE.id}/rectification-extensions`;
const EXTENDED = {
  id: 'x-2',
  visitId: DONE.id,
  visitNo: DONE.visitNo,
  from: '2026-04-01',
  to: '2026-05-01',
  reason: '企业申请延期',
  actor: 'dispatcher',
  extendedAt: '2026-03-28T02:00:00Z',
  released: [
    { id: EARLY.id, number: EARLY.visitNo, date: '2026-04-03', cancelled: true, officersRemoved: [] },
    // A joint visit that keeps its other checks, without the officer sent only for the department that left.
    { id: '0b6c8a55-5f0e-4d7e-9a7a-000000000303', number: 'TP-2026-000346', date: '2026-04-07', cancelled: false, officersRemoved: ['44100003'] },
  ],
  // A visit whose day had passed, its results not recorded: left as it was, and said so.
  heldBefore: [{ id: '0b6c8a55-5f0e-4d7e-9a7a-000000000304', number: 'TP-2026-000340', date: '2026-03-27' }],
};

describeWithBrowser('extending a rectification deadline (延期整改), in a real browser', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605' }],
    'GET /api/checklist-items': [],
    [`GET /api/visits/${DONE.id}`]: DONE,
    [`GET /api/visits/${EARLY.id}`]: EARLY,
    [`GET /api/visits/${DONE.id}/team-changes`]: [],
    [`GET /api/visits/${EARLY.id}/team-changes`]: [],
    [`GET ${PATH}`]: [
      { id: 'x-1', visitId: DONE.id, from: '2026-03-20', to: '2026-04-01', reason: '设备未到货', actor: 'officer', extendedAt: '2026-03-18T02:00:00Z' },
    ],
    [`POST ${PATH}`]: EXTENDED,
    [`GET /api/enterprises/${OWN_CODE}/visits`]: [orderedNotice('2026-04-01', '2026-03-20')],
    ...NO_APPLICATIONS,
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);
  const posts = () => pages.fake.seen.filter((r) => r.method === 'POST' && r.url === PATH).length;
  const send = async (page: Page, day: string, reason: string) => {
    await page.fill('#extend-to', day);
    await page.fill('#extend-reason', reason);
    await page.click('[data-testid=rectify-extension] button[type=submit]');
  };

  it.each([
    ['zh', '须晚于现有期限', '最迟为检查日后 180 天', '请填写延期理由', '整改期限已延至', '原期限', '已取消', '1 名执法人员已调离', '日期已过、尚未录入结果'],
    [
      'en',
      'must come after the current one',
      'at most 180 days after the visit',
      'Say why',
      'The deadline is now',
      'first set for',
      'cancelled',
      '1 officer(s) sent only',
      'days have passed and their results are not recorded',
    ],
  ])(
    'extends a done visit’s deadline from a fold-away form, refusing beside the field what cannot be sent (%s)',
    async (lang, early, cap, why, done, extended, released, trimmed, held) => {
      const page = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
      await page.goto(`${pages.web.baseUrl}/#/visits/${DONE.id}`);
      await page.waitForSelector('#extension-history [data-extension="2026-04-01"]');
      expect(await text(page, '#extension-history')).toContain('设备未到货');
      expect(await text(page, '[data-rectify-by="2026-04-01"]')).toContain(extended);
      expect(await page.$('main .notice.bad')).toBeNull();
      // Folded away until asked for; then a month later is proposed.
      expect(await page.isVisible('#extend-to')).toBe(false);
      await page.click('[data-extend-fold] summary');
      expect(await page.inputValue('#extend-to')).toBe('2026-05-01');

      const before = posts();
      await send(page, '2026-03-25', '企业申请延期');
      expect(await text(page, '#extend-invalid')).toContain(early);
      await send(page, '2026-08-30', '企业申请延期');
      expect(await text(page, '#extend-invalid')).toContain(cap);
      await send(page, '2026-05-01', ' ');
      expect(await text(page, '#extend-invalid')).toContain(why);
      expect(posts()).toBe(before);

      await send(page, '2026-05-01', '企业申请延期');
      await page.waitForSelector('[data-team-changed] .notice.ok');
      expect(await text(page, '[data-team-changed]')).toContain(done);
      // The visit planned only for the re-inspection before the new day was cancelled: said, linked, no re-draw asked.
      expect(await page.getAttribute(`[data-released-visit="${EARLY.visitNo}"][data-cancelled=true] a`, 'href')).toBe(`#/visits/${EARLY.id}`);
      expect(await text(page, '[data-released]')).toContain(released);
      expect(await text(page, '[data-released-visit="TP-2026-000346"][data-cancelled=false] [data-officers-removed="1"]')).toContain(trimmed);
      expect(await page.$(`[data-released-visit="${EARLY.visitNo}"] [data-officers-removed]`)).toBeNull();
      expect(await text(page, '[data-held-before]')).toContain(held);
      expect(await page.getAttribute('[data-held-visit="TP-2026-000340"] a', 'href')).toBe('#/visits/0b6c8a55-5f0e-4d7e-9a7a-000000000304');
      const posted = pages.fake.seen.filter((r) => r.method === 'POST' && r.url === PATH).pop()!;
      expect(JSON.parse(posted.body)).toEqual({ rectifyBy: '2026-05-01', reason: '企业申请延期', actor: 'dispatcher' });
      await page.screenshot({ path: join(SCREENSHOTS, `rectify-extension-${lang}.png`), fullPage: true });
      await page.close();
    },
  );

  it('says in the page’s words why the server refused, and that a re-inspection on the deadline day proves nothing', async () => {
    answers[`POST ${PATH}`] = new StatusAnswer(409, { statusCode: 409, code: 'reinspected', message: 'the re-inspection is done' });
    const page = await pages.signIn('officer');
    await page.goto(`${pages.web.baseUrl}/#/visits/${DONE.id}`);
    await page.click('[data-extend-fold] summary');
    await send(page, '2026-05-01', '企业申请延期');
    await page.waitForSelector('[data-extend-error=reinspected]');
    expect(await text(page, '[data-extend-error=reinspected]')).toContain('整改复查已经完成');
    answers[`POST ${PATH}`] = EXTENDED;

    await page.goto(`${pages.web.baseUrl}/#/visits/${EARLY.id}`);
    await page.waitForSelector('#visit-follow-ups [data-follow-up-early]');
    expect(await text(page, '#visit-follow-ups')).toContain('请重新抽取');
    await page.close();
  });

  it.each([
    ['zh', '整改期限已由 2026年3月20日 延长'],
    ['en', 'The deadline was extended from 20 Mar 2026'],
  ])('tells the enterprise its new deadline and that it was extended (%s)', async (lang, said) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/visits`);
    await page.waitForSelector('[data-rectify-by="2026-04-01"] [data-rectify-extended]');
    expect(await text(page, '[data-rectify-by="2026-04-01"]')).toContain(said);
    await page.close();
  });

  it('shows oversight, in the record, which visit’s deadline moved from when to when and who granted it', async () => {
    const data = {
      extensionId: 'x-2',
      visitId: DONE.id,
      visitNo: DONE.visitNo,
      creditCode: OWN_CODE,
      date: DONE.date,
      departments: ['SAMR'],
      from: '2026-04-01',
      to: '2026-05-01',
      actor: 'dispatcher',
      at: EXTENDED.extendedAt,
    };
    Object.assign(answers, recordPageAnswers(9, 'rectification-extension', OWN_CODE, data));
    const page = await pages.signIn('overseer');
    await page.goto(`${pages.web.baseUrl}/#/audit`);
    await page.waitForSelector(`#audit-table [data-rectification-extension="${DONE.visitNo}"]`);
    expect(await text(page, `#audit-table [data-rectification-extension="${DONE.visitNo}"]`)).toBe(
      'TP-2026-000201（2026-03-02 检查）：整改期限由 2026-04-01 延至 2026-05-01，由 dispatcher 批准',
    );
    expect(await text(page, '#audit-table')).toContain('延期整改');
    await page.close();
  });

  it.each([
    ['zh', 'TP-2026-000230（2026-04-03）不晚于延期后的整改期限 2026-05-01，仅为复查 TP-2026-000201 而排，已取消', '复查随延期撤出'],
    [
      'en',
      'TP-2026-000230 (2026-04-03) came on or before the extended deadline 2026-05-01 and was planned only to re-inspect TP-2026-000201: cancelled',
      'Re-inspection released',
    ],
  ])('shows oversight, in the record, which visit an extension released and that it was cancelled (%s)', async (lang, said, kind) => {
    const data = {
      releaseId: 'r-1',
      extensionId: 'x-2',
      visitId: EARLY.id,
      visitNo: 'TP-2026-000230',
      creditCode: OWN_CODE,
      date: '2026-04-03',
      followUps: [{ department: 'SAMR', inspectionRef: DONE.visitNo }],
      deadline: '2026-05-01',
      cancelled: true,
      departmentsRemoved: [],
      at: EXTENDED.extendedAt,
    };
    Object.assign(answers, recordPageAnswers(10, 'follow-up-release', OWN_CODE, data));
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/audit`);
    await page.waitForSelector('#audit-table [data-follow-up-release="TP-2026-000230"]');
    expect(await text(page, '#audit-table [data-follow-up-release="TP-2026-000230"]')).toBe(said);
    expect(await text(page, '#audit-table')).toContain(kind);
    await page.close();
  });
});
