import { join } from 'node:path';
import { fairnessCell, fixtureReport } from '../../../apps/oversight/src/audits/audit-report.fixture';
import { driftComparison, factorDrift } from '../../../apps/oversight/src/audits/drift.util';
import { pendingModelApproval } from './accessibility.fixtures';
import { settle, startFakePages, type FakePages } from './fake-pages.harness';
import { OWN_CODE } from './web-app.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';

/**
 * What the oversight officer needs in front of them for the decisions they sign: the appealed score's
 * basis beside an appeal, a report headline that does not call a self-comparison stable, and a
 * candidate model beside the model in use.
 */

const CODE = '91440608255040266L';

const APPEAL = {
  id: 'AP-BASIS-1',
  creditCode: CODE,
  scoreId: 'scoring-151',
  modelVersion: 'm-1',
  colour: 'yellow',
  probability: 0.31,
  status: 'filed',
  outcome: null,
  reviewer: null,
  decisionReasons: null,
  overdue: false,
  filedAt: '2026-12-05T20:00:00.000Z',
  dueAt: '2026-12-20T20:00:00.000Z',
  decidedAt: null,
  closedAt: null,
  grounds: '2025年1月人社检查发现的问题已整改完毕，并经复查合格。',
  challenges: [
    {
      kind: 'case',
      recordId: 'FS-HRSS-2025-000038',
      claim: '已整改并复查合格',
      record: {
        date: '2025-06-18',
        department: 'HRSS',
        kind: '检查',
        origin: '双随机',
        result: '责令整改',
        violation: '未依法签订劳动合同',
        violationFound: true,
        penaltyYuan: 0,
      },
    },
  ],
  evidence: [],
  steps: [],
};

const SCORE = {
  scoreId: 'scoring-151',
  creditCode: CODE,
  probability: 0.31,
  colour: 'yellow',
  contributions: [
    { factor: 'complaints_12m', value: 1, contribution: 0.8 },
    { factor: 'violations_3y', value: 1, contribution: 0.086 },
  ],
  reasons: [],
};

/** The same appeal for the enterprise that filed it, decided, its records corrected and re-scored. */
const RESCORED = {
  ...APPEAL,
  id: 'AP-DONE-1',
  creditCode: OWN_CODE,
  status: 'decided',
  outcome: 'corrected',
  reviewer: 'overseer',
  decisionReasons: '该次检查问题已整改复查合格，撤销该认定。',
  decidedAt: '2026-12-06T02:55:00.000Z',
  closedAt: '2026-12-06T02:56:00.000Z',
  steps: [
    { step: 'decided', actor: 'overseer', note: null, detail: { outcome: 'corrected' }, at: '2026-12-06T02:55:00.000Z', auditSeq: 11 },
    {
      step: 'rescored',
      actor: 'scoring',
      note: null,
      detail: { previousColour: 'yellow', previousProbability: 0.31, colour: 'green', probability: 0.12 },
      at: '2026-12-06T02:56:00.000Z',
      auditSeq: 12,
    },
  ],
};

const REPORT_ID = '3d0c9a52-7b1e-4c55-9f0e-0000000000aa';

/** A stored report whose drift compared the period with itself: every enterprise first scored inside it. */
function selfComparedReport() {
  const same = new Map([
    ['level:C', 60],
    ['level:F', 40],
  ]);
  const body = fixtureReport(REPORT_ID, [fairnessCell({ population: 100 })], { minGroupSize: 30, factors: [factorDrift('industry', same, same)] });
  const firstScored = { kind: 'first-scoring' as const, from: '2026-02-01', to: '2026-02-01', enterprises: 100 };
  const comparison = driftComparison(body.period, [firstScored, firstScored]);
  return {
    ...body,
    headline: { ...body.headline, scorePsi: 0, driftComparable: comparison.comparable },
    drift: { ...body.drift, baselines: { factors: firstScored, score: firstScored }, comparison },
  };
}

const metrics = (auc: number, ece: number, logLoss: number) => ({
  trainRows: 8518,
  trainPositives: 1821,
  validationRows: 1426,
  factors: 12,
  validationAuc: auc,
  validationEce: ece,
  validationLogLoss: logLoss,
});

const CANDIDATE_REQUEST = pendingModelApproval('m-2', {
  specName: 'twelve-factor',
  trainingWindow: { from: '2022-06-28', to: '2026-06-29' },
  metrics: metrics(0.6412, 0.031, 0.5012),
});

