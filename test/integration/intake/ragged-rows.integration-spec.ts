import { creditCodeFor } from '@tianping/testing';
import { startIntake, type IntakeHarness } from './intake-app.harness';

// A comma inside a cell that nobody quoted: the row has a cell too many, and intake lets it be joined again.
const codeFor = (i: number) => creditCodeFor('MA6', i);
// An export's own column (备注) among the contract's: where each cell stood is known only from the reader.
const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,备注,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const row = (code: string, name: string, address: string) =>
  `${code},${name},2016-04-12,50,H6210,440605,${address},113.1102,23.0297,存续,否,,0,陈明,440604198703150018,2024-05-06 10:12:00`;

describe('a ragged row joined again on intake', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  const post = (path: string, body: string, type = 'application/json') =>
    fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
  const show = async (id: number) => (await fetch(`${intake.baseUrl}/api/quarantine/${id}`)).json();
  const replay = (id: number, body: object) => post(`/api/quarantine/${id}/replay`, JSON.stringify(body));
  const heldId = async (line: number) =>
    (
      (await intake.dataSource.query(`SELECT id FROM intake.quarantine WHERE kind = 'subjects' AND line = $1 ORDER BY id DESC LIMIT 1`, [line])) as {
        id: number;
      }[]
    )[0].id;

  it('shows where each cell was kept, suggests the join, and replays the row joined with its personal fields intact', async () => {
    const csv = [HEADER, row(codeFor(1), '明记', '佛山市南海区桂城街道,灯湖东路1号'), row(codeFor(2), 'Foo, Ltd', '桂城')].join('\n');
    expect(await (await post('/api/exports/subjects', csv, 'text/csv')).json()).toMatchObject({ read: 2, quarantined: 2 });
    const [address, name] = [await heldId(1), await heldId(2)];

    const shown = await show(address);
    expect(shown.layout.cells).toHaveLength(17);
    expect(shown.layout.columns[11]).toBe('备注');
    expect(shown.layout.cells.slice(6, 8)).toEqual(['address', 'lng']);
    expect(shown.suggestedJoins).toEqual([6]);
    expect(shown.maskedCells).toEqual(['legal_rep_name', 'legal_rep_id', 'updated_at']);
    expect((await show(name)).suggestedJoins).toEqual([1]);
    // The name moved one column right sits under the ID number's column; neither is ever shown in full.
    expect(JSON.stringify(shown)).not.toMatch(/陈明|440604198703150018/);

    expect((await replay(address, { rejoin: [16] })).status).toBe(400);
    expect((await replay(address, { rejoin: ['6'] })).status).toBe(400);
    const accepted = await (await replay(address, { rejoin: [6] })).json();
    // The ragged_row reason was the row's, not the fields': once they are right it holds nothing back.
    expect(accepted).toMatchObject({ accepted: true, counts: { inserted: 1 } });
    const [stored] = await intake.dataSource.query(`SELECT address, lng::text, status, updated_at FROM intake.subjects WHERE credit_code = $1`, [codeFor(1)]);
    expect(stored).toMatchObject({ address: '佛山市南海区桂城街道,灯湖东路1号', lng: '113.1102', status: '存续' });
    const personal = await (await fetch(`${intake.baseUrl}/api/enterprises/${codeFor(1)}/personal-data`)).json();
    expect(personal).toMatchObject({ legalRepName: '陈明', legalRepId: '440604198703150018' });
    expect((await show(address)).resolution).toMatchObject({ fields: [], rejoined: [6] });
  });

  it('leaves a row joined and still failing as it came, and replays it joined with a correction', async () => {
    const csv = [HEADER, row(codeFor(3), '恒达', '佛山市,南海区,狮山镇').replace('存续', '存 续')].join('\n');
    await post('/api/exports/subjects', csv, 'text/csv');
    const id = await heldId(1);
    const before = await show(id);
    expect(before.suggestedJoins).toEqual([6, 7]);

    // Joined at the wrong cells: refused with the reasons of that join, and the record kept as it came.
    const wrong = await (await replay(id, { rejoin: [9, 10] })).json();
    expect(wrong).toMatchObject({ accepted: false, rejoin: [9, 10] });
    expect(JSON.stringify(wrong)).not.toMatch(/陈明|440604198703150018/);
    const after = await show(id);
    expect(after).toMatchObject({ rawMasked: before.rawMasked, reasons: before.reasons, layout: before.layout });
    expect(JSON.stringify(after.rawMasked)).not.toMatch(/陈明|440604198703150018/);

    const right = await (await replay(id, { rejoin: [6, 7] })).json();
    expect(right).toMatchObject({ accepted: false, reasons: [expect.objectContaining({ field: 'status' })] });
    expect(await (await replay(id, { rejoin: [7, 6], corrections: { status: '存续' } })).json()).toMatchObject({ accepted: true });
    const [stored] = await intake.dataSource.query(`SELECT address, status FROM intake.subjects WHERE credit_code = $1`, [codeFor(3)]);
    expect(stored).toEqual({ address: '佛山市,南海区,狮山镇', status: '存续' });
  });

  it('puts back the empty cell a short row lost, moving the sealed personal fields with their real values', async () => {
    // The empty 住所 dropped by the export: every later cell one column to the left, the ID number under 法定代表人.
    const cells = row(codeFor(4), '安和', '').split(',');
    await post('/api/exports/subjects', [HEADER, [...cells.slice(0, 6), ...cells.slice(7)].join(',')].join('\n'), 'text/csv');
    const id = await heldId(1);
    const before = await show(id);
    expect(before.layout.cells).toHaveLength(15);
    expect(before.suggestedInsertions).toEqual([6]);
    expect(before).not.toHaveProperty('suggestedJoins');
    expect(before.maskedCells).toEqual(['legal_rep_name', 'legal_rep_id', 'legal_rep_changes_2y']);
    expect(JSON.stringify(before)).not.toMatch(/陈明|440604198703150018/);

    const sealed = () => intake.dataSource.query(`SELECT raw_sealed, raw_masked, reasons, status, record_key FROM intake.quarantine WHERE id = $1`, [id]);
    const asItCame = await sealed();
    expect((await replay(id, { insertEmpty: [15] })).status).toBe(400);
    expect((await replay(id, { insertEmpty: [6, 6] })).status).toBe(400);
    expect((await replay(id, { insertEmpty: [6], rejoin: [1] })).status).toBe(400);
    // Put in at the wrong cell: refused with that insertion's reasons, the record kept exactly as it came.
    const wrong = await (await replay(id, { insertEmpty: [9] })).json();
    expect(wrong).toMatchObject({ accepted: false, insertEmpty: [9], reasons: expect.arrayContaining([expect.objectContaining({ field: 'lat' })]) });
    expect(JSON.stringify(wrong)).not.toMatch(/陈明|440604198703150018/);
    expect(await sealed()).toEqual(asItCame);
    expect(await show(id)).toMatchObject({ status: 'open', rawMasked: before.rawMasked, reasons: before.reasons, layout: before.layout });

    expect(await (await replay(id, { insertEmpty: [6] })).json()).toMatchObject({ accepted: true, counts: { inserted: 1 } });
    const [stored] = await intake.dataSource.query(`SELECT address, lng::text, lat::text, status FROM intake.subjects WHERE credit_code = $1`, [codeFor(4)]);
    expect(stored).toEqual({ address: null, lng: '113.1102', lat: '23.0297', status: '存续' });
    const personal = await (await fetch(`${intake.baseUrl}/api/enterprises/${codeFor(4)}/personal-data`)).json();
    expect(personal).toMatchObject({ legalRepName: '陈明', legalRepId: '440604198703150018' });
    expect((await show(id)).resolution).toMatchObject({ fields: [], emptyInserted: [6] });
  });
});
