import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { creditCodeFor } from '@tianping/testing';
import { subjectLine, SUBJECTS_HEADER, type IntakeHarness } from '../intake/intake-app.harness';
import { openAsAdmin, startIntakePages, type IntakePages } from './intake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';

const codeFor = (i: number) => creditCodeFor('MA9', i);
const BAD_DAY = '2016-13-40';

/**
 * The quarantine list page against the real intake and web gateway: a load taken in by mistake discarded
 * whole, after a reason and a second step, and a record fixed at the source shown closed as superseded.
 */
describeWithBrowser('a whole load discarded, and a superseded record, on the quarantine pages', () => {
  let pages: IntakePages;
  let intake: IntakeHarness;
  const runs = { mistaken: '', other: '' };
  let supersededId = 0;

  const upload = async (...lines: string[]) => {
    const posted = await fetch(`${intake.baseUrl}/api/exports/subjects`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: [SUBJECTS_HEADER, ...lines].join('\n'),
    });
    expect(posted.status).toBe(200);
    return (await intake.dataSource.query(`SELECT id FROM intake.ingest_runs ORDER BY started_at DESC LIMIT 1`))[0].id as string;
  };
  const statuses = async (runId: string) =>
    (await intake.dataSource.query(`SELECT status, resolution->>'by' AS by FROM intake.quarantine WHERE run_id = $1 ORDER BY id`, [runId])) as {
      status: string;
      by: string | null;
    }[];

  beforeAll(async () => {
    pages = await startIntakePages();
    intake = pages.intake;
    runs.mistaken = await upload(...[1, 2, 3].map((i) => subjectLine(codeFor(i), { establishedOn: BAD_DAY })));
    runs.other = await upload(subjectLine(codeFor(4), { establishedOn: BAD_DAY }));
    // Fixed at the source and exported again: the held copy closes by itself.
    await upload(subjectLine(codeFor(5), { establishedOn: BAD_DAY }));
    await upload(subjectLine(codeFor(5), { updatedAt: '2024-05-07 09:00:00' }));
    supersededId = (await intake.dataSource.query(`SELECT id::int FROM intake.quarantine WHERE status = 'superseded'`))[0].id;
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await pages?.close();
  });

  const open = (hash: string, lang: 'zh' | 'en', ready: string): Promise<Page> => openAsAdmin(pages, hash, lang, ready);

  it('discards every open record of the load chosen, after a reason and a second step, and leaves the others open (Chinese)', async () => {
    const page = await open('/quarantine', 'zh', '#quarantine-runs');
    const row = `#quarantine-runs tr[data-run="${runs.mistaken}"]`;
    expect(await page.textContent(row)).toContain('通过接口上传');
    expect(await page.textContent(`${row} [data-discard-run]`)).toBe('放弃这 3 条');
    expect(await page.getAttribute('#quarantine-summary [data-status="superseded"]', 'data-count')).toBe('1');

    await page.click(`${row} [data-discard-run]`);
    await page.click('#discard-run-submit');
    expect(await page.textContent('#discard-run-form [role=alert]')).toContain('至少 3 个字');
    await page.fill('#discard-run-reason', '测试文件误导入');
    await page.click('#discard-run-submit');
    expect(await page.textContent('#discard-run-form [data-confirm=open]')).toContain('全部 3 条待处理记录');
    // Nothing is discarded before the second step.
    expect((await statuses(runs.mistaken)).map((r) => r.status)).toEqual(['open', 'open', 'open']);
    await page.screenshot({ path: join(SCREENSHOTS, 'quarantine-discard-run-confirm-zh.png'), fullPage: true });

    await page.click('#discard-run-form [data-confirm-yes]');
    await page.waitForSelector('#discard-run-outcome');
    expect(await page.textContent('#discard-run-outcome')).toContain('已放弃来自 通过接口上传 的 3 条记录');
    expect(await statuses(runs.mistaken)).toEqual(Array.from({ length: 3 }, () => ({ status: 'discarded', by: 'admin' })));
    expect((await statuses(runs.other)).map((r) => r.status)).toEqual(['open']);
    await page.waitForSelector(`#quarantine-runs tr[data-run="${runs.other}"]`);
    expect(await page.$(row)).toBeNull();
    expect(await page.getAttribute('#quarantine-summary [data-status="discarded"]', 'data-count')).toBe('3');
    await page.close();
  });

  it('lists superseded records under their status, and says on the record what superseded it (English)', async () => {
    const page = await open('/quarantine', 'en', '#quarantine-list');
    await page.selectOption('#quarantine-filter select[name=status]', 'superseded');
    await page.waitForSelector(`#quarantine-list tr[data-id="${supersededId}"]`);
    expect(await page.textContent(`#quarantine-list tr[data-id="${supersededId}"]`)).toContain('Superseded');
    await page.click(`#quarantine-list [data-record="${supersededId}"]`);
    await page.waitForSelector('#quarantine-resolution');
    const said = await page.textContent('#quarantine-resolution');
    expect(said).toContain('a valid version of the same record');
    expect(said).toContain('Source: Uploaded through the API');
    await page.screenshot({ path: join(SCREENSHOTS, 'quarantine-superseded-en.png'), fullPage: true });
    await page.close();
  });
});
