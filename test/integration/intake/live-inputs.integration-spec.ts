import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DispatchSubjects, IntakeSubjects, type VisitResultRecorded } from '@tianping/contracts';
import { clueAbout, startIntake, type IntakeHarness } from './intake-app.harness';

const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const subjectLine = (updatedAt: string, employees: number, code = '91440604MA4UJ8K20C') =>
  `${code},佛山市禅城区明记餐饮管理有限公司,2016-04-12,50,50,${employees},H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,440604198703150018,${updatedAt}`;
const clue = (id: string, extra: object = {}) => clueAbout('91440604MA4UJ8K20C', id, extra);

describe('intake with live inputs: HTTP posts, NATS pushes, corrections', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  const post = (path: string, body: string, type: string) => fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
  const employees = async () => (await intake.dataSource.query(`SELECT employees FROM intake.subjects WHERE credit_code = '91440604MA4UJ8K20C'`))[0]?.employees;

  it('keeps the newest version of a subject: a late, older version changes nothing', async () => {
    const newer = await (await post('/api/exports/subjects', `${HEADER}\n${subjectLine('2024-05-06 10:12:00', 12)}\n`, 'text/csv')).json();
    expect(newer).toMatchObject({ read: 1, inserted: 1 });
    const older = await (await post('/api/exports/subjects', `${HEADER}\n${subjectLine('2024-01-01 08:00:00', 99)}\n`, 'text/csv')).json();
    expect(older).toMatchObject({ read: 1, stale: 1, inserted: 0, updated: 0 });
    expect(await employees()).toBe(12);
    const newest = await (await post('/api/exports/subjects', `${HEADER}\n${subjectLine('2024-06-01 08:00:00', 15)}\n`, 'text/csv')).json();
    expect(newest).toMatchObject({ updated: 1 });
    expect(await employees()).toBe(15);
  });

  it('takes clues posted over HTTP as an object, an array or JSON Lines, and refuses an empty body', async () => {
    expect(await (await post('/api/clues', JSON.stringify(clue('HTTP-1')), 'application/json')).json()).toMatchObject({ read: 1, inserted: 1 });
    expect(await (await post('/api/clues', JSON.stringify([clue('HTTP-2'), clue('HTTP-3', { channel: 'fax' })]), 'application/json')).json()).toMatchObject({
      read: 2,
      inserted: 1,
      quarantined: 1,
    });
    expect(await (await post('/api/clues', `${JSON.stringify(clue('HTTP-4'))}\nnot json\n`, 'application/x-ndjson')).json()).toMatchObject({
      read: 2,
      inserted: 1,
      quarantined: 1,
    });
    expect((await post('/api/clues', '{}', 'application/json')).status).toBe(400);
  });

  it("shows a rejected clue's phone and ID numbers masked, even when they came as JSON numbers", async () => {
    const reporter = { reporter_phone: 13800138000, reporter_id: 440604900101123 };
    expect(await (await post('/api/clues', JSON.stringify(clue('HTTP-PII', { channel: 'fax', ...reporter })), 'application/json')).json()).toMatchObject({
      quarantined: 1,
    });
    const held = (await (await fetch(`${intake.baseUrl}/api/quarantine?kind=clues`)).json()).find(
      (r: { rawMasked: { clue_id?: string } }) => r.rawMasked.clue_id === 'HTTP-PII',
    );
    const view = await (await fetch(`${intake.baseUrl}/api/quarantine/${held.id}`)).text();
    for (const text of [JSON.stringify(held), view]) expect(text).not.toMatch(/13800138000|440604900101123/);
  });

  it('takes clues pushed over NATS one by one and in batches, quarantining a broken message', async () => {
    const nc = await connect({ servers: intake.nats.url });
    const js = jetstream(nc);
    const encode = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
    await js.publish(IntakeSubjects.cluesPush, encode(clue('NATS-1')));
    await js.publish(IntakeSubjects.cluesPush, encode([clue('NATS-2'), clue('NATS-3')]));
    await js.publish(IntakeSubjects.cluesPush, encode('{"clue_id": "NATS-BROKEN", "channel":'));
    await nc.close();
    await waitFor(async () => {
      const [row] = await intake.dataSource.query(
        `SELECT (SELECT count(*) FROM intake.clues WHERE clue_id LIKE 'NATS-%')::int AS clues,
                (SELECT count(*) FROM intake.quarantine WHERE source LIKE 'nats:%')::int AS held`,
      );
      return row.clues === 3 && row.held === 1;
    });
  });

  it('turns the results of a joint visit into one inspection case per department, numbered after the visit', async () => {
    const result: VisitResultRecorded = {
      visitId: '4c0f9a52-7d1e-4f57-9a0e-2b9c1d3e5f60',
      visitNo: 'TP-2024-000042',
      creditCode: '91440604MA4UJ8K20C',
      date: '2024-06-03',
      officerIds: ['44060400123', '44060700088'],
      items: [
        { item: 'SAMR-03', department: 'SAMR', result: '未发现问题' },
        { item: 'SAMR-07', department: 'SAMR', result: '责令整改', violation: '从业人员未取得健康证明' },
        { item: 'FIRE-02', department: 'FIRE', result: '未发现问题' },
      ],
      at: '2024-06-03T08:00:00Z',
    };
    // A result recorded before visits had numbers is still in the stream: its cases keep the visit's id.
    const { visitNo: _n, ...unnumbered } = { ...result, visitId: 'V-41', items: [result.items[2]] };
    const nc = await connect({ servers: intake.nats.url });
    for (const event of [result, unnumbered])
      await jetstream(nc).publish(DispatchSubjects.visitResultRecorded, new TextEncoder().encode(JSON.stringify(event)));
    await nc.close();
    const visitCases = `SELECT case_no, result, violation_found, items FROM intake.cases WHERE case_no LIKE 'TP-2024-000042-%' OR case_no LIKE 'TP-V-41-%' ORDER BY case_no`;
    await waitFor(async () => (await intake.dataSource.query(visitCases)).length === 3);
    expect(await intake.dataSource.query(visitCases)).toEqual([
      { case_no: 'TP-2024-000042-FIRE', result: '未发现问题', violation_found: false, items: ['FIRE-02'] },
      { case_no: 'TP-2024-000042-SAMR', result: '责令整改', violation_found: true, items: ['SAMR-03', 'SAMR-07'] },
      { case_no: 'TP-V-41-FIRE', result: '未发现问题', violation_found: false, items: ['FIRE-02'] },
    ]);
  });

  it('lets an operator correct a quarantined record over HTTP and replay it', async () => {
    const bad = await (await post('/api/exports/subjects', `${HEADER}\n${subjectLine('2024-05-06 10:12:00', 3, '91440605MA52TQ0L3X')}\n`, 'text/csv')).json();
    expect(bad).toMatchObject({ quarantined: 1 });
    const [held] = await (await fetch(`${intake.baseUrl}/api/quarantine?kind=subjects`)).json();
    expect(held.reasons.map((r: { field: string }) => r.field)).toEqual(['credit_code']);
    expect(JSON.stringify(held)).not.toContain('440604198703150018');

    const stillBad = await (
      await post(`/api/quarantine/${held.id}/replay`, JSON.stringify({ corrections: { credit_code: '91440605MA52TQ0L30' } }), 'application/json')
    ).json();
    expect(stillBad).toMatchObject({ accepted: false });
    const fixed = await (
      await post(`/api/quarantine/${held.id}/replay`, JSON.stringify({ corrections: { credit_code: '91440605MA52TQ0L32' } }), 'application/json')
    ).json();
    expect(fixed).toMatchObject({ accepted: true, counts: { inserted: 1 } });
    expect((await fetch(`${intake.baseUrl}/api/quarantine/${held.id}`).then((r) => r.json())).status).toBe('replayed');
    expect((await post(`/api/quarantine/${held.id}/replay`, '{}', 'application/json')).status).toBe(409);
  });

  it('lets an operator do the same from the command line', async () => {
    await post('/api/exports/subjects', `${HEADER}\n${subjectLine('2024-05-06 10:12:00', 3, '91440604MA55XX1R2X')}\n`, 'text/csv');
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [join(__dirname, '../../../bin/tianping.js'), ...args], {
        env: { ...process.env, DATABASE_URL: intake.db.url, NATS_URL: intake.nats.url },
      });
    const listed = JSON.parse((await cli('quarantine', 'list', '--kind', 'subjects')).stdout.trim().split('\n').pop()!);
    const id = listed.records.find((r: { rawMasked: { credit_code: string } }) => r.rawMasked.credit_code === '91440604MA55XX1R2X').id;
    const replay = JSON.parse((await cli('quarantine', 'replay', String(id), '--set', 'credit_code=91440604MA55XX1R2E')).stdout.trim());
    expect(replay).toMatchObject({ accepted: true });
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
