import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { canonicalJson } from '@tianping/audit-log';
import { fairnessCell, FIXTURE_PERIOD, fixtureReport, ONE_RED_VIOLATOR } from '../../../apps/oversight/src/audits/audit-report.fixture';
import { factorDrift } from '../../../apps/oversight/src/audits/drift.util';
import type { FairnessCell } from '../../../apps/oversight/src/audits/fairness.util';
import { publicReport, withheldCells, type AuditReportBody } from '../../../apps/oversight/src/audits/public-report.util';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';

const ID = '3d0c9a52-7b1e-4c55-9f0e-000000000042';
const at = (district: string, industry: string, over: Partial<FairnessCell>) => fairnessCell({ district, industry, ageBucket: 4, ...over });

/** Two districts of Foshan and one (440699) with a single enterprise: red, drawn, inspected, a violation found. */
const CELLS = [
  at('440604', 'C', {
    population: 60,
    flagged: 20,
    selected: 24,
    inspected: 30,
    violations: 12,
    sampleInspections: 20,
    sampleViolations: 10,
    truePositives: 6,
    falsePositives: 3,
    predictedSum: 8,
  }),
  at('440605', 'F', {
    population: 45,
    flagged: 6,
    selected: 12,
    inspected: 18,
    violations: 5,
    sampleInspections: 15,
    sampleViolations: 5,
    truePositives: 3,
    falsePositives: 2,
    predictedSum: 3,
  }),
  at('440699', 'Q', ONE_RED_VIOLATOR),
];

function fullReport(): AuditReportBody {
  const industry = factorDrift(
    'industry',
    new Map([
      ['level:C', 60],
      ['level:F', 45],
    ]),
    new Map([
      ['level:C', 60],
      ['level:F', 45],
      ['level:Q', 1],
    ]),
  );
  return { ...fixtureReport(ID, CELLS, { minGroupSize: 30, factors: [industry] }), trigger: 'scheduled' };
}

const full = fullReport();
const fullSha = createHash('sha256').update(canonicalJson(full)).digest('hex');
const copy = publicReport(full, fullSha, 10);
const copySha = createHash('sha256').update(canonicalJson(copy)).digest('hex');
const withheld = withheldCells(copy);
const envelope = { id: ID, trigger: 'scheduled', period: FIXTURE_PERIOD, createdAt: '2026-04-01T00:00:00.000Z', auditSeq: 41, headline: copy.headline };
describeWithBrowser('an audit report with a one-enterprise district, public and inside, in a real browser', () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({
      [`GET /api/public/audit-reports/${ID}`]: {
        ...envelope,
        sha256: copySha,
        reportSha256: fullSha,
        publication: { publishedAt: '2026-04-02T00:00:00.000Z', auditSeq: 42, minGroupSize: 10, publicCopySeq: 42 },
        report: copy,
      },
      [`GET /api/audits/reports/${ID}`]: {
        ...envelope,
        sha256: fullSha,
        requestedBy: 'quarterly schedule',
        publication: { publishedBy: 'overseer', publishedAt: '2026-04-02T00:00:00.000Z', auditSeq: 42 },
        publicCopy: { sha256: copySha, minGroupSize: 10, auditSeq: 42, createdAt: '2026-04-02T00:00:00.000Z' },
        report: full,
        publicWithheld: { ...withheld, stored: true },
      },
      'GET /api/reviews/summary': { pendingConfirmations: 0, appeals: { filed: 0, 'in-review': 0, overdue: 0 } },
    });
  }, 60_000);
  afterAll(() => pages?.close());

  it.each([
    ['zh', '少于 10', '已隐去', '少于 10 家企业'],
    ['en', 'fewer than 10', 'withheld', 'fewer than 10 enterprises'],
  ])('shows no figure of the small district to the public, says why, and the fingerprint still matches (%s)', async (lang, underK, complement, note) => {
    const page = await pages.browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.addInitScript((l) => localStorage.setItem('tp.lang', l), lang);
    await page.goto(`${pages.web.baseUrl}/register.html#/reports/${ID}`);
    await page.waitForSelector('#fingerprint-check [data-matches]');
    expect(await page.getAttribute('#fingerprint-check [data-matches]', 'data-matches')).toBe('true');
    expect(await page.textContent('#withheld-note')).toContain(note);
    // The chart row says so in words, with no bar; the numbers table likewise, the next smallest district withheld with it.
    expect(await page.textContent('#fairness-district svg [data-withheld="440699"]')).toBe(underK);
    expect(await page.$('#fairness-district svg rect[data-group="440699"]')).toBeNull();
    expect(await page.textContent('#fairness-district svg [data-withheld="440605"]')).toBe(complement);
    await page.click('#fairness-district details summary');
    const row = (await page.textContent('#fairness-district tr[data-group="440699"]'))!;
    expect(row).toContain(underK);
    expect(row).not.toMatch(/\d+\/\d+/);
    // The industry factor's drift bins count each section's enterprises: withheld, the PSI kept.
    await page.click('#drift-chart [data-factor="industry"]');
    expect(await page.textContent('#drift-bins [data-withheld="bins"]')).toContain(lang === 'zh' ? '分箱' : 'bins');
    await page.screenshot({ path: join(SCREENSHOTS, `00-public-report-withheld-${lang}.png`), fullPage: true });
    await page.close();
  });

  it.each([
    ['zh', '2026年1月1日 → 2026年3月31日'],
    ['en', '1 Jan 2026 → 31 Mar 2026'],
  ])('shows officers every figure, marking those the public copy withholds (%s)', async (lang, period) => {
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/audits/reports/${ID}`);
    await page.waitForSelector('#report-published');
    // The period and the drift baseline's days read as the officer writes dates, never as ISO.
    const main = await page.$eval('main', (el) => (el as HTMLElement).innerText);
    expect(main).toContain(period);
    expect(main).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    const marked = Object.values(withheld.groups).reduce((n, groups) => n + Object.keys(groups).length, 0);
    expect(marked).toBeGreaterThanOrEqual(2);
    expect(await page.getAttribute('#withheld-note', 'data-marked')).toBe(String(marked));
    expect(await page.$('#fairness-district svg rect[data-group="440699"]')).not.toBeNull();
    expect(await page.textContent('#fairness-district svg')).toContain('†');
    await page.click('#fairness-district details summary');
    expect(await page.textContent('#fairness-district tr[data-group="440699"]')).toContain('100.0% (1/1) †');
    expect(await page.textContent('#public-sha')).toBe(copySha);
    await page.screenshot({ path: join(SCREENSHOTS, `00-oversight-report-withheld-${lang}.png`), fullPage: true });
    await page.close();
  });
});
