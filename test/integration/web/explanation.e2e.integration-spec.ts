import { join } from 'node:path';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE } from './web-app.harness';

/** A score shaped as scoring serves it (GET /api/scores/:creditCode), with its explanation. */
const SCORE = {
  creditCode: OWN_CODE,
  asOf: '2026-11-01',
  modelVersion: 'm-2026.11.1',
  colourPolicyVersion: 'cp-default-1',
  probability: 0.43,
  logit: -0.28,
  base: -2.1,
  colour: 'red',
  colourThresholds: { yellow: 0.2, red: 0.4 },
  contributions: [
    { factor: 'violations_3y', value: 2, contribution: 0.92 },
    { factor: 'complaints_12m', value: 3, contribution: 0.61 },
    { factor: 'days_since_last_inspection', value: 900, contribution: 0.34 },
    { factor: 'years_in_operation', value: 12, contribution: -0.41 },
    { factor: 'industry', value: 'C', contribution: 0.12 },
    { factor: 'employees', value: 6, contribution: -0.08 },
    // Moves the odds by 0.3 %: shown as "<1%", without a sign that would claim a direction.
    { factor: 'registered_capital', value: 500, contribution: 0.003 },
  ],
  factors: [{ factor: 'violations_3y', label: { zh: '近三年违法次数', en: 'Violations in the last 3 years' } }],
  reasons: [
    { factor: 'violations_3y', zh: '近三年有 2 次违法记录', en: '2 violations in the last three years' },
    { factor: 'complaints_12m', zh: '近一年有 3 件投诉举报', en: '3 complaints in the last year' },
  ],
  suggestions: [{ factor: 'complaints_12m', zh: '及时处理顾客投诉，减少被投诉次数', en: 'Handle customer complaints promptly to reduce them' }],
};

/** An appeal that corrected records, as oversight serves it once the records service reported on them (closed or not by a re-score). */
function correctedAppeal(id: string, verdicts: Record<string, unknown>[], rescored: boolean) {
  const applied = verdicts.filter((v) => v.status === 'applied').length;
  const step = (name: string, at: string, actor: string, detail: Record<string, unknown>, auditSeq: number | null) => ({
    step: name,
    at,
    actor,
    note: null,
    detail,
    auditSeq,
  });
  return {
    id,
    creditCode: OWN_CODE,
    scoreId: 's-1',
    modelVersion: 'm-2026.11.1',
    colour: 'red',
    probability: 0.43,
    status: 'decided',
    outcome: 'corrected',
    overrideColour: null,
    reviewer: 'overseer-2',
    decisionReasons: '核实后更正记录。',
    overdue: false,
    filedAt: '2026-11-02T03:04:05.000Z',
    dueAt: '2026-11-17T03:04:05.000Z',
    decidedAt: '2026-11-05T03:04:05.000Z',
    closedAt: '2026-11-05T04:00:00.000Z',
    grounds: '记录有误，请复核。',
    challenges: [],
    evidence: [],
    steps: [
      step('filed', '2026-11-02T03:04:05.000Z', 'ent', { colour: 'red' }, 11),
      step('decided', '2026-11-05T03:04:05.000Z', 'overseer-2', { outcome: 'corrected' }, 12),
      step(
        'correction-sent',
        '2026-11-05T03:04:05.000Z',
        'overseer-2',
        { corrections: verdicts.map(({ kind, recordId, action }) => ({ kind, recordId, action })) },
        null,
      ),
      step('corrections-applied', '2026-11-05T03:05:00.000Z', 'intake', { verdicts, applied, notApplicable: verdicts.length - applied, batchIds: [] }, 13),
      ...(rescored
        ? [
            step(
              'rescored',
              '2026-11-05T04:00:00.000Z',
              'scoring',
              { colour: 'yellow', probability: 0.3, previousColour: 'red', previousProbability: 0.43 },
              14,
            ),
          ]
        : []),
    ],
  };
}
const PARTLY_APPLIED = correctedAppeal(
  'AP-2026-0100',
  [
    { kind: 'clue', recordId: 'K-1', action: 'unlink', status: 'applied', reason: null },
    { kind: 'case', recordId: 'C-9', action: 'revoke', status: 'not-applicable', reason: 'other-enterprise' },
  ],
  true,
);
const NONE_APPLIED = correctedAppeal(
  'AP-2026-0101',
  [{ kind: 'case', recordId: 'C-2025-001', action: 'revoke', status: 'not-applicable', reason: 'already-applied' }],
  false,
);

