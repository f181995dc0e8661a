import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { creditCodeFor } from '@tianping/testing';
import { SUBJECTS_HEADER as HEADER, type IntakeHarness } from '../intake/intake-app.harness';
import { openAsAdmin, startIntakePages, type IntakePages } from './intake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';

const codeFor = (i: number) => creditCodeFor('MA7', i);
const row = (code: string, name: string, address: string) =>
  `${code},${name},2016-04-12,50,50,12,H6210,440605,${address},113.1102,23.0297,存续,否,0,陈明,440604198703150018,2024-05-06 10:12:00`;
const ADDRESS = '佛山市南海区桂城街道,灯湖东路1号';

/**
 * The quarantine record page on a CSV row split by an unquoted comma, against the real intake and the
 * real web gateway: the cells in order, the split joined (and undone) in a preview, replayed, stored.
 */
describeWithBrowser('joining a ragged row on the quarantine record page', () => {
  let pages: IntakePages;
  let intake: IntakeHarness;
  const ids = { address: 0, name: 0, short: 0 };
  // The empty 住所 dropped with its comma: a cell too few, every later one a column to the left.
  const shortRow = (code: string) => row(code, '安和', 'x').replace(',x,', ',');

  beforeAll(async () => {
    pages = await startIntakePages();
    intake = pages.intake;
    const csv = [HEADER, row(codeFor(1), '明记', ADDRESS), row(codeFor(2), 'Foo, Ltd', '桂城'), shortRow(codeFor(3))].join('\n');
    const posted = await fetch(`${intake.baseUrl}/api/exports/subjects`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(await posted.json()).toMatchObject({ read: 3, quarantined: 3 });
    const held = (await intake.dataSource.query(`SELECT id FROM intake.quarantine ORDER BY line`)) as { id: number }[];
    [ids.address, ids.name, ids.short] = held.map((r) => r.id);
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await pages?.close();
  });

  const openRecord = (id: number, lang: 'zh' | 'en'): Promise<Page> => openAsAdmin(pages, `/quarantine/${id}`, lang, '#quarantine-cells');
  const stored = async (code: string) =>
    (await intake.dataSource.query(`SELECT name, address, lng::text, updated_at FROM intake.subjects WHERE credit_code = $1`, [code]))[0];
  const personal = async (code: string) => (await fetch(`${intake.baseUrl}/api/enterprises/${code}/personal-data`)).json();
  const fieldValue = (page: Page, key: string) => page.textContent(`#quarantine-fields tr[data-field="${key}"] td:nth-child(2)`);

  it('shows the cells in order, joins the split address in a preview, undoes and replays it (Chinese)', async () => {
    const page = await openRecord(ids.address, 'zh');
    expect(await page.textContent('#quarantine-cells-suggestion')).toContain('住所');
    expect(await page.textContent('#quarantine-cells tr[data-cell="8"]')).toContain('可能在此被逗号拆开');
    expect(await page.textContent('#quarantine-cells tr[data-cell="17"]')).toContain('超出表头');
    // The ID number one column right, under 更新时间, is said to be masked there.
    expect(await page.textContent('#quarantine-cells tr[data-cell="16"]')).toContain('已脱敏');
    expect(await page.textContent('body')).not.toMatch(/陈明|440604198703150018/);

    await page.click('#quarantine-cells [data-join="8"]');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-join'))).toBe('8');
    expect(await page.getAttribute('#quarantine-cells [data-join="8"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('#quarantine-cells-status')).toContain('已合并 1 处');
    expect(await fieldValue(page, 'address')).toContain(ADDRESS);
    expect(await fieldValue(page, 'lng')).toContain('113.1102');
    expect(await fieldValue(page, 'legal_rep_name')).toContain('已脱敏');
    expect(await fieldValue(page, 'legal_rep_changes_2y')).toContain('原格已脱敏');
    expect(await page.$('#quarantine-fields tr[data-field="_column_18"]')).toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'quarantine-ragged-joined-zh.png'), fullPage: true });
    // On a phone each cell is a block, its join button within reach rather than off screen to the right.
    await page.setViewportSize({ width: 390, height: 844 });
    const button = (await page.$('#quarantine-cells [data-join="8"]'))!;
    expect((await button.boundingBox())!.x + (await button.boundingBox())!.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SCREENSHOTS, 'quarantine-ragged-joined-zh-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1360, height: 900 });

    // Undone, the row is as it came; joined again, it is replayed and stored with its real personal fields.
    await page.click('#quarantine-cells [data-join="8"]');
    expect(await page.getAttribute('#quarantine-cells [data-join="8"]', 'aria-pressed')).toBe('false');
    expect(await page.$('#quarantine-fields tr[data-field="_column_18"]')).not.toBeNull();
    await page.click('#quarantine-cells [data-join="8"]');
    await page.click('#replay-submit');
    await page.waitForSelector('#replay-outcome[data-accepted="true"]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('replay-outcome');
    expect(await page.textContent('#quarantine-resolution')).toContain('第 9 与第 10 格');
    expect(await stored(codeFor(1))).toMatchObject({ name: '明记', address: ADDRESS, lng: '113.1102' });
    expect(await personal(codeFor(1))).toMatchObject({ legalRepName: '陈明', legalRepId: '440604198703150018' });
    await page.close();
  });

  it('refuses a wrong join leaving the record as it came, then takes the suggested one (English)', async () => {
    const page = await openRecord(ids.name, 'en');
    expect(await page.textContent('#quarantine-cells-suggestion')).toContain('Name');
    await page.click('#quarantine-cells [data-join="2"]');
    await page.click('#replay-submit');
    await page.waitForSelector('#replay-outcome[data-accepted="false"]');
    expect(await page.textContent('#replay-outcome')).toContain('stays as it came');
    expect(await page.textContent('#quarantine-fields [data-problem="established_on"]')).not.toBe('—');

    await page.click('#quarantine-cells [data-join="2"]');
    await page.click('#apply-suggested');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('quarantine-cells-status');
    expect(await fieldValue(page, 'name')).toContain('Foo, Ltd');
    await page.screenshot({ path: join(SCREENSHOTS, 'quarantine-ragged-joined-en.png'), fullPage: true });
    await page.click('#replay-submit');
    await page.waitForSelector('#replay-outcome[data-accepted="true"]');
    expect(await page.textContent('#quarantine-resolution')).toContain('cells 2 and 3');
    expect(await stored(codeFor(2))).toMatchObject({ name: 'Foo, Ltd', address: '桂城' });
    expect(await personal(codeFor(2))).toMatchObject({ legalRepName: '陈明', legalRepId: '440604198703150018' });
    await page.close();
  });

  it('puts back the empty cell a short row lost, takes it out again, and replays it (Chinese)', async () => {
    const page = await openRecord(ids.short, 'zh');
    expect(await page.textContent('#quarantine-cells-suggestion')).toContain('住所');
    expect(await page.textContent('#quarantine-cells tr[data-cell="8"]')).toContain('前面可能漏了一个空格');
    expect(await page.textContent('body')).not.toMatch(/陈明|440604198703150018/);

    // Put in at the wrong cell, then taken out: the row is as it came.
    await page.click('#quarantine-cells [data-insert="3"]');
    expect(await page.textContent('#quarantine-cells tr[data-cell="3"]')).toContain('前面补了 1 个空格');
    expect(await fieldValue(page, 'registered_capital_wan')).toContain('补格后移到此列');
    await page.click('#quarantine-cells [data-undo-insert="3"]');
    expect(await page.textContent('#quarantine-cells-status')).toContain('还没有补任何空格');

    await page.click('#apply-suggested');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('quarantine-cells-status');
    expect(await fieldValue(page, 'lng')).toContain('113.1102');
    expect(await fieldValue(page, 'legal_rep_name')).toContain('已脱敏');
    expect(await page.textContent('body')).not.toMatch(/陈明|440604198703150018/);
    await page.screenshot({ path: join(SCREENSHOTS, 'quarantine-short-row-zh.png'), fullPage: true });
    await page.click('#replay-submit');
    await page.waitForSelector('#replay-outcome[data-accepted="true"]');
    expect(await page.textContent('#quarantine-resolution')).toContain('第 9 格前');
    expect(await stored(codeFor(3))).toMatchObject({ name: '安和', address: null, lng: '113.1102' });
    expect(await personal(codeFor(3))).toMatchObject({ legalRepName: '陈明', legalRepId: '440604198703150018' });
    await page.close();
  });
});
