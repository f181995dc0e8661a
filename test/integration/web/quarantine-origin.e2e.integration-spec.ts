import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser } from './suite-process.harness';

const PLATFORM_ORIGINS = ['双随机', '投诉举报', '专项检查', '线索移送', '其他'];

/** A platform's case row saying 整改复查, as intake holds it: the origin only Tianping's re-inspections use. */
const HELD = {
  id: 21,
  kind: 'cases',
  source: 'http',
  line: 1,
  rawMasked: {
    case_no: 'FS-SAMR-2024-000201',
    credit_code: '91440604MA4UJ8K20C',
    department: 'SAMR',
    kind: '检查',
    origin: '整改复查',
    date: '2024-03-12',
    items: 'SAMR-03',
    result: '责令整改',
    violation: '从业人员未取得健康证明',
    penalty_yuan: '',
    officer_ids: '44060400123;44060400456',
    updated_at: '2024-03-13 09:00:00',
  },
  reasons: [
    {
      field: 'origin',
      code: 'tianping_only',
      message: "origin is the origin of Tianping's own re-inspections (整改复查), which a platform's export never holds",
      expected: { allowed: PLATFORM_ORIGINS },
    },
  ],
  status: 'open',
  runId: null,
  createdAt: '2026-12-05T20:01:37.408Z',
  resolvedAt: null,
  resolution: null,
};

describeWithBrowser("a platform's case held for Tianping's own origin (整改复查), as the administrator reads it", () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({ 'GET /api/quarantine/21': HELD });
  }, 60_000);
  afterAll(async () => {
    await pages?.close();
  });

  it("says the origin is Tianping's own and which of the platform's five to give, in Chinese and in English", async () => {
    const page = await pages.signIn('admin', { lang: 'zh' });
    await page.goto(`${pages.web.baseUrl}/#/quarantine/21`);
    await page.waitForSelector('[data-problem="origin"]');
    const zh = await page.textContent('[data-problem="origin"]');
    expect(zh).toContain('是只有天平自己的复查才用的取值（整改复查），平台导出的记录里不会有');
    expect(zh).toContain(`可填：${PLATFORM_ORIGINS.join('、')}`);
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('[data-problem="origin"]')?.textContent?.includes('Tianping'));
    const en = await page.textContent('[data-problem="origin"]');
    expect(en).toContain("is a value only Tianping's own re-inspections use (整改复查), never found in a platform's export");
    expect(en).toContain(`allowed: ${PLATFORM_ORIGINS.join(', ')}`);
    await page.close();
  }, 60_000);
});