/** An appeal an officer had taken for review when the enterprise withdrew it, with a reason. */
const WITHDRAWN = {
  ...NONE_APPLIED,
  id: 'AP-2026-0102',
  status: 'withdrawn',
  outcome: null,
  reviewer: 'overseer-2',
  decisionReasons: null,
  decidedAt: null,
  closedAt: '2026-11-04T05:06:07.000Z',
  withdrawalReason: '问题已通过复查解决。',
  steps: [
    { step: 'filed', at: '2026-11-02T03:04:05.000Z', actor: 'ent', note: null, detail: { colour: 'red' }, auditSeq: 11 },
    { step: 'in-review', at: '2026-11-03T03:04:05.000Z', actor: 'overseer-2', note: null, detail: {}, auditSeq: 12 },
    { step: 'withdrawn', at: '2026-11-04T05:06:07.000Z', actor: 'ent', note: null, detail: { from: 'in-review', reasonSha256: 'ab'.repeat(32) }, auditSeq: 13 },
  ],
};

describeWithBrowser("reading a score's reasons and the record's verification, in a real browser", () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({
      [`GET /api/scores/${OWN_CODE}`]: SCORE,
      // Oversight's view of the same score: the red was confirmed by an officer.
      [`GET /api/reviews/enterprises/${OWN_CODE}`]: {
        score: { creditCode: OWN_CODE, scoreId: 's-1', colour: 'red', probability: SCORE.probability },
        effectiveColour: 'red',
        state: 'confirmed',
        decision: { status: 'confirmed', colour: 'red', reasons: '核实无误', decidedAt: '2026-01-02T03:04:05.000Z', appealId: null },
        scoreSeq: null,
        decisions: [],
        appeals: [],
      },
      [`GET /api/enterprises/${OWN_CODE}`]: { subject: { creditCode: OWN_CODE, name: '佛山市示例家具有限公司' }, cases: [], clues: [] },
      // The record's verification when every entry fits but a signed checkpoint does not.
      'POST /api/audit/verify': {
        ok: false,
        entries: 12,
        rows: 12,
        checkpointsVerified: 1,
        unanchoredEntries: 0,
        checkpointFailures: [{ treeSize: 7, reason: 'checkpoint signature is invalid' }],
      },
      'GET /api/audit/checkpoints/latest': null,
      'GET /api/audit/entries': [],
      'GET /api/reviews/summary': { pendingConfirmations: 0, appeals: { filed: 0, 'in-review': 0, overdue: 0 } },
      [`GET /api/appeals/${PARTLY_APPLIED.id}`]: PARTLY_APPLIED,
      [`GET /api/appeals/${NONE_APPLIED.id}`]: NONE_APPLIED,
      [`GET /api/appeals/${WITHDRAWN.id}`]: WITHDRAWN,
    });
  }, 60_000);
  afterAll(() => pages?.close());

  it.each(['zh', 'en'])('shows the colour, the band, every contribution as a bar and the suggestions (%s)', async (lang) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.waitForSelector('#reasons-chart svg');
    expect(await page.getAttribute('[data-testid="risk-hero"] .chip', 'data-colour')).toBe('red');
    // One figure, rounded as the enterprise reads it everywhere (not a 5-point bucket that excludes its own rounding).
    expect(await page.textContent('[data-testid="risk-hero"] .band')).toBe(lang === 'en' ? 'about 43%' : '约 43%');
    // The bar is coloured as the policy colours it, its thresholds marked: 43 % sits past "red from 40 %".
    expect(await page.getAttribute('[data-testid="chance-meter"] .meter', 'aria-label')).toBe(
      lang === 'en' ? 'Chance about 43%: yellow from 20%, red from 40%' : '概率 约 43%：20% 起为黄色，40% 起为红色',
    );
    expect(await page.$$eval('[data-testid="chance-meter"] .meter-scale span', (ticks) => ticks.map((s) => s.textContent))).toEqual([
      '0%',
      '20%',
      '40%',
      '100%',
    ]);
    expect(await page.$$('#reasons-chart svg rect')).toHaveLength(SCORE.contributions.length);
    const words = await page.textContent('#reasons-chart');
    expect(words).toContain(lang === 'en' ? 'Violations in the last 3 years' : '近三年违法次数');
    expect(words).toContain('<1%');
    expect(words).not.toMatch(/[+−]<1%/);
    expect(await page.textContent('main')).toContain(lang === 'en' ? SCORE.suggestions[0].en : SCORE.suggestions[0].zh);
    await page.screenshot({ path: join(SCREENSHOTS, `00-enterprise-reasons-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '已更正', '未更正', '这条记录在另一家企业的档案中', '没有任何记录被更正', '此前的申辩已作过同样的更正'],
    ['en', 'Applied', 'Not applied', "another enterprise's file", 'No record was changed', 'An earlier appeal made the same correction'],
  ])(
    "shows in an appeal's timeline which corrections were applied, and why the others were not, to the enterprise and the reviewer (%s)",
    async (lang, applied, notApplied, otherFile, noneChanged, already) => {
      const enterprise = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
      await enterprise.goto(`${pages.web.baseUrl}/#/my/appeals/${PARTLY_APPLIED.id}`);
      await enterprise.waitForSelector('[data-step="corrections-applied"] .verdicts');
      expect(await enterprise.textContent('[data-step="corrections-applied"] [data-verdict="applied"]')).toContain(applied);
      const refused = (await enterprise.textContent('[data-step="corrections-applied"] [data-verdict="not-applicable"]'))!;
      expect(refused).toContain(notApplied);
      expect(refused).toContain('C-9');
      expect(refused).toContain(otherFile);
      expect(await enterprise.$('#none-applied')).toBeNull();
      expect(await enterprise.getAttribute('[data-step="rescored"]', 'class')).toBe('done');
      // Decided without being taken first: no "taken for review" step, and none waited for.
      expect(await enterprise.$('[data-step="in-review"]')).toBeNull();
      expect(await enterprise.$('#appeal-timeline [aria-current]')).toBeNull();
      expect(await enterprise.$('[data-step="corrections-applied"] [data-receipt]')).not.toBeNull();
      await enterprise.screenshot({ path: join(SCREENSHOTS, `00-enterprise-appeal-corrections-${lang}.png`), fullPage: true });
      await enterprise.close();

      const reviewer = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
      await reviewer.goto(`${pages.web.baseUrl}/#/reviews/appeals/${NONE_APPLIED.id}`);
      await reviewer.waitForSelector('[data-step="corrections-applied"] .verdicts');
      expect(await reviewer.textContent('#none-applied')).toContain(noneChanged);
      expect(await reviewer.textContent('[data-step="corrections-applied"] [data-verdict="not-applicable"]')).toContain(already);
      // No record changed: no re-score is waited for.
      expect(await reviewer.$('[data-step="rescored"]')).toBeNull();
      expect(await reviewer.$$eval('#appeal-timeline > li', (steps) => steps.map((li) => [li.dataset.step, li.className]))).toEqual([
        ['filed', 'done'],
        ['decided', 'done'],
        ['correction-sent', 'done'],
        ['corrections-applied', 'done'],
      ]);
      expect(await reviewer.textContent('#appeal-timeline')).not.toContain('correction.');
      await reviewer.close();
    },
  );

  it.each([
    ['zh', '已撤回', '撤回申辩', '企业已于'],
    ['en', 'Withdrawn', 'Appeal withdrawn', 'The enterprise withdrew this appeal'],
  ])('shows a withdrawn appeal as withdrawn to the enterprise and to the reviewer who had taken it (%s)', async (lang, status, step, toReviewer) => {
    const enterprise = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await enterprise.goto(`${pages.web.baseUrl}/#/my/appeals/${WITHDRAWN.id}`);
    await enterprise.waitForSelector('#appeal-withdrawn');
    expect(await enterprise.textContent('[data-status="withdrawn"] > .badge')).toBe(status);
    expect(await enterprise.textContent('[data-step="withdrawn"]')).toContain(step);
    expect(await enterprise.textContent('#withdrawal-reason')).toBe(WITHDRAWN.withdrawalReason);
    expect(await enterprise.$('#appeal-timeline [aria-current]')).toBeNull();
    expect(await enterprise.$('#withdraw-form')).toBeNull();
    expect(await enterprise.getAttribute('#appeal-withdrawn a', 'href')).toBe('#/my/appeals');
    await enterprise.screenshot({ path: join(SCREENSHOTS, `00-enterprise-appeal-withdrawn-${lang}.png`), fullPage: true });
    await enterprise.close();

    const reviewer = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await reviewer.goto(`${pages.web.baseUrl}/#/reviews/appeals/${WITHDRAWN.id}`);
    await reviewer.waitForSelector('#review-withdrawn');
    expect(await reviewer.textContent('#review-withdrawn')).toContain(toReviewer);
    expect(await reviewer.$('#decision-form')).toBeNull();
    expect(await reviewer.textContent('#appeal-due')).not.toMatch(/\d+ (天|days)/);
    expect(await reviewer.$$eval('#appeal-timeline > li', (steps) => steps.map((li) => li.dataset.step))).toEqual(['filed', 'in-review', 'withdrawn']);
    await reviewer.close();
  });

  it.each(['zh', 'en'])('names a refused checkpoint when the entries are intact, not "entry undefined" (%s)', async (lang) => {
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.waitForSelector('nav a[href="#/audit"]');
    await page.click('nav a[href="#/audit"]');
    await page.click('#verify-button');
    await page.waitForSelector('#verify-result');
    const verdict = (await page.textContent('#verify-result'))!;
    expect(await page.getAttribute('#verify-result', 'class')).toContain('bad');
    expect(verdict).toContain('checkpoint signature is invalid');
    expect(verdict).toContain('7');
    expect(verdict).not.toContain('undefined');
    await page.close();
  });
});
