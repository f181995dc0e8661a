import { parseCsvExport } from './csv-export.parser';
import { RawRecord, Reason } from './intake.model';
import { checkJoins, personalReach, rejoinCells, rowLayout, suggestJoins } from './ragged-row.util';
import { validateRaw } from './record-validation.util';
import { checkInsertions, insertEmptyCells, suggestInsertions } from './short-row.util';

const ctx = { now: new Date('2024-06-01T00:00:00+08:00') };
const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const row = (name: string, address: string) =>
  `91440604MA4UJ8K20C,${name},2016-04-12,50,50,12,H6210,440604,${address},113.1102,23.0297,存续,否,0,陈明,440604198703150018,2024-05-06 10:12:00`;

function held(csv: string) {
  const [outcome] = parseCsvExport('subjects', csv, ctx);
  if (outcome.ok || typeof outcome.raw === 'string') throw new Error('expected a held record');
  return { raw: outcome.raw, reasons: outcome.reasons as Reason[] };
}

describe('ragged rows', () => {
  it('records where each cell of a split row is kept, and puts the split cell back together', () => {
    const { raw, reasons } = held(`${HEADER}\n${row('明记', '佛山市南海区桂城街道,灯湖东路1号')}\n`);
    // The second half of the address sits in 经度, the personal fields one column to the right.
    expect(raw).toMatchObject({
      address: '佛山市南海区桂城街道',
      lng: '灯湖东路1号',
      legal_rep_id: '陈明',
      updated_at: '440604198703150018',
      _column_18: '2024-05-06 10:12:00',
    });
    const layout = rowLayout('subjects', raw, reasons)!;
    expect(layout.cells).toHaveLength(18);
    expect(layout.columns).toHaveLength(17);
    expect(layout.cells[8]).toBe('address');
    expect(layout.cells[17]).toBe('_column_18');

    const fixed = rejoinCells(raw, layout, [8]);
    expect(fixed).toMatchObject({
      address: '佛山市南海区桂城街道,灯湖东路1号',
      lng: '113.1102',
      legal_rep_name: '陈明',
      legal_rep_id: '440604198703150018',
      updated_at: '2024-05-06 10:12:00',
    });
    expect(fixed).not.toHaveProperty('_column_18');
    expect(validateRaw('subjects', fixed, ctx)).toMatchObject({ ok: true, record: { address: '佛山市南海区桂城街道,灯湖东路1号', legalRepName: '陈明' } });
  });

  it('joins with the space that followed the comma, as in an English name', () => {
    const { raw, reasons } = held(`${HEADER}\n${row('Foo, Ltd', '桂城')}\n`);
    const layout = rowLayout('subjects', raw, reasons)!;
    expect(layout.spaced).toEqual([2]);
    expect(rejoinCells(raw, layout, [1])).toMatchObject({ name: 'Foo, Ltd', established_on: '2016-04-12' });
  });

  it('suggests the join after which the fewest fields fail, one per extra cell', () => {
    const once = held(`${HEADER}\n${row('明记', '佛山市南海区桂城街道,灯湖东路1号')}\n`);
    expect(suggestJoins('subjects', once.raw, rowLayout('subjects', once.raw, once.reasons)!, ctx)).toEqual([8]);
    const twice = held(`${HEADER}\n${row('Foo, Ltd', '佛山市南海区,桂城街道,灯湖东路1号')}\n`);
    const layout = rowLayout('subjects', twice.raw, twice.reasons)!;
    const joins = suggestJoins('subjects', twice.raw, layout, ctx);
    expect(validateRaw('subjects', rejoinCells(twice.raw, layout, joins), ctx).ok).toBe(true);
    expect(rejoinCells(twice.raw, layout, joins)).toMatchObject({ name: 'Foo, Ltd', address: '佛山市南海区,桂城街道,灯湖东路1号' });
  });

  it('moves a money cell back in the unit its header names', () => {
    const header = '统一社会信用代码,主体名称,成立日期,注册资本(元),行业代码,行政区划代码,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间';
    const split = held(`${header}\n91440604MA4UJ8K20C,Foo, Ltd,2016-04-12,500000,H6210,440604,存续,否,0,2024-05-06 10:12:00\n`);
    // The amount in 元 sits under 行业代码, unconverted; the date under 注册资本.
    expect(split.raw).toMatchObject({ registered_capital_wan: '2016-04-12', industry_code: '500000' });
    const layout = rowLayout('subjects', split.raw, split.reasons)!;
    expect(rejoinCells(split.raw, layout, [1])).toMatchObject({ name: 'Foo, Ltd', established_on: '2016-04-12', registered_capital_wan: '50' });
  });

  it('reads the layout of a record held before the reader recorded it from the contract order', () => {
    const raw: RawRecord = { credit_code: 'x', name: 'a', established_on: 'b', industry_code: 'c', _column_5: 'd' };
    const reasons = [{ field: '_row', code: 'ragged_row', message: 'row has 5 cells but the header has 4' }];
    expect(rowLayout('subjects', raw, reasons)).toEqual({
      columns: ['credit_code', 'name', 'established_on', 'industry_code'],
      cells: ['credit_code', 'name', 'established_on', 'industry_code', '_column_5'],
      spaced: [],
    });
    // A column of the export's own: where it stood is unknown, so no layout is guessed.
    expect(rowLayout('subjects', { ...raw, 备注: 'e' }, reasons)).toBeNull();
    expect(rowLayout('subjects', raw, [{ field: 'name', code: 'required', message: '' }])).toBeNull();
  });

  it('refuses a join past the last cell', () => {
    const { raw, reasons } = held(`${HEADER}\n${row('Foo, Ltd', '桂城')}\n`);
    const layout = rowLayout('subjects', raw, reasons)!;
    expect(checkJoins(layout, [17])).toMatch(/no cell 17/);
    expect(checkJoins(layout, [16])).toBeNull();
    expect(() => rejoinCells(raw, layout, [-1])).toThrow(RangeError);
  });

  it('names every cell a split may have moved a personal value to, before and after joins', () => {
    const { raw, reasons } = held(`${HEADER}\n${row('明记', '佛山市南海区桂城街道,灯湖东路1号')}\n`);
    const layout = rowLayout('subjects', raw, reasons)!;
    // One cell too many: the name may be where it belongs or one to the right (under the ID number's column), the ID number likewise.
    expect(personalReach('subjects', layout).sort()).toEqual(['updated_at']);
    // Joined after the personal cells, they keep their places; joined before them, they move back one.
    expect(personalReach('subjects', layout, [16]).sort()).toEqual(['updated_at']);
    expect(personalReach('subjects', layout, [2]).sort()).toEqual(['legal_rep_changes_2y']);
    const officers = parseCsvExport(
      'officers',
      '执法证号,姓名,所属部门,执法证有效期至,可检查部门,常驻区划,状态\n1,周,敏,SAMR,2027-06-30,SAMR,440604,在岗\n',
      ctx,
    )[0];
    expect(personalReach('officers', rowLayout('officers', officers.raw, (officers as { reasons: Reason[] }).reasons)!)).toEqual(['department']);
  });

  describe('a row with cells too few', () => {
    const short = (cells: string[]) => held(`${HEADER}\n${cells.join(',')}\n`);
    const full = row('明记', '桂城').split(',');
    const without = (i: number) => full.filter((_, j) => j !== i);
    const MASKED = ['legal_rep_name', 'legal_rep_id'];

    it('suggests where the export dropped an empty cell, and puts it back there', () => {
      // The empty 住所 dropped: 经度 and 纬度 move left under it, every later cell with them.
      const { raw, reasons } = short(without(8));
      const layout = rowLayout('subjects', raw, reasons)!;
      expect(layout.cells).toHaveLength(16);
      expect(raw).toMatchObject({ address: '113.1102', legal_rep_name: '440604198703150018', legal_rep_id: '2024-05-06 10:12:00', updated_at: '' });
      expect(suggestInsertions('subjects', raw, layout, ctx, MASKED)).toEqual([8]);
      const fixed = insertEmptyCells(raw, layout, [8]);
      expect(fixed).toMatchObject({
        address: '',
        lng: '113.1102',
        lat: '23.0297',
        legal_rep_name: '陈明',
        legal_rep_id: '440604198703150018',
        updated_at: '2024-05-06 10:12:00',
      });
      expect(validateRaw('subjects', fixed, ctx).ok).toBe(true);
    });

    it('puts two empty cells in at one place, and suggests fewer before more', () => {
      // Both personal fields empty and dropped: the update time sits under 法定代表人.
      const { raw, reasons } = short([...full.slice(0, 14), full[16]]);
      const layout = rowLayout('subjects', raw, reasons)!;
      expect(suggestInsertions('subjects', raw, layout, ctx, MASKED)).toEqual([14, 14]);
      expect(insertEmptyCells(raw, layout, [14, 14])).toMatchObject({ legal_rep_name: '', legal_rep_id: '', updated_at: '2024-05-06 10:12:00' });
      const one = short(without(14));
      expect(suggestInsertions('subjects', one.raw, rowLayout('subjects', one.raw, one.reasons)!, ctx, MASKED)).toEqual([14]);
    });

    it('suggests nothing when no empty cell makes fewer fields fail', () => {
      // A required count dropped, not an empty cell: an empty one there still fails, as the row as it came does.
      const merged = short([...full.slice(0, 6), `${full[6]}${full[7]}`, ...full.slice(8)]);
      const layout = rowLayout('subjects', merged.raw, merged.reasons)!;
      const suggested = suggestInsertions('subjects', merged.raw, layout, ctx, MASKED);
      expect(validateRaw('subjects', insertEmptyCells(merged.raw, layout, suggested), ctx).ok).toBe(false);
      const nothing = short(full.slice(0, 16));
      expect(suggestInsertions('subjects', nothing.raw, rowLayout('subjects', nothing.raw, nothing.reasons)!, ctx, MASKED)).toEqual([]);
    });

    it('moves a money cell into its column in the unit its header names', () => {
      const header = '统一社会信用代码,主体名称,成立日期,住所,注册资本(元),行业代码,行政区划代码,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间';
      const { raw, reasons } = held(`${header}\n91440604MA4UJ8K20C,明记,2016-04-12,500000,H6210,440604,存续,否,0,2024-05-06 10:12:00\n`);
      const layout = rowLayout('subjects', raw, reasons)!;
      expect(raw).toMatchObject({ address: '500000' });
      expect(insertEmptyCells(raw, layout, [3])).toMatchObject({
        address: '',
        registered_capital_wan: '50',
        industry_code: 'H6210',
        updated_at: '2024-05-06 10:12:00',
      });
    });

    it('refuses an empty cell past the row, more than it lacks, or in a row not short', () => {
      const { raw, reasons } = short(without(8));
      const layout = rowLayout('subjects', raw, reasons)!;
      expect(checkInsertions(layout, [16])).toMatch(/no cell 16/);
      expect(checkInsertions(layout, [8, 9])).toMatch(/lacks 1/);
      expect(checkInsertions(layout, [0])).toBeNull();
      expect(() => insertEmptyCells(raw, layout, [-1])).toThrow(RangeError);
      const long = held(`${HEADER}\n${row('Foo, Ltd', '桂城')}\n`);
      expect(checkInsertions(rowLayout('subjects', long.raw, long.reasons)!, [1])).toMatch(/no cell too few/);
    });

    it('names every cell a dropped cell may have moved a personal value to, before and after the insertion', () => {
      const { raw, reasons } = short(without(8));
      const layout = rowLayout('subjects', raw, reasons)!;
      // One cell too few: the name may be one column left, under the change count.
      expect(personalReach('subjects', layout).sort()).toEqual(['legal_rep_changes_2y']);
      expect(personalReach('subjects', layout, [], [8]).sort()).toEqual(['updated_at']);
      // Put in after the name's cell, the cell that may hold the ID number lands under 更新时间 as well.
      expect(personalReach('subjects', layout, [], [15]).sort()).toEqual(['legal_rep_changes_2y', 'updated_at']);
    });
  });
});
