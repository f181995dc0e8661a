import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { DispatchSubjects } from '@tianping/contracts';
import { startIntake, visitResult, type IntakeHarness } from './intake-app.harness';

const A = '91440604MA4UJ8K20C';
const SUBJECTS = [
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间',
  `${A},佛山市禅城区明记餐饮管理有限公司,2016-04-12,50,50,12,H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,440604198703150018,2024-05-06 10:12:00`,
].join('\n');

/** A visit's results become cases under the visit's real origin: a re-inspection is not a random draw. */
describe("a Tianping visit's cases carry why the visit went", () => {
  let intake: IntakeHarness;
  let nc: NatsConnection;

  beforeAll(async () => {
    intake = await startIntake();
    nc = await connect({ servers: intake.nats.url });
  });
  afterAll(async () => {
    await nc?.close();
    await intake?.close();
  });

  it('stores 整改复查, 投诉举报 and 双随机 per department, and shows them in the enterprise file', async () => {
    const posted = await fetch(`${intake.baseUrl}/api/exports/subjects`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `${SUBJECTS}\n` });
    expect(posted.status).toBeLessThan(300);
    const event = visitResult({
      visitId: '7f1c2a9e-0d6b-4c1e-9a51-2b7f3e8d4c10',
      visitNo: 'TP-2026-000085',
      creditCode: A,
      items: [
        { item: 'CITY-01', department: 'CITY', result: '未发现问题' },
        { item: 'SAMR-03', department: 'SAMR', result: '责令整改', violation: '从业人员未取得健康证明' },
        { item: 'FIRE-02', department: 'FIRE', result: '未发现问题' },
      ],
      origins: { CITY: 'follow-up', SAMR: 'complaint', FIRE: 'random' },
      rectifyBy: '2026-04-01',
    });
    await jetstream(nc).publish(DispatchSubjects.visitResultRecorded, new TextEncoder().encode(JSON.stringify(event)));
    const origins = async () =>
      Object.fromEntries(
        (
          (await intake.dataSource.query(`SELECT case_no, origin FROM intake.cases WHERE case_no LIKE 'TP-2026-000085-%'`)) as {
            case_no: string;
            origin: string;
          }[]
        ).map((r) => [r.case_no, r.origin]),
      );
    for (let i = 0; i < 200 && Object.keys(await origins()).length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await origins()).toEqual({ 'TP-2026-000085-CITY': '整改复查', 'TP-2026-000085-SAMR': '投诉举报', 'TP-2026-000085-FIRE': '双随机' });
    const file = await (await fetch(`${intake.baseUrl}/api/enterprises/${A}`)).json();
    expect(file.cases.find((c: { caseNo: string }) => c.caseNo === 'TP-2026-000085-CITY')).toMatchObject({ origin: '整改复查', kind: '检查' });
  });
});
