import { join } from 'node:path';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE } from './web-app.harness';

const APPEAL_ID = 'AP-2026-000007';
const step = (name: string, at: string, actor: string, detail: Record<string, unknown>, auditSeq: number | null) => ({
  step: name,
  at,
  actor,
  note: null,
  detail,
  auditSeq,
});

/** An appeal that revoked a finding (撤销该认定): the re-score moved violations 16 → 15, not the colour nor the rounded figure. */
const APPEAL = {
  id: APPEAL_ID,
  creditCode: OWN_CODE,
  scoreId: 's-1',
  modelVersion: 'm-2026.11.1',
  colour: 'red',
  probability: 0.521,
  status: 'decided',
  outcome: 'corrected',
  overrideColour: null,
  reviewer: 'overseer-2',
  decisionReasons: '该认定有误，撤销并重新评分。',
  overdue: false,
  filedAt: '2026-11-02T03:04:05.000Z',
  dueAt: '2026-11-17T03:04:05.000Z',
  decidedAt: '2026-11-05T03:04:05.000Z',
  closedAt: '2026-11-05T04:00:00.000Z',
  grounds: '该处责令整改认定有误。',
  challenges: [],
  evidence: [],
  steps: [
    step('filed', '2026-11-02T03:04:05.000Z', 'ent', { colour: 'red' }, 11),
    step('decided', '2026-11-05T03:04:05.000Z', 'overseer-2', { outcome: 'corrected' }, 12),
    step(
      'correction-sent',
      '2026-11-05T03:04:05.000Z',
      'overseer-2',
      { corrections: [{ kind: 'case', recordId: 'TP-2026-000085-CITY', action: 'revoke' }] },
      null,
    ),
    step(
      'corrections-applied',
      '2026-11-05T03:05:00.000Z',
      'intake',
      {
        verdicts: [{ kind: 'case', recordId: 'TP-2026-000085-CITY', action: 'revoke', status: 'applied', reason: null }],
        applied: 1,
        notApplicable: 0,
        batchIds: ['b-1'],
      },
      13,
    ),
    step(
      'rescored',
      '2026-11-05T04:00:00.000Z',
      'scoring',
      { scoreId: 's-2', colour: 'red', probability: 0.518, previousColour: 'red', previousProbability: 0.521 },
      14,
    ),
  ],
};
/** The same appeal, its re-score to the same probability: the corrected value fell where the model weighs both alike. */
const SAME_ID = 'AP-2026-000008';
const APPEAL_SAME = {
  ...APPEAL,
  id: SAME_ID,
  steps: APPEAL.steps.map((s) => (s.step === 'rescored' ? { ...s, detail: { ...s.detail, probability: 0.5209, previousProbability: 0.5209 } } : s)),
};
const HISTORY = {
  periods: [
    {
      scoreId: 's-2',
      from: '2026-11-05',
      to: '2026-11-05',
      scores: 1,
      probability: 0.518,
      colour: 'red',
      modelVersion: 'm-2026.11.1',
      colourPolicyVersion: 'cp-default-1',
      change: { model: false, colourPolicy: false, factors: [{ factor: 'violations_3y', from: 16, to: 15, contributionChange: -0.01 }] },
    },
  ],
};
const kase = (caseNo: string, origin: string, result: string, violationFound: boolean) => ({
  caseNo,
  creditCode: OWN_CODE,
  department: 'CITY',
  kind: '检查',
  origin,
  date: '2026-03-02',
  items: ['CITY-01'],
  result,
  violation: null,
  violationFound,
  penaltyYuan: 0,
});
const FILE = {
  subject: { creditCode: OWN_CODE, name: '佛山市示例家具有限公司' },
  cases: [
    kase('TP-2026-000085-CITY', '整改复查', `revoked-on-appeal:${APPEAL_ID}`, false),
    // As intake stored a revocation before it said so in a code.
    kase('TP-2026-000012-CITY', '双随机', '已撤销（申诉 AP-2026-000003）revoked on appeal', false),
  ],
  clues: [],
};
const VISITS = [
  {
    visitId: '7f1c2a9e-0d6b-4c1e-9a51-2b7f3e8d4c10',
    visitNo: 'TP-2026-000085',
    date: '2026-03-02',
    status: 'done',
    departments: ['CITY'],
    checklist: ['CITY-01'],
    results: [{ item: 'CITY-01', result: '责令整改', violation: '占道经营', revokedOnAppeal: APPEAL_ID }],
    rectifyBy: null,
    originalRectifyBy: null,
    canRate: false,
    rating: null,
  },
];

