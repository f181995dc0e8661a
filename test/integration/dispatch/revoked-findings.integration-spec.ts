import { DispatchSubjects, IntakeSubjects, revokedOnAppealResult, STREAMS, type CaseChange, type VisitResultRecorded } from '@tianping/contracts';
import type { FollowUpTrigger } from '@tianping/planner';
import { DrawInputsRepository } from '../../../apps/dispatch/src/draw/draw-inputs.repository';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { cityEvents, inspectionCase, publishCity, type CityEvents } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';

const MARCH = { start: '2025-03-01', end: '2025-03-31' };
const APRIL = { start: '2025-04-01', end: '2025-04-30' };

interface VisitView {
  id: string;
  visitNo: string;
  creditCode: string;
  date: string;
  checklist: { department: string; items: string[] }[];
}
interface EnterpriseVisit {
  visitId: string;
  results: { item: string; result: string; revokedOnAppeal?: string }[] | null;
  rectifyBy: string | null;
}

/**
 * A finding revoked on appeal (撤销该认定) orders nothing: intake's corrected case reaches dispatch, and neither
 * the draw nor the tracking list follows it up, while the enterprise sees the item revoked rather than 责令整改.
 */
describe('a finding revoked on appeal is no order to rectify', () => {
  let h: DispatchHarness;
  let city: CityEvents;
  let revoked: VisitView;
  let revokedLongAgo: VisitView;
  let standing: VisitView;
  const platform = { revoked: 'FS-SAMR-2025-000951', standing: 'FS-SAMR-2025-000952' };

  const visit = async (id: string) => (await h.http<VisitView>('GET', `/api/visits/${id}`)).body;
  const ordering = (v: VisitView) =>
    v.checklist.flatMap((d, k) =>
      d.items.map((item, i) => (k === 0 && i === 0 ? { item, result: '责令整改', violation: '占道经营' } : { item, result: '未发现问题' })),
    );
  const priorCases = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.prior_inspections`))[0].n as number;
  const publishCases = async (records: CaseChange[], batchId: string, added: number) => {
    const before = await priorCases();
    await h.publish(IntakeSubjects.casesUpserted, { batchId, records });
    await h.settle((c) => c.priorCases === before + added);
  };
  // Intake's correction: the same case, newer, with no violation and the code naming the appeal.
  const revokedCase = (c: CaseChange, result: string): CaseChange => ({ ...c, result, violationFound: false, updatedAt: '2025-03-28T10:00:00.001Z' });
  const ownCase = (v: VisitView) => inspectionCase(`${v.visitNo}-${v.checklist[0].department}`, v.creditCode, v.checklist[0].department, v.date, '责令整改');

  beforeAll(async () => {
    h = await startDispatch();
    city = cityEvents('revoked-it', 300, 40, MARCH);
    await publishCity(h, city);
    const march = await h.http<DrawOutcome>('POST', '/api/draws', { from: MARCH.start, to: MARCH.end, backfill: true, seed: 'march' });
    expect(march.body.status).toBe('published');
    const { body: list } = await h.http<VisitView[]>('GET', `/api/visits?draw=${march.body.id}&status=scheduled`);
    const visits = await Promise.all(
      list
        .filter((v) => v.date <= '2025-03-20')
        .slice(0, 3)
        .map((v) => visit(v.id)),
    );
    [revoked, revokedLongAgo, standing] = visits;
    for (const v of visits) expect((await h.http('POST', `/api/visits/${v.id}/results`, { items: ordering(v), rectifyBy: '2025-04-10' })).status).toBe(201);

    const subjects = city.subjects.filter((s) => ['存续', '在业'].includes(s.status) && !visits.some((v) => v.creditCode === s.creditCode));
    const platformCases = [
      inspectionCase(platform.revoked, subjects[0].creditCode, 'SAMR', '2025-03-20', '责令整改'),
      inspectionCase(platform.standing, subjects[1].creditCode, 'SAMR', '2025-03-20', '责令整改'),
    ];
    await publishCases([...platformCases, ...[revoked, revokedLongAgo, standing].map(ownCase)], 'cases-1', 5);
    await h.publish(IntakeSubjects.casesUpserted, {
      batchId: 'cases-2',
      records: [
        revokedCase(ownCase(revoked), revokedOnAppealResult('AP-2025-000001')),
        // As intake stored a revocation before it said so in a code.
        revokedCase(ownCase(revokedLongAgo), '已撤销（申诉 AP-2025-000002）revoked on appeal'),
        revokedCase(platformCases[0], revokedOnAppealResult('AP-2025-000003')),
      ],
    });
    for (
      let i = 0;
      i < 100 && (await h.dataSource.query(`SELECT 1 FROM dispatch.prior_inspections WHERE result <> '责令整改' AND result <> '未发现问题'`)).length < 3;
      i++
    ) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const [stored] = await h.dataSource.query(`SELECT result FROM dispatch.prior_inspections WHERE case_no = $1`, [platform.revoked]);
    expect(stored.result).toBe('revoked-on-appeal:AP-2025-000003');
  });
  afterAll(() => h.close());

  it('plans no re-inspection of a revoked finding, a visit’s or the platform’s, and still plans the ones that stand', async () => {
    const { inputs } = await h.app.get(DrawInputsRepository).load(APRIL);
    const refs = inputs.triggeredTasks.filter((t): t is FollowUpTrigger => t.kind === 'follow-up').map((t) => t.inspectionRef);
    expect(refs).toEqual(expect.arrayContaining([standing.visitNo, platform.standing]));
    expect(refs).not.toContain(revoked.visitNo);
    expect(refs).not.toContain(revokedLongAgo.visitNo);
    expect(refs).not.toContain(platform.revoked);
  });

  it('drops a revoked finding from the tracking list', async () => {
    const res = await h.http<{ rows: { inspectionRef: string }[] }>('GET', '/api/follow-ups?on=2025-04-30&limit=2000');
    expect(res.status).toBe(200);
    const refs = res.body.rows.map((r) => r.inspectionRef);
    expect(refs).toEqual(expect.arrayContaining([standing.visitNo, platform.standing]));
    expect(refs).not.toContain(revoked.visitNo);
    expect(refs).not.toContain(revokedLongAgo.visitNo);
    expect(refs).not.toContain(platform.revoked);
  });

  it('shows the enterprise its item revoked on appeal, with no deadline left, and a standing order as it was', async () => {
    const mine = async (v: VisitView) =>
      (await h.http<EnterpriseVisit[]>('GET', `/api/enterprises/${v.creditCode}/visits`)).body.find((x) => x.visitId === v.id)!;
    const gone = await mine(revoked);
    expect(gone.rectifyBy).toBeNull();
    expect(gone.results!.find((r) => r.result === '责令整改')).toMatchObject({ revokedOnAppeal: 'AP-2025-000001' });
    expect((await mine(revokedLongAgo)).results!.find((r) => r.result === '责令整改')).toMatchObject({ revokedOnAppeal: 'AP-2025-000002' });
    const kept = await mine(standing);
    expect(kept.rectifyBy).toBe('2025-04-10');
    expect(kept.results!.some((r) => r.revokedOnAppeal)).toBe(false);
  });

  it("tells intake why each department went, so the visit's case carries its real origin", async () => {
    const events = (await h.readStream(STREAMS.dispatch.name))
      .filter((m) => m.subject === DispatchSubjects.visitResultRecorded)
      .map((m) => m.data as VisitResultRecorded);
    const event = events.find((e) => e.visitId === standing.id)!;
    expect(Object.keys(event.origins ?? {}).sort()).toEqual([...new Set(event.items.map((i) => i.department))].sort());
    expect(Object.values(event.origins ?? {}).every((o) => o === 'random' || o === 'complaint')).toBe(true);
  });
});
