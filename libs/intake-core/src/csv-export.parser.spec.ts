import * as iconv from 'iconv-lite';
import { Readable } from 'stream';
import { parseCsvExport, parseCsvStream } from './csv-export.parser';
import { shiftDecimal } from './contract-value.util';
import { MAX_QUOTED_CHARS } from './csv-lines.util';
import { CsvOutcome } from './csv-row.reader';

const ctx = { now: new Date('2024-06-01T00:00:00+08:00') };
const HEADER = '执法证号,姓名,所属部门,执法证有效期至,可检查部门,常驻区划,状态';

describe('parseCsvExport', () => {
  it('accepts columns in any order, ignores unknown columns and trims cells (CRLF line ends)', () => {
    const text = '状态,备注,常驻区划,可检查部门,执法证有效期至,所属部门,姓名,执法证号\r\n 在岗 ,x,440604,SAMR；AGRI,2027/6/30,SAMR,周敏, 44060400123 \r\n';
    const [outcome] = parseCsvExport('officers', text, ctx);
    expect(outcome).toMatchObject({
      ok: true,
      line: 1,
      record: { officerId: '44060400123', domains: ['SAMR', 'AGRI'], certValidUntil: '2027-06-30', status: '在岗' },
    });
  });

  it('reads money in the unit its header names: 万元, 元, or 元 when it names none, exactly', () => {
    const cases =
      '案件编号,统一社会信用代码,执法部门,案件类型,检查来源,发生日期,检查事项,检查结果,违法行为,罚没金额（万元）,执法人员证号,更新时间\n' +
      'A-1,91440604MA4UJ8K20C,SAMR,处罚,专项检查,2024-03-12,SAMR-03,,x,1.1,1;2,2024-03-13 09:00:00\n' +
      'A-2,91440604MA4UJ8K20C,SAMR,处罚,专项检查,2024-03-12,SAMR-03,,x,一万,1;2,2024-03-13 09:00:00\n';
    const [penalty, unreadable] = parseCsvExport('cases', cases, ctx);
    expect(penalty).toMatchObject({ ok: true, record: { penaltyYuan: 11000 }, raw: { penalty_yuan: '11000' } });
    expect(unreadable).toMatchObject({ ok: false, reasons: [{ field: 'penalty_yuan', code: 'format' }], raw: { penalty_yuan: '一万' } });

    const subjects =
      '统一社会信用代码,主体名称,成立日期,注册资本(元),股东认缴出资额,注册资本(万元)x,行业代码,行政区划代码,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间\n' +
      '91440604MA4UJ8K20C,明记,2016-04-12,1234567.8,500,9,H6210,440604,存续,否,0,2024-05-06 10:12:00\n';
    expect(parseCsvExport('subjects', subjects, ctx)[0]).toMatchObject({
      ok: true,
      record: { registeredCapitalWan: 123.45678, shareholderSubscribedWan: 0.05 },
    });
  });

  it('reads an amount an export gives in both units, where the two agree', () => {
    const text =
      '罚没金额(万元),案件编号,统一社会信用代码,执法部门,案件类型,检查来源,发生日期,检查事项,检查结果,罚没金额(元),执法人员证号,更新时间\n' +
      '7,A-1,91440604MA4UJ8K20C,SAMR,处罚,专项检查,2024-03-12,SAMR-03,,70000,1;2,2024-03-13 09:00:00\n';
    expect(parseCsvExport('cases', text, ctx)[0]).toMatchObject({ ok: true, record: { penaltyYuan: 70000 } });
  });

  it('rejects every row of a file missing a required column, once per row, naming the column', () => {
    const text = '执法证号,姓名,所属部门,可检查部门,常驻区划,状态\n1,甲,SAMR,SAMR,440604,在岗\n2,乙,SAMR,SAMR,440604,在岗\n';
    const outcomes = parseCsvExport('officers', text, ctx);
    expect(outcomes).toHaveLength(2);
    for (const o of outcomes) {
      expect(o.ok).toBe(false);
      if (!o.ok) expect(o.reasons).toEqual([expect.objectContaining({ field: '_file', code: 'missing_column' })]);
    }
  });

  it("skips rows of blank cells only (a spreadsheet's trailing ,,,,), above the header too, and keeps any row with a value", async () => {
    const row = '44060400123,周敏,SAMR,2027-06-30,SAMR,440604,在岗';
    const text = `,,,,,,\n${HEADER}\n${row}\n,,,,,,\n , ,"",,,,\n,,,,,,在岗\n,,,,,,\r\n`;
    const outcomes = parseCsvExport('officers', text, ctx);
    expect(outcomes.map((o) => [o.line, o.ok])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(outcomes[1]).toMatchObject({ raw: { status: '在岗', officer_id: '' } });
    const streamed = [];
    for await (const outcome of parseCsvStream('officers', Readable.from([Buffer.from(text)]), ctx)) streamed.push(outcome);
    expect(streamed).toEqual(outcomes);
  });

  it('hands on the whole rows read before its source fails, then the failure itself, never a made-up bad row', async () => {
    const row = (id: number) => `${id},周敏,SAMR,2027-06-30,SAMR,440604,在岗`;
    async function* cutOff() {
      yield Buffer.from(`${HEADER}\n${row(1)}\n${row(2)}\n${row(3).slice(0, 9)}`);
      throw new Error('aborted');
    }
    const read: unknown[] = [];
    await expect(
      (async () => {
        for await (const outcome of parseCsvStream('officers', cutOff(), ctx)) read.push(outcome);
      })(),
    ).rejects.toThrow('aborted');
    expect(read).toMatchObject([
      { ok: true, line: 1, record: { officerId: '1' } },
      { ok: true, line: 2, record: { officerId: '2' } },
    ]);
  });

  it('reads quoted fields holding commas, quotes and line breaks', () => {
    const text = `${HEADER}\n"4406,01","周""敏""",SAMR,2027-06-30,"SAMR;\nAGRI",440604,在岗\n`;
    const [outcome] = parseCsvExport('officers', text, ctx);
    expect(outcome).toMatchObject({ ok: true, record: { officerId: '4406,01', name: '周"敏"', domains: ['SAMR', 'AGRI'] } });
  });

  it('rejects a ragged row with a reason instead of throwing', () => {
    const outcomes = parseCsvExport('officers', `${HEADER}\n1,甲,SAMR,2027-06-30,SAMR,440604,在岗,extra\n2,乙\n`, ctx);
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.reasons.map((r) => r.code).join('+')))).toEqual([
      'ragged_row',
      'ragged_row+required+required+required+required+required',
    ]);
  });

  it('keeps every cell of a row that does not fit its columns, so two such rows stay two records', () => {
    // An unquoted comma in the address splits it: the last cell lies beyond the header.
    const subjects =
      '统一社会信用代码,主体名称,成立日期,行业代码,行政区划代码,住所,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间\n' +
      '91440604MA4UJ8K20C,明记,2016-04-12,H6210,440604,禅城区,建新路18号,存续,否,0,2024-05-06 10:12:00\n' +
      '91440604MA4UJ8K20C,明记,2016-04-12,H6210,440604,禅城区,建新路18号,存续,否,0,2024-05-07 10:12:00\n';
    const [first, second] = parseCsvExport('subjects', subjects, ctx);
    expect(first).toMatchObject({ ok: false, raw: { address: '禅城区', status: '建新路18号', updated_at: '0', _column_11: '2024-05-06 10:12:00' } });
    expect(second).toMatchObject({ ok: false, raw: { _column_11: '2024-05-07 10:12:00' } });

    // A header the reader does not know (a title row above it, or another platform's names): every cell kept by its name.
    const renamed = `${HEADER.replace('执法证号', '证号')},,状态\n1,甲,SAMR,2027-06-30,SAMR,440604,在岗,x,离岗\n2,乙,SAMR,2027-06-30,SAMR,440604,在岗,y,在岗\n`;
    const outcomes = parseCsvExport('officers', renamed, ctx);
    expect(outcomes.map((o) => o.raw)).toEqual([
      {
        name: '甲',
        department: 'SAMR',
        cert_valid_until: '2027-06-30',
        domains: 'SAMR',
        region_code: '440604',
        status: '在岗',
        证号: '1',
        _column_8: 'x',
        状态: '离岗',
      },
      {
        name: '乙',
        department: 'SAMR',
        cert_valid_until: '2027-06-30',
        domains: 'SAMR',
        region_code: '440604',
        status: '在岗',
        证号: '2',
        _column_8: 'y',
        状态: '在岗',
      },
    ]);

    // A row that fits keeps the contract's fields only: an export's own columns (its date, its batch) do not make a record new.
    const fitting = parseCsvExport('officers', `${HEADER},导出批次\n1,甲,SAMR,2027-06-30,SAMR,440604,离职,B7\n`, ctx)[0];
    expect(fitting).toMatchObject({ ok: false, reasons: [{ field: 'status', code: 'enum' }] });
    expect(Object.keys(fitting.raw as object)).not.toContain('导出批次');
  });

  it('an unclosed quote costs its own row only', () => {
    const text = `${HEADER}\n1,"甲,SAMR,2027-06-30,SAMR,440604,在岗\n2,乙,SAMR,2027-06-30,SAMR,440604,在岗\n`;
    const outcomes = parseCsvExport('officers', text, ctx);
    expect(outcomes.map((o) => [o.line, o.ok])).toEqual([
      [1, false],
      [2, true],
    ]);
    if (!outcomes[0].ok) expect(outcomes[0].reasons[0]).toMatchObject({ field: '_row', code: 'csv_syntax' });
  });

  it('gives up on a quote still open after more text than any record holds: its row only is rejected, and the rows after it are handed on at once', async () => {
    const row = (id: number) => `${id},${'周'.repeat(9000)},SAMR,2027-06-30,SAMR,440604,在岗\n`;
    const rows = Math.ceil(MAX_QUOTED_CHARS / row(1).length) + 1;
    const seen: CsvOutcome<'officers'>[] = [];
    let seenBeforeLastRow = -1;
    async function* export_() {
      yield `${HEADER}\n0,"周敏,SAMR,2027-06-30,SAMR,440604,在岗\n`;
      for (let id = 1; id < rows; id++) yield row(id);
      seenBeforeLastRow = seen.length;
      yield row(rows);
    }
    for await (const outcome of parseCsvStream('officers', export_(), ctx)) seen.push(outcome);
    expect(seenBeforeLastRow).toBe(rows);
    expect(seen[0]).toEqual({
      ok: false,
      line: 1,
      raw: '0,"周敏,SAMR,2027-06-30,SAMR,440604,在岗',
      reasons: [{ field: '_row', code: 'csv_syntax', message: expect.stringContaining(`not closed within ${MAX_QUOTED_CHARS} characters`) }],
    });
    expect(seen.map((o) => [o.line, o.ok])).toEqual([[1, false], ...Array.from({ length: rows }, (_, i) => [i + 2, true])]);
  });

  it('reads a stray quote inside an unquoted cell as part of the cell, and hands on the rows after it without waiting for the end', async () => {
    const row = (id: number, name = '周敏') => `${id},${name},SAMR,2027-06-30,SAMR,440604,在岗\n`;
    const seen: unknown[] = [];
    let seenBeforeLastChunk = -1;
    async function* export_() {
      yield `${HEADER}\n${row(1)}${row(2, '周"敏')}${row(3)}${row(4)}`;
      seenBeforeLastChunk = seen.length;
      yield row(5);
    }
    for await (const outcome of parseCsvStream('officers', export_(), ctx)) seen.push(outcome);
    expect(seenBeforeLastChunk).toBe(4);
    expect(seen.map((o) => (o as { raw: { name: string } }).raw.name)).toEqual(['周敏', '周"敏', '周敏', '周敏', '周敏']);

    const bytes = iconv.encode(`${HEADER}\r\n${row(1, '周"敏').replace('\n', '\r\n')}${row(2).replace('\n', '\r\n')}`, 'gb18030');
    const whole = parseCsvExport('officers', bytes, ctx);
    expect(whole.map((o) => [o.line, o.ok, (o.raw as { name: string }).name])).toEqual([
      [1, true, '周"敏'],
      [2, true, '周敏'],
    ]);
    const streamed = [];
    for await (const o of parseCsvStream('officers', Readable.from([...bytes].map((b) => Buffer.from([b]))), ctx)) streamed.push(o);
    expect(streamed).toEqual(whole);
  });

  it('the stream variant gives the same outcomes for a GB18030 file fed byte by byte', async () => {
    const bytes = iconv.encode(`${HEADER}\r\n1,周敏,SAMR,2027年6月30日,SAMR,440604,在岗\r\n2,吴刚,XX,2027-06-31,SAMR,44060,忙\r\n`, 'gb18030');
    const streamed = [];
    for await (const o of parseCsvStream('officers', Readable.from([...bytes].map((b) => Buffer.from([b]))), ctx)) streamed.push(o);
    expect(streamed).toEqual(parseCsvExport('officers', bytes, ctx));
    expect(streamed.map((o) => o.ok)).toEqual([true, false]);
  });

  it('quarantines a row holding bytes that are not valid in the encoding, and reads the rest of a damaged UTF-8 file as UTF-8', () => {
    const bytes = Buffer.concat([
      Buffer.from(`${HEADER}\n1,周敏,SAMR,2027-06-30,SAMR,440604,在岗\n2,吴`),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('刚,SAMR,2027-06-30,SAMR,440604,在岗\n3,郑华,SAMR,2027-06-30,SAMR,440604,在岗\n'),
    ]);
    const outcomes = parseCsvExport('officers', bytes, ctx);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(outcomes[0]).toMatchObject({ record: { name: '周敏' } });
    if (!outcomes[1].ok) expect(outcomes[1].reasons).toEqual([expect.objectContaining({ field: 'name', code: 'invalid_encoding' })]);
  });

  it('quarantines a row of a GB18030 file holding a byte GB18030 does not define', () => {
    const bytes = Buffer.concat([
      iconv.encode(`${HEADER}\n1,周敏,SAMR,2027-06-30,SAMR,440604,在岗\n2,吴`, 'gb18030'),
      Buffer.from([0xff]),
      iconv.encode('刚,SAMR,2027-06-30,SAMR,440604,在岗\n', 'gb18030'),
    ]);
    const outcomes = parseCsvExport('officers', bytes, ctx);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(outcomes[0]).toMatchObject({ record: { name: '周敏' } });
  });
});

describe('shiftDecimal', () => {
  it.each([
    ['1.1', 4, '11000'],
    ['1234567.8', -4, '123.45678'],
    ['500', -4, '0.05'],
    ['.5', 4, '5000'],
    ['+0.0001', 4, '+1'],
    ['-3', -4, '-0.0003'],
    ['0', 4, '0'],
    ['1e5', 4, '1e5'],
    [' 20 ', -4, '0.002'],
  ])('%s moved %d places is %s', (text, places, shifted) => {
    expect(shiftDecimal(text, places)).toBe(shifted);
  });
});