describeWithBrowser('a finding revoked on appeal, on the enterprise’s pages', () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({
      [`GET /api/appeals/${APPEAL_ID}`]: APPEAL,
      [`GET /api/appeals/${SAME_ID}`]: APPEAL_SAME,
      [`GET /api/scores/${OWN_CODE}/history`]: HISTORY,
      [`GET /api/enterprises/${OWN_CODE}`]: FILE,
      [`GET /api/enterprises/${OWN_CODE}/visits`]: VISITS,
    });
  }, 60_000);
  afterAll(() => pages?.close());

  it.each([
    ['zh', '重新评分后等级不变：红，约 52%（精确值 52.10% → 51.80%）。', '近三年违法次数'],
    ['en', 'Re-scored, the level is unchanged: red, about 52% (exactly 52.10% → 51.80%).', 'Violations'],
  ])('says a re-score that kept the colour and the figure did so, with the exact figures and the factor it moved (%s)', async (lang, same, factor) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals/${APPEAL_ID}`);
    await page.waitForSelector('[data-rescore-moved] [data-moved="violations_3y"]');
    expect(await page.textContent('[data-rescore-same]')).toBe(same);
    const moved = (await page.textContent('[data-moved="violations_3y"]'))!;
    expect(moved).toContain(factor);
    expect(moved).toMatch(/16.*→.*15/);
    expect(await page.locator('[data-same-band]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, `00-appeal-rescored-same-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '分数没有变化'],
    ['en', 'The score did not change'],
  ])('says why a correction left the probability exactly as it was (%s)', async (lang, words) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals/${SAME_ID}`);
    await page.waitForSelector('[data-same-band]');
    expect(await page.textContent('[data-same-band]')).toContain(words);
    expect(await page.textContent('[data-rescore-same]')).toContain('52.09% → 52.09%');
    await page.close();
  });

  it.each([
    ['zh', `已撤销（陈述申辩 ${APPEAL_ID}）`, '已撤销（陈述申辩 AP-2026-000003）', '整改复查'],
    ['en', `Revoked on appeal (${APPEAL_ID})`, 'Revoked on appeal (AP-2026-000003)', 'Follow-up re-inspection'],
  ])('shows a revoked case in the page’s language, old rows too, and a re-inspection as one (%s)', async (lang, revoked, older, origin) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/records`);
    await page.waitForSelector('table');
    const text = (await page.textContent('main'))!;
    expect(text).toContain(revoked);
    expect(text).toContain(older);
    expect(text).toContain(origin);
    expect(text).not.toContain('revoked on appeal');
    expect(text).not.toContain('申诉');
    if (lang === 'en') expect(text).not.toContain('已撤销');
    await page.screenshot({ path: join(SCREENSHOTS, `00-records-revoked-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', `已撤销（陈述申辩 ${APPEAL_ID}）`, '责令整改'],
    ['en', `Revoked on appeal (${APPEAL_ID})`, 'Ordered to rectify'],
  ])('shows the visit’s revoked item as revoked, not as an order with a deadline (%s)', async (lang, revoked, ordered) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/visits`);
    await page.waitForSelector('[data-results] li');
    expect(await page.getAttribute('[data-results] li', 'data-result')).toBe('revoked');
    const item = (await page.textContent('[data-results] li'))!;
    expect(item).toContain(revoked);
    expect(item).not.toContain(ordered);
    expect(await page.$('[data-rectify-application]')).toBeNull();
    await page.close();
  });
});
