import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser } from './suite-process.harness';
import { OWN_CODE } from './web-app.harness';

const FILE = 'audit-bodies-0-99.jsonl.gz';

/** A receipt of an entry whose body was archived, as oversight serves it: the leaf hash proved, the file named. */
const ARCHIVED_RECEIPT = {
  version: 1,
  entry: { seq: 42, prevHash: 'a'.repeat(64), bodyJson: null, leafHash: 'b'.repeat(64) },
  bodyArchive: { seq: 100, file: FILE, sha256: 'c'.repeat(64) },
  leafIndex: 42,
  checkpoint: { origin: 'tianping-audit-log', treeSize: 120, rootHash: 'd'.repeat(64), timestamp: '2026-11-03T00:00:00.000Z', keyId: 'k', signature: 's' },
  inclusionProof: ['e'.repeat(64)],
};

/** An entry of the record as GET /api/audit/entries serves it. */
function entry(seq: number, kind: string, archivedIn: string | null) {
  const body = archivedIn ? null : { kind, data: {} };
  return {
    seq,
    kind,
    subjectRef: kind === 'archive' ? FILE : OWN_CODE,
    recordedAt: '2026-11-02T03:04:05.000Z',
    prevHash: '0'.repeat(64),
    leafHash: 'f'.repeat(64),
    bodyJson: body && JSON.stringify(body),
    body,
    bodyArchivedIn: archivedIn,
  };
}

const VERIFIED = { ok: true, entries: 120, rows: 120, checkpointsVerified: 3, unanchoredEntries: 0, checkpointFailures: [], witnessedTreeSize: null };

/**
 * Once score bodies are archived (归档), the pages say so where they would show a score's content, and
 * still hand out its receipt: the enterprise's receipt box, the record's table and its verification.
 */
describeWithBrowser('pages over a record whose older score bodies are archived', () => {
  let pages: FakePages;
  const answers: Record<string, unknown> = {
    [`GET /api/scores/${OWN_CODE}`]: {
      creditCode: OWN_CODE,
      scoreId: 's-1',
      asOf: '2026-11-01',
      probability: 0.2,
      colour: 'green',
      contributions: [{ factor: 'violations_3y', value: 0, contribution: -0.2 }],
      reasons: [],
      suggestions: [],
    },
    [`GET /api/reviews/enterprises/${OWN_CODE}`]: {
      score: { creditCode: OWN_CODE, scoreId: 's-1', colour: 'green', probability: 0.2 },
      effectiveColour: 'green',
      state: 'in-effect',
      decision: null,
      scoreSeq: 42,
      scoreArchivedIn: FILE,
      decisions: [],
      appeals: [],
    },
    [`GET /api/reviews/enterprises/${OWN_CODE}/score-receipt`]: ARCHIVED_RECEIPT,
    [`GET /api/enterprises/${OWN_CODE}`]: { subject: { creditCode: OWN_CODE, name: '佛山市示例家具有限公司' }, cases: [], clues: [] },
    'GET /api/audit/entries': [entry(121, 'archive', null), entry(43, 'score', null), entry(42, 'score', FILE)],
    'GET /api/audit/checkpoints/latest': null,
    'GET /api/reviews/summary': { pendingConfirmations: 0, appeals: { filed: 0, 'in-review': 0, overdue: 0 } },
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
  }, 60_000);
  afterAll(() => pages?.close());

  async function verifyOnAuditPage(page: Page): Promise<string> {
    await page.click('nav a[href="#/audit"]');
    await page.click('#verify-button');
    await page.waitForSelector('#verify-result');
    return (await page.textContent('#verify-result'))!;
  }

  it.each([
    ['zh', ['归档', FILE, '第 42 条', '执法局或监督部门']],
    ['en', ['archived (归档)', FILE, 'entry 42', 'bureau or the oversight office']],
  ])("tells the enterprise its score's full record is archived and how to get it; the receipt still downloads (%s)", async (lang, words) => {
    const page = await pages.signIn('ent', { lang: lang as 'zh' | 'en' });
    await page.waitForSelector('#score-archived');
    const notice = (await page.textContent('#score-archived'))!;
    for (const word of words) expect(notice).toContain(word);
    expect(notice).not.toContain('undefined');
    // What the receipt holds is said as it is: no longer "everything in this score".
    const help = (await page.textContent('.receipt-help'))!;
    expect(help).toContain(lang === 'zh' ? '归档文件名' : 'archive file that holds its full content');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#score-receipt')]);
    expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual(ARCHIVED_RECEIPT);
    await page.close();
  });

  it.each([
    ['zh', '正文已归档', 'AUDIT_ARCHIVE_DIR', '19 条评分的正文已归档'],
    ['en', 'Body archived', 'AUDIT_ARCHIVE_DIR', 'The bodies of 19 scores are archived'],
  ])('marks archived entries with their file, and says which bodies the verification left unchecked (%s)', async (lang, archived, setting, unchecked) => {
    answers['POST /api/audit/verify'] = { ...VERIFIED, bodiesArchived: 19, bodiesUnchecked: 19 };
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    const text = await verifyOnAuditPage(page);
    expect(text).toContain(unchecked);
    expect(text).toContain(setting);
    expect(await page.textContent('#audit-table tr[data-seq="42"] [data-archived-in]')).toContain(`${archived}`);
    expect(await page.getAttribute('#audit-table tr[data-seq="42"] [data-archived-in]', 'data-archived-in')).toBe(FILE);
    expect(await page.$('#audit-table tr[data-seq="43"] [data-archived-in]')).toBeNull();
    expect(await page.textContent('#audit-table')).not.toContain('undefined');
    await page.close();
  });

  it.each(['zh', 'en'])('names an archive file that failed the check, not "0 checkpoints refused" (%s)', async (lang) => {
    const problem = `SHA-256 ${'1'.repeat(64)} is not the record's`;
    answers['POST /api/audit/verify'] = {
      ...VERIFIED,
      ok: false,
      bodiesArchived: 19,
      bodiesUnchecked: 19,
      archives: [{ file: FILE, ok: false, bodiesChecked: 0, problem }],
    };
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    const text = await verifyOnAuditPage(page);
    expect(await page.getAttribute('#verify-result', 'class')).toContain('bad');
    expect(await page.textContent(`#verify-result [data-archive="${FILE}"]`)).toContain(problem);
    expect(text).not.toMatch(/\b0 (个签名检查点|signed checkpoint)/);
    await page.close();
    answers['POST /api/audit/verify'] = { ...VERIFIED, bodiesArchived: 19, bodiesUnchecked: 0, archives: [{ file: FILE, ok: true, bodiesChecked: 19 }] };
    const again = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    expect(await verifyOnAuditPage(again)).toContain(lang === 'zh' ? '19 条评分正文逐条核对' : '19 score bodies checked one by one');
    await again.close();
  });
});
