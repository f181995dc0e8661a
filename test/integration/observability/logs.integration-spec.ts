import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DispatchSubjects, IntakeSubjects } from '@tianping/contracts';
import { createTestDatabase, startAppProcess, startTestNats, type AppProcess, type TestDatabase, type TestNats } from '@tianping/testing';

const ID_NUMBER = '440604198703150018';
const BROKEN_ID = '44060419870315001'; // 17 digits: quarantined for its ID number
const PHONE = '13812345678';
const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const subjectLine = (code: string, id: string) =>
  `${code},佛山市禅城区明记餐饮管理有限公司,2016-04-12,50,50,12,H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,${id},2024-05-06 10:12:00`;

/** The real intake process, as deployed: what it writes is structured, and personal data never reaches it. */
describe('structured logs without personal data', () => {
  let db: TestDatabase;
  let nats: TestNats;
  let intake: AppProcess;
  let ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;

  beforeAll(async () => {
    db = await createTestDatabase();
    nats = await startTestNats();
    intake = await startAppProcess('intake', { DATABASE_URL: db.url, NATS_URL: nats.url, LOG_FORMAT: 'json' });
  });
  afterAll(async () => {
    await intake.stop();
    await nats.stop();
    await db.drop();
  });

  it('ingests records carrying an ID number and a phone number, over HTTP and NATS, and fails a message', async () => {
    const csv = `${HEADER}\n${subjectLine('91440604MA4UJ8K20C', ID_NUMBER)}\n${subjectLine('91440300MA5G9LQK22', BROKEN_ID)}\n`;
    const posted = await fetch(`${intake.baseUrl}/api/exports/subjects`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(await posted.json()).toMatchObject({ read: 2, inserted: 1, quarantined: 1 });
    const refused = await fetch(`${intake.baseUrl}/api/enterprises/${ID_NUMBER}`);
    expect(refused.status).toBeGreaterThanOrEqual(400);

    const nc = await connect({ servers: nats.url });
    const js = jetstream(nc);
    const encode = (text: string) => new TextEncoder().encode(text);
    await js.publish(IntakeSubjects.cluesPush, encode(`{"clue_id":"LOG-1","channel":"12345","content":"举报人电话 ${PHONE} 身份证 ${ID_NUMBER}",`));
    await js.publish(DispatchSubjects.visitResultRecorded, encode(JSON.stringify({ creditCode: '91440604MA4UJ8K20C', legal_rep_id: ID_NUMBER })));
    await nc.close();
    // The malformed visit result is dead-lettered, and the consumer says so in the log.
    for (let i = 0; i < 100 && !intake.lines().some((l) => l.includes('moved to dead letters')); i++) await new Promise((r) => setTimeout(r, 100));
    const [held] = await fetch(`${intake.baseUrl}/api/quarantine?kind=clues`).then((r) => r.json());
    expect(held).toBeDefined();
    ended = await intake.stop();
  });

  it('wrote one JSON object a line: time, level, app, context, message', () => {
    const lines = intake.lines();
    expect(lines.some((l) => l.includes('moved to dead letters'))).toBe(true);
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      const entry = JSON.parse(line);
      expect(entry).toMatchObject({ app: 'intake', level: expect.stringMatching(/^(log|warn|error|debug|verbose|fatal)$/), message: expect.any(String) });
      expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
    }
  });

  it('never wrote the ID number or the phone number, whole or in part', () => {
    const all = intake.lines().join('\n');
    for (const secret of [ID_NUMBER, BROKEN_ID, PHONE, '198703150018', '12345678']) expect(all).not.toContain(secret);
  });

  it('shut down on SIGTERM by itself (Nest closes the app, then re-raises the signal), not by SIGKILL', () => {
    expect(ended).toEqual({ code: null, signal: 'SIGTERM' });
  });
});
