import { gzipSync } from 'node:zlib';
import * as iconv from 'iconv-lite';
import { creditCodeCheckChar } from '@tianping/common';
import { startIntake, type IntakeHarness } from './intake-app.harness';

// Exports the contract allows in combinations the samples never show, and shapes it forbids, posted as a platform would.
const codeFor = (i: number) => {
  const first17 = `91440604MA5${String(i).padStart(6, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const quoted = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');

describe('intake on contract variants the samples do not show', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  const post = (path: string, body: BodyInit, type: string, headers: Record<string, string> = {}) =>
    fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type, ...headers }, body });
  const held = async (kind: string) =>
    (await intake.dataSource.query(`SELECT id, line, reasons FROM intake.quarantine WHERE kind = $1 AND status = 'open' ORDER BY id`, [kind])) as {
      id: number;
      line: number;
      reasons: { field: string; code: string }[];
    }[];
  const replay = async (id: number, corrections: object) =>
    (await post(`/api/quarantine/${id}/replay`, JSON.stringify({ corrections }), 'application/json')).json();

  it('reads subjects in reversed column order, every cell quoted, CRLF, full-width brackets, an extra column, and each date spelling', async () => {
    const header = ['更新时间', '法定代表人证件号', '法定代表人', '近两年法定代表人变更次数', '列入经营异常名录', '备注', '登记状态', '纬度', '经度', '住所'];
    const rest = ['行政区划代码', '行业代码', '从业人数', '股东认缴出资额（万元）', '注册资本（万元）', '成立日期', '主体名称', '统一社会信用代码'];
    const row = (code: string, name: string, established: string, capital: string, address: string) =>
      quoted([
        '2024-05-06 10:12:00',
        '440604198703150018',
        '陈明',
        '0',
        '否',
        '导出,"备注"',
        '存续',
        '23.0297',
        '113.1102',
        address,
        '440604',
        'H6210',
        '',
        '.5',
        capital,
        established,
        name,
        code,
      ]);
    const csv = [
      quoted([...header, ...rest]),
      row(codeFor(1), '佛山市"老字号",餐饮\r\n有限公司', '2021/03/05', '1234.5678', '禅城区, 祖庙路1号\n首层'),
      row(codeFor(2), '𠀀𪚥罕见字五金店', '2021-3-5', '0', '地址'),
      row(codeFor(3), '　全角空格包围　', '2021年03月05日', '100.', '地址'),
      row(codeFor(4), '紧凑日期', '20210305', '+20', '地址'),
    ].join('\r\n');
    expect(await (await post('/api/exports/subjects', `${csv}\r\n\r\n,,,,\r\n`, 'text/csv')).json()).toMatchObject({ read: 4, inserted: 4, quarantined: 0 });
    const rows = await intake.dataSource.query(
      `SELECT name, established_on::text AS est, registered_capital_wan::text AS capital, shareholder_subscribed_wan::text AS subscribed, employees, address
         FROM intake.subjects WHERE credit_code = ANY($1) ORDER BY credit_code`,
      [[1, 2, 3, 4].map(codeFor)],
    );
    expect(rows).toEqual([
      {
        name: '佛山市"老字号",餐饮\r\n有限公司',
        est: '2021-03-05',
        capital: '1234.5678',
        subscribed: '0.5',
        employees: null,
        address: '禅城区, 祖庙路1号\n首层',
      },
      { name: '𠀀𪚥罕见字五金店', est: '2021-03-05', capital: '0', subscribed: '0.5', employees: null, address: '地址' },
      { name: '全角空格包围', est: '2021-03-05', capital: '100', subscribed: '0.5', employees: null, address: '地址' },
      { name: '紧凑日期', est: '2021-03-05', capital: '20', subscribed: '0.5', employees: null, address: '地址' },
    ]);
  });

  it('reads a gzip-compressed GB18030 cases export with full-width list separators and amounts in 万元', async () => {
    const csv = [
      '执法人员证号,检查事项,罚没金额(万元),案件编号,统一社会信用代码,执法部门,案件类型,检查来源,发生日期,检查结果,违法行为,更新时间',
      '44060400123；44060400456; ,SAMR-03 ；SAMR-07;,,EV-1,' + codeFor(1) + ',SAMR,检查,双随机,2024年3月12日,责令整改,"违法,""行为""",2024-03-13 09:00:00',
      '44060700088,FIRE-02,2.00005,EV-2,' + codeFor(2) + ',FIRE,处罚,投诉举报,2024/3/20,,,2024-03-20 18:00:00',
    ].join('\r\n');
    const body = new Uint8Array(gzipSync(iconv.encode(csv, 'gb18030')));
    expect(await (await post('/api/exports/cases', body, 'text/csv', { 'content-encoding': 'gzip' })).json()).toMatchObject({ read: 2, inserted: 2 });
    const rows = await intake.dataSource.query(
      `SELECT case_no, date::text, items, officer_ids, penalty_yuan::text AS penalty, violation, violation_found FROM intake.cases ORDER BY case_no`,
    );
    expect(rows).toEqual([
      {
        case_no: 'EV-1',
        date: '2024-03-12',
        items: ['SAMR-03', 'SAMR-07'],
        officer_ids: ['44060400123', '44060400456'],
        penalty: '0',
        violation: '违法,"行为"',
        violation_found: true,
      },
      { case_no: 'EV-2', date: '2024-03-20', items: ['FIRE-02'], officer_ids: ['44060700088'], penalty: '20000.5', violation: null, violation_found: true },
    ]);
  });

  it('keeps each row of an export whose header it cannot read, or whose row is ragged, as its own record, and replays one corrected', async () => {
    const header = '统一社会信用代码,主体名称,成立日期,行业代码,行政区划代码,住所,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间';
    // An unquoted comma in the address: the last cell lies beyond the header, and two rows differ only there.
    const ragged = (updated: string) => `${codeFor(10)},拆开的地址,2016-04-12,H6210,440604,禅城区,建新路18号,存续,否,0,${updated}`;
    const response = await post('/api/exports/subjects', [header, ragged('2024-05-06 10:12:00'), ragged('2024-05-07 10:12:00')].join('\n'), 'text/csv');
    expect(await response.json()).toMatchObject({ read: 2, quarantined: 2, quarantinedAgain: 0 });

    // A title row above the header: nothing is placed, yet every row is kept with its values.
    const titled = ['市场主体导出 2024-05-06', header, `${codeFor(11)},标题一,2016-04-12,H6210,440604,地址,存续,否,0,2024-05-06 10:12:00`].join('\n');
    expect(await (await post('/api/exports/subjects', titled, 'text/csv')).json()).toMatchObject({ read: 2, quarantined: 2, quarantinedAgain: 0 });

    const records = await held('subjects');
    expect(records.map((r) => r.reasons.map((x) => x.code)[0])).toEqual(['ragged_row', 'ragged_row', 'missing_column', 'missing_column']);
    const [first] = records;
    const shown = await (await fetch(`${intake.baseUrl}/api/quarantine/${first.id}`)).json();
    expect(shown.rawMasked).toMatchObject({ address: '禅城区', status: '建新路18号', _column_11: '2024-05-06 10:12:00' });
    const title = await (await fetch(`${intake.baseUrl}/api/quarantine/${records[3].id}`)).json();
    expect(Object.values(title.rawMasked)).toEqual(expect.arrayContaining([codeFor(11), '标题一', '2024-05-06 10:12:00']));

    const corrected = { address: '禅城区,建新路18号', status: '存续', abnormal_listed: '否', legal_rep_changes_2y: '0', updated_at: '2024-05-06 10:12:00' };
    expect(await replay(first.id, corrected)).toMatchObject({ accepted: true, counts: { inserted: 1 } });
    const [stored] = await intake.dataSource.query(`SELECT address, status FROM intake.subjects WHERE credit_code = $1`, [codeFor(10)]);
    expect(stored).toEqual({ address: '禅城区,建新路18号', status: '存续' });
  });

  it('reads an amount given in two units where they agree, and holds a row where they differ with both values until it is corrected', async () => {
    const header =
      '统一社会信用代码,主体名称,成立日期,注册资本(万元),行业代码,行政区划代码,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间,注册资本(元)';
    const row = (i: number, wan: string, yuan: string) => `${codeFor(i)},两列${i},2016-04-12,${wan},H6210,440604,存续,否,0,2024-05-06 10:12:00,${yuan}`;
    const csv = [header, row(30, '1.5', '15000'), row(31, '', '20000'), row(32, '1.5', '20000')].join('\n');
    expect(await (await post('/api/exports/subjects', csv, 'text/csv')).json()).toMatchObject({ read: 3, inserted: 2, quarantined: 1 });
    const [conflict] = (await held('subjects')).filter((r) => r.reasons.some((x) => x.code === 'conflicting_columns'));
    expect(conflict.reasons).toEqual([
      expect.objectContaining({ field: 'registered_capital_wan', message: expect.stringContaining('columns 4 (注册资本(万元)) and 11 (注册资本(元))') }),
    ]);
    const shown = async () => (await (await fetch(`${intake.baseUrl}/api/quarantine/${conflict.id}`)).json()) as { rawMasked: object; reasons: object[] };
    expect((await shown()).rawMasked).toMatchObject({ registered_capital_wan: '1.5', '注册资本(元)': '20000' });

    // Replayed with the amount left as it was, the two columns still differ.
    expect(await replay(conflict.id, { name: '两列改名' })).toMatchObject({
      accepted: false,
      reasons: [{ field: 'registered_capital_wan', code: 'conflicting_columns' }],
    });
    // Once the amount is corrected the other column's cell is gone; an update time in the future still holds it.
    const corrected = await replay(conflict.id, { registered_capital_wan: '2', updated_at: '2099-01-01 00:00:00' });
    expect(corrected).toMatchObject({ accepted: false, reasons: [{ field: 'updated_at', code: 'future_date' }] });
    expect((await shown()).rawMasked).not.toHaveProperty(['注册资本(元)']);
    expect(await replay(conflict.id, { updated_at: '2024-05-06 10:12:00' })).toMatchObject({ accepted: true, counts: { inserted: 1 } });
    const rows = await intake.dataSource.query(
      `SELECT credit_code, name, registered_capital_wan::text AS capital FROM intake.subjects WHERE credit_code = ANY($1) ORDER BY credit_code`,
      [[30, 31, 32].map(codeFor)],
    );
    expect(rows).toEqual([
      { credit_code: codeFor(30), name: '两列30', capital: '1.5' },
      { credit_code: codeFor(31), name: '两列31', capital: '2' },
      { credit_code: codeFor(32), name: '两列改名', capital: '2' },
    ]);
  });

  it('quarantines an amount a number cannot hold to the digit, and takes it corrected', async () => {
    const csv = [
      '统一社会信用代码,主体名称,成立日期,注册资本(元),行业代码,行政区划代码,登记状态,列入经营异常名录,近两年法定代表人变更次数,更新时间',
      `${codeFor(20)},精度,2016-04-12,12345678901234.56789,H6210,440604,存续,否,0,2024-05-06 10:12:00`,
      `${codeFor(21)},大额,2016-04-12,82950000000.01,H6210,440604,存续,否,0,2024-05-06 10:12:00`,
    ].join('\n');
    expect(await (await post('/api/exports/subjects', csv, 'text/csv')).json()).toMatchObject({ read: 2, inserted: 1, quarantined: 1 });
    const [precise] = (await held('subjects')).filter((r) => r.reasons.some((x) => x.code === 'precision'));
    expect(precise.reasons).toEqual([expect.objectContaining({ field: 'registered_capital_wan', code: 'precision' })]);
    expect(await replay(precise.id, { registered_capital_wan: '1234567890.123457' })).toMatchObject({ accepted: true });
    const rows = await intake.dataSource.query(
      `SELECT credit_code, registered_capital_wan::text AS capital FROM intake.subjects WHERE credit_code = ANY($1) ORDER BY credit_code`,
      [[codeFor(20), codeFor(21)]],
    );
    expect(rows).toEqual([
      { credit_code: codeFor(20), capital: '1234567890.123457' },
      { credit_code: codeFor(21), capital: '8295000.000001' },
    ]);
  });
});
