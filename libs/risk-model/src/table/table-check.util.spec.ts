import { backtestTable } from '../backtest/backtest-table.util';
import { toDayNumber } from '../spec/date.util';
import { generatedCitySpec, generateCityTable } from '../testing/generated-city.util';
import { tableDay, usableTableRows, yesNoCell } from './table-check.util';
import { tableLayout } from './table-factors.util';

describe("a flat table from someone else's system", () => {
  const spec = generatedCitySpec();
  const layout = tableLayout(spec);

  it('reads dates year first, in the common separators, and a date-time as its day', () => {
    const day = toDayNumber('2014-09-02');
    for (const cell of [
      '2014-09-02',
      '2014/9/2',
      '2014.09.02',
      '2014年9月2日',
      '20140902',
      ' 2014-09-02 ',
      '2014-09-02 23:30',
      '2014-09-02T23:30:00',
      '2014-09-02T01:00:00+08:00',
    ]) {
      expect([cell, tableDay(cell)]).toEqual([cell, day]);
    }
    // With a zone, the day it falls on in China.
    expect(tableDay('2014-09-01T20:00:00Z')).toBe(day);
  });

  it('never guesses a date: day-first or month-first forms, impossible days and blanks are unreadable', () => {
    for (const cell of ['09/02/2014', '02.09.2014', '2014-02-30', '2014-13-01', 'Sept 2, 2014', '20140230', '02092014', '2014年13月2日', '', undefined])
      expect([cell, tableDay(cell)]).toEqual([cell, null]);
  });

  it('reads an outcome as yes or no, and a blank or "unknown" as neither (not as "no violation")', () => {
    expect(['1', 'TRUE', 'yes', 'Y', '是', '2'].map(yesNoCell)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(['0', 'false', 'No', 'n', '否', '0.0'].map(yesNoCell)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(['', ' ', 'NA', 'unknown', 'Pass', undefined].map(yesNoCell)).toEqual([null, null, null, null, null, null]);
  });

  it('sets aside rows without a readable date, outcome or entity, counted by reason with their row numbers', () => {
    const rows = generateCityTable(40, 3);
    rows[1] = { ...rows[1], found: '' };
    rows[4] = { ...rows[4], found: 'unknown' };
    rows[6] = { ...rows[6], date: '03/04/2021' };
    rows[9] = { ...rows[9], entity: ' ' };
    const { rows: usable, skipped } = usableTableRows(rows, spec, layout);
    expect(usable).toHaveLength(36);
    expect(skipped).toEqual({
      total: 4,
      byReason: { label: { count: 2, rows: [2, 5] }, date: { count: 1, rows: [7] }, entity: { count: 1, rows: [10] } },
    });
  });

  it('refuses a table that lacks a column the spec reads, naming it and the columns there are', () => {
    const rows = generateCityTable(5, 3).map(({ complaints: _, ...rest }) => rest);
    expect(() => usableTableRows(rows, spec, layout)).toThrow(/lacks "complaints", read by spec .*; its columns: id, date/);
  });

  it('says how columns are separated when it finds only one', () => {
    expect(() => usableTableRows([{ 'id;date;entity': '1;2020-01-01;A' }], spec, layout)).toThrow(
      /one column only: columns must be separated by commas, semicolons or tabs/,
    );
  });

  it('says so when no row can be used', () => {
    const rows = generateCityTable(5, 3).map((r) => ({ ...r, found: '' }));
    expect(() => usableTableRows(rows, spec, layout)).toThrow('no row of the table can be used (unreadable label: 5)');
  });

  it('says how dates are read when none can be, quoting one', () => {
    const rows = generateCityTable(5, 3).map((r) => ({ ...r, date: r.date.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$2/$3/$1') }));
    expect(() => usableTableRows(rows, spec, layout)).toThrow(
      new RegExp(`unreadable date: 5\\); dates are read year first, as 2014-09-02, and "${rows[0].date}" is not`),
    );
  });

  it('backtests on the rows it can read, exactly as if the others were never there, and reports them', async () => {
    const window = { trainUntil: '2021-07-01', testFrom: '2021-07-01', testTo: '2021-12-31', seed: 1 };
    const clean = generateCityTable(1500, 5);
    const damaged = clean.flatMap((row, i) => (i % 100 === 0 ? [row, { ...row, id: `junk-${i}`, found: 'NA' }] : [row]));
    const a = await backtestTable(clean, spec, window);
    const b = await backtestTable(damaged, spec, window);
    expect(b.metrics.skippedRows.total).toBe(15);
    expect(b.metrics.skippedRows.byReason.label?.rows).toEqual([2, 103, 204, 305, 406]);
    expect(a.metrics.skippedRows.total).toBe(0);
    expect(b.metrics.auc).toBe(a.metrics.auc);
    expect(b.rows).toEqual(a.rows);
  });
});
