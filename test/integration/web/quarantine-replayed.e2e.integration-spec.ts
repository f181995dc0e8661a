import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe-check';
import { startFakePages, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';

/** A platform's case row, as intake holds it, with `fields` over the defaults. */
const caseRecord = (id: number, fields: Record<string, string>, extra: Record<string, unknown>) => ({
  id,
  kind: 'cases',
  source: 'http',
  line: 1,
  rawMasked: {
    case_no: 'FS-HEALTH-2026-000311',
    credit_code: '91440605MA4WLX0043',
    department: 'XYZ',
    kind: '检查',
    origin: '双随机',
    date: '2026-11-12',
    items: 'HEALTH-01',
    result: '未发现问题',
    violation: '',
    penalty_yuan: '',
    officer_ids: '44060500043;44060500044;44060500045',
    updated_at: '2026-11-13 09:00:00',
    ...fields,
  },
  reasons: [{ field: 'department', code: 'not_allowed', message: 'department is not a known department', expected: { allowed: ['SAMR', 'HEALTH'] } }],
  runId: null,
  createdAt: '2026-12-05T20:01:37.408Z',
  ...extra,
});

/** Corrected to HEALTH and replayed: the same record was already stored, so nothing changed. */
const REPLAYED = caseRecord(
  31,
  {},
  {
    status: 'replayed',
    resolvedAt: '2026-12-06T02:00:00.000Z',
    resolution: {
      by: 'admin',
      fields: ['department'],
      changes: [{ field: 'department', from: 'XYZ', to: 'HEALTH' }],
      counts: { read: 1, inserted: 0, updated: 0, duplicate: 1, stale: 0 },
    },
  },
);
/** Still open, with values whose tokens (codes, ID-like numbers) must not be split across lines. */
const DEPARTMENTS = ['SAMR', 'ENV', 'EMG', 'FIRE', 'HEALTH', 'HRSS', 'CITY', 'AGRI'];
const OPEN = caseRecord(
  32,
  {
    department: 'HEALTH;HRSS',
    items: 'HEALTH-01;HRSS-02',
    officer_ids: '44060500043;44060500044',
  },
  {
    status: 'open',
    resolvedAt: null,
    resolution: null,
    reasons: ['department', 'items', 'officer_ids', 'origin', 'result'].map((field) => ({
      field,
      code: 'not_allowed',
      message: `${field} is not allowed`,
      expected: { allowed: DEPARTMENTS.flatMap((d) => [d, ...[1, 2, 3, 4, 5, 6].map((n) => `${d}-0${n}`)]) },
    })),
  },
);

/** Replayed with two cells joined: values moved between fields, so no column of values after is shown. */
const REJOINED = {
  ...REPLAYED,
  id: 33,
  resolution: { by: 'admin', fields: [], changes: [], rejoined: [6], counts: { read: 1, inserted: 1 } },
};

/**
 * A replayed quarantined record as the administrator reads it: each corrected field's value before and after,
 * its problem resolved (not red), and what the replay did in plain words; values wrap between tokens only.
 */
describeWithBrowser('a corrected and replayed quarantined record, in a real browser', () => {
  let pages: FakePages;

  beforeAll(async () => {
    pages = await startFakePages({ 'GET /api/quarantine/31': REPLAYED, 'GET /api/quarantine/32': OPEN, 'GET /api/quarantine/33': REJOINED });
  }, 60_000);
  afterAll(async () => pages?.close());

  const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText);

  it.each([
    ['zh', '执法部门（XYZ → HEALTH）', '已解决', '系统中已存有一条内容完全相同的记录，所以没有新增，也没有改动任何数据'],
    ['en', '(XYZ → HEALTH)', 'Resolved', 'An identical record was already stored, so nothing was added or changed'],
  ])('shows what each corrected field became, its problem resolved, and what the replay did (%s)', async (lang, change, resolved, outcome) => {
    const page = await pages.signIn('admin', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/quarantine/31`);
    await page.waitForSelector('[data-after="department"]');
    expect(await text(page, '#quarantine-resolution')).toContain(change);
    expect(await text(page, '#quarantine-resolution')).toContain(outcome);
    expect(await text(page, '[data-after="department"]')).toBe('HEALTH');
    expect(await text(page, '[data-problem="department"]')).toContain(resolved);
    expect(await page.getAttribute('[data-problem="department"]', 'class')).not.toContain('bad-text');
    expect(await page.getAttribute('tr[data-field="department"]', 'style')).toBeNull();
    // A field not corrected went in as it came.
    expect(await text(page, '[data-after="case_no"]')).toBe(lang === 'zh' ? '未改动' : 'unchanged');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `quarantine-replayed-${lang}.png`), fullPage: true });
    await page.close();
  });

  it('shows no column of values after for a record whose cells were joined, its problems still resolved', async () => {
    const page = await pages.signIn('admin', { lang: 'zh' });
    await page.goto(`${pages.web.baseUrl}/#/quarantine/33`);
    await page.waitForSelector('[data-resolved="true"]');
    expect(await page.$('[data-after]')).toBeNull();
    expect(await text(page, '#quarantine-resolution')).toContain('合并了被逗号拆开的格');
    await page.close();
  });

  it('keeps codes and ID numbers whole at 1,360 px, wrapping only between them', async () => {
    const page = await pages.signIn('admin', { lang: 'zh' });
    await page.setViewportSize({ width: 1360, height: 900 });
    for (const id of [31, 32]) {
      await page.goto(`${pages.web.baseUrl}/#/quarantine/${id}`);
      await page.waitForSelector(`[data-record="${id}"] #quarantine-fields`);
      // Every token of every value cell (the value sent, and what it was corrected to) lies on one line.
      const split = await page.$$eval('#quarantine-fields tbody td:nth-of-type(1), #quarantine-fields tbody td[data-after]', (cells) => {
        const broken: string[] = [];
        for (const cell of cells) {
          const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const m of (node.textContent ?? '').matchAll(/[\x21-\x7e]+/g)) {
              const range = document.createRange();
              range.setStart(node, m.index);
              range.setEnd(node, m.index + m[0].length);
              if (new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top))).size > 1) broken.push(m[0]);
            }
          }
        }
        return broken;
      });
      expect(split).toEqual([]);
    }
    await page.screenshot({ path: join(SCREENSHOTS, 'quarantine-tokens-1360.png'), fullPage: true });
    await page.close();
  });
});