const registryEntry = (version: string, state: string, m: ReturnType<typeof metrics>) => ({
  version,
  specId: 'twelve-factor',
  state,
  trainingWindow: { from: '2022-06-28', to: '2026-06-29' },
  metrics: m,
  createdBy: 'trainer-li',
  builtBy: { kind: 'bureau', name: 'bureau' },
  createdAt: '2026-12-05T02:00:00.000Z',
});

describeWithBrowser('what the oversight officer sees before deciding', () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({
      [`GET /api/appeals/${APPEAL.id}`]: APPEAL,
      [`GET /api/appeals/${RESCORED.id}`]: RESCORED,
      [`GET /api/scores/${CODE}`]: SCORE,
      [`GET /api/scores/${CODE}/history`]: {
        creditCode: CODE,
        periods: [
          {
            scoreId: SCORE.scoreId,
            from: '2026-11-20',
            to: '2026-12-05',
            scores: 16,
            probability: SCORE.probability,
            colour: 'yellow',
            modelVersion: 'm-1',
            colourPolicyVersion: 'cp-1',
            change: { model: false, colourPolicy: false, factors: [{ factor: 'complaints_12m', from: 0, to: 1, contributionChange: 0.8 }] },
          },
          {
            scoreId: 'scoring-1',
            from: '2026-10-01',
            to: '2026-11-19',
            scores: 50,
            probability: 0.15,
            colour: 'green',
            modelVersion: 'm-1',
            colourPolicyVersion: 'cp-1',
            change: null,
          },
        ],
        more: false,
        complete: true,
      },
      [`GET /api/reviews/enterprises/${CODE}`]: { decisions: [], appeals: [APPEAL], scoreSeq: 158 },
      'GET /api/enterprises': [{ creditCode: CODE, name: '佛山市高明区源合家具有限公司' }],
      'GET /api/approvals/models/m-2': CANDIDATE_REQUEST,
      'GET /api/models/m-2/factors': {
        version: 'm-2',
        specId: 'twelve-factor',
        factors: [
          {
            name: 'violations_3y',
            label: { zh: '近三年违法次数', en: 'Violations in the last 3 years' },
            kind: 'numeric',
            source: 'violationsInWindow',
            actionable: true,
            monotone: 'increasing',
            effect: { low: Math.log(0.5), high: Math.log(2.3) },
          },
          {
            name: 'industry',
            label: { zh: '行业类别', en: 'Industry' },
            kind: 'categorical',
            source: 'industry',
            actionable: false,
            monotone: null,
            effect: { low: -0.1, high: 0.2 },
          },
        ],
      },
      [`GET /api/audits/reports/${REPORT_ID}`]: {
        id: REPORT_ID,
        trigger: 'on-demand',
        period: selfComparedReport().period,
        createdAt: '2026-04-01T00:00:00.000Z',
        auditSeq: 41,
        requestedBy: 'overseer',
        sha256: 'a'.repeat(64),
        headline: selfComparedReport().headline,
        publication: null,
        publicCopy: null,
        report: selfComparedReport(),
      },
      'GET /api/models': [registryEntry('m-2', 'draft', metrics(0.6412, 0.031, 0.5012)), registryEntry('m-1', 'active', metrics(0.6824, 0.0095, 0.4777))],
      'GET /api/approvals': [],
      'GET /api/colour-policies': [],
      'GET /api/kill-switch': {
        suspended: true,
        since: { at: '2026-12-05T08:00:00.000Z', actor: 'overseer', reason: 'drift under review', suspended: true, auditSeq: 90 },
        history: [{ at: '2026-12-05T08:00:00.000Z', actor: 'overseer', reason: 'drift under review', suspended: true, auditSeq: 90 }],
      },
    });
  }, 60_000);

  afterAll(async () => {
    await pages?.close();
  });

  it('shows the reviewer of an appeal the enterprise and every factor the appealed score counted', async () => {
    const page = await pages.signIn('overseer', { width: 1280 });
    await page.goto(`${pages.web.baseUrl}/#/reviews/appeals/${APPEAL.id}`);
    await page.waitForSelector('#appeal-basis [data-factor="violations_3y"]');
    await page.waitForFunction(() => document.querySelector('#appeal-basis .ent-name')?.textContent);
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'oversight-appeal-basis.png'), fullPage: true });
    const basis = await page.textContent('#appeal-basis');
    expect(basis).toContain('佛山市高明区源合家具有限公司');
    expect(basis).toContain('近三年违法次数');
    expect(basis).toContain('近一年投诉举报');
    // The challenged case as the enterprise's file had it when filing: what its claim is weighed against.
    const facts = await page.textContent('[data-record-facts="case"]');
    for (const fact of ['2025', '责令整改', '未依法签订劳动合同', '双随机']) expect(facts).toContain(fact);
    // When the score turned yellow, and the complaint that did it.
    expect(await page.textContent('#score-history [data-moved="complaints_12m"]')).toContain('0 → 1');
    // The appealed score is the current one: no note that a newer score replaced it.
    expect(await page.$('#appeal-basis [data-newer-score]')).toBeNull();
    await page.close();
  }, 60_000);

  it("puts a candidate model's validation figures beside the model in use, on a phone too", async () => {
    const page = await pages.signIn('overseer', { width: 390, lang: 'en' });
    await page.goto(`${pages.web.baseUrl}/#/models/versions/m-2`);
    await page.waitForSelector('#model-comparison [data-metric="auc"]');
    await settle(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'oversight-model-comparison-phone.png'), fullPage: true });
    const auc = await page.textContent('#model-comparison [data-metric="auc"]');
    expect(auc).toContain('0.641');
    expect(auc).toContain('0.682');
    expect(await page.textContent('[data-difference="auc"]')).toContain('−0.041');
    expect(await page.textContent('[data-difference="ece"]')).toContain('+0.0215');
    expect(await page.textContent('#model-comparison')).not.toContain('m-1');
    expect(await page.textContent('main')).toContain('m-1, the model in use');
    // The legal reviewer reads each factor, whether an enterprise can change it, and how far it moves the odds.
    expect(await page.textContent('#model-factors [data-factor="violations_3y"]')).toContain('Violations in the last 3 years');
    expect(await page.textContent('#model-factors [data-reach="violations_3y"]')).toBe('×0.5 – ×2.3');
    expect(await page.textContent('#model-factors')).toContain('the higher the value, never lower risk');
    // The sign-offs still missing are listed the English way.
    expect(await page.textContent('main')).toContain('technical review, legal review');
    expect(await page.textContent('main')).not.toContain('、');
    // Every figure is on the screen, not behind a sideways scroll.
    const overflow = await page.$eval('#model-comparison', (table) => table.getBoundingClientRect().right - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.close();
  }, 60_000);

  it('marks the model in use suspended in the registry while the kill switch is on, from one reading of the switch', async () => {
    const page = await pages.signIn('overseer', { width: 1280 });
    const switchReads: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/kill-switch') switchReads.push(request.url());
    });
    await page.goto(`${pages.web.baseUrl}/#/models`);
    await page.waitForSelector('#model-registry [data-model-state]');
    await settle(page);
    expect(await page.getAttribute('#kill-switch-state', 'data-suspended')).toBe('true');
    expect(switchReads).toHaveLength(1);
    const states = await page.$$eval('#model-registry [data-model-state]', (cells) => cells.map((c) => [c.getAttribute('data-model-state'), c.textContent]));
    expect(states).toEqual([
      ['draft', '草稿'],
      ['suspended', '已暂停'],
    ]);
    await page.close();
  }, 60_000);

  it("gives a report's headline score PSI no 'stable' when its drift compared the period with itself", async () => {
    const page = await pages.signIn('overseer');
    await page.goto(`${pages.web.baseUrl}/#/audits/reports/${REPORT_ID}`);
    await page.waitForSelector('#report-headline');
    const tile = await page.textContent('#report-headline');
    expect(tile).toContain('不可比较');
    expect(tile).not.toContain('稳定');
    await page.close();
  }, 60_000);

  it('tells the enterprise, under the decision, the colour its corrected records were re-scored to', async () => {
    const page = await pages.signIn('ent', { width: 390, lang: 'en' });
    await page.goto(`${pages.web.baseUrl}/#/my/appeals/${RESCORED.id}`);
    await page.waitForSelector('#appeal-decision');
    const decision = await page.textContent('#appeal-decision');
    expect(decision).not.toContain('once they are applied');
    expect(decision).toContain('re-scored on 6 Dec 2026');
    expect(await page.getAttribute('#appeal-outcome-now', 'data-rescored')).toBe('green');
    await page.close();
  }, 60_000);
});
