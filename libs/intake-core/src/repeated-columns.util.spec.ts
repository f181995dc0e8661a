import { parseCsvExport } from './csv-export.parser';
import { RawRecord } from './intake.model';
import { settleRepeatedColumns } from './repeated-columns.util';

const ctx = { now: new Date('2024-06-01T00:00:00+08:00') };
const HEADER = '统一社会信用代码,主体名称,成立日期,注册资本(万元),行业代码,行政区划代码,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间';
const ROW = '91440604MA4UJ8K20C,明记,2016-04-12,1.5,H6210,440604,存续,否,0,2024-05-06 10:12:00';

/** The subjects export with one more column at the end holding `extra`; `cells` replaces the row's own name or capital. */
const withColumn = (header: string, extra: string, cells: { name?: string; capital?: string } = {}) => {
  const row = ROW.replace(',明记,', `,${cells.name ?? '明记'},`).replace(',1.5,', `,${cells.capital ?? '1.5'},`);
  return parseCsvExport('subjects', `${HEADER},${header}\n${row},${extra}\n`, ctx);
};

describe('a header that names one contract column twice', () => {
  it.each([
    ['the same header, the same value', '主体名称', '明记', {}, { name: '明记' }],
    ['the same header, blank in the first column', '主体名称', '明记', { name: '' }, { name: '明记' }],
    ['the same header, blank in the second column', '主体名称', '', {}, { name: '明记' }],
    ['one amount in two units, the same after conversion', '注册资本(元)', '15000.00', {}, { registeredCapitalWan: 1.5 }],
    ['one amount in two units, blank under the contract header', '注册资本(元)', '15000', { capital: '' }, { registeredCapitalWan: 1.5 }],
    ['one amount in two units, blank under the other', '注册资本', '', {}, { registeredCapitalWan: 1.5 }],
  ])('reads the row normally where the columns agree: %s', (_, header, extra, cells, record) => {
    const [outcome] = withColumn(header, extra, cells);
    expect(outcome).toMatchObject({ ok: true, record });
    expect(Object.keys(outcome.raw as RawRecord)).not.toContain(header);
  });

  it('quarantines a row whose two columns under the same header differ, naming the header and both positions, and keeps both values', () => {
    const [outcome] = withColumn('主体名称', '恒达');
    expect(outcome).toMatchObject({ ok: false, raw: { name: '明记', 主体名称: '恒达' } });
    expect(!outcome.ok && outcome.reasons).toEqual([
      { field: 'name', code: 'conflicting_columns', message: 'columns 2 (主体名称) and 11 (主体名称) both give name, and their values differ' },
    ]);
  });

  it('quarantines a row whose amount differs between its two units, showing the first in the key’s unit and the other as sent', () => {
    const [outcome] = withColumn('注册资本（元）', '20000');
    expect(outcome).toMatchObject({ ok: false, raw: { registered_capital_wan: '1.5', '注册资本(元)': '20000' } });
    expect(!outcome.ok && outcome.reasons).toEqual([
      expect.objectContaining({
        field: 'registered_capital_wan',
        code: 'conflicting_columns',
        message: expect.stringContaining('columns 4 (注册资本(万元)) and 11 (注册资本(元))'),
      }),
    ]);
  });

  it('names the column a blank contract cell was read from when a third one differs', () => {
    const [outcome] = withColumn('注册资本(元),注册资本', '15000,16000', { capital: '' });
    expect(!outcome.ok && outcome.reasons.map((r) => r.message)).toEqual([expect.stringContaining('columns 11 (注册资本(元)) and 12 (注册资本)')]);
  });
});

describe('settleRepeatedColumns: replaying such a row', () => {
  const held: RawRecord = { name: '明记', registered_capital_wan: '1.5', '注册资本(元)': '20000', 备注: 'x' };

  it('drops the other column’s cell once the key is corrected, so the replayed record no longer carries the conflict', () => {
    expect(settleRepeatedColumns('subjects', { ...held, registered_capital_wan: '2' }, ['registered_capital_wan'])).toEqual({
      raw: { name: '明记', registered_capital_wan: '2', 备注: 'x' },
      conflicts: [],
    });
  });

  it('still holds the row while the key is left as it was and the cells differ', () => {
    const settled = settleRepeatedColumns('subjects', { ...held, name: '明记餐饮' }, ['name']);
    expect(settled.raw).toEqual({ ...held, name: '明记餐饮' });
    expect(settled.conflicts).toEqual([expect.objectContaining({ field: 'registered_capital_wan', code: 'conflicting_columns' })]);
  });

  it('lets a cell kept beside an agreeing or blank key be', () => {
    const agreeing = { ...held, '注册资本(元)': '15000' };
    expect(settleRepeatedColumns('subjects', agreeing, [])).toEqual({ raw: agreeing, conflicts: [] });
    expect(settleRepeatedColumns('subjects', { ...held, '注册资本(元)': '' }, []).conflicts).toEqual([]);
  });
});
