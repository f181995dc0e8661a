import { DispatchSubjects, IntakeSubjects, type CaseChange } from '@tianping/contracts';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { eventually, getJson } from '../oversight/oversight-app.harness';
import { gatewayCaller, startBureauSuite, type BureauSuite, type GatewayCall } from '../web/bureau-suite.harness';
import { TEST_PASSWORD } from '../web/web-app.harness';
import { cityEvents, inspectionCase, publishCity, type CityEvents } from './city-events.fixture';
import type { DispatchHarness } from './dispatch-app.harness';

const MARCH = { start: '2025-03-01', end: '2025-03-31' };
const REASON = '负责人王某住院，整改设备尚未到货';

interface VisitView {
  id: string;
  visitNo: string;
  creditCode: string;
  date: string;
  departments: string[];
  checklist: { department: string; items: string[] }[];
}
interface Application {
  id: string;
  source: string;
  visitId: string | null;
  visitNo: string | null;
  caseNo: string | null;
  department: string | null;
  inspectedOn: string;
  rectifyBy: string;
  currentRectifyBy: string;
  reason?: string;
  applicant: string | null;
  status: string;
  decidedBy: string | null;
  decisionNote?: string | null;
  extensionId: string | null;
  caseExtensionId: string | null;
  code?: string;
}
interface CaseOrder {
  caseNo: string;
  department: string;
  date: string;
  rectifyBy: string;
  originalRectifyBy: string | null;
}

/**
 * The enterprise applies for more time to rectify (延期整改申请) on a platform case's order through the real
 * gateway, under the case extension's rules; the bureau's one queue holds visits' and cases' applications; a
 * grant extends the case's deadline as a case extension does, reaching oversight's record without the reason.
 */
describe("the enterprise applies for more time on a platform case's order, the bureau decides (延期整改申请)", () => {
  let suite: BureauSuite;
  let h: DispatchHarness;
  let call: GatewayCall;
  let city: CityEvents;
  let ordered: VisitView;
  const cases = { samr: 'FS-SAMR-2025-000801', fire: 'FS-FIRE-2025-000802', plain: 'FS-SAMR-2025-000803' };

  const path = (caseNo: string) => `/api/cases/${encodeURIComponent(caseNo)}/rectification-applications`;
  const apply = (caseNo: string, caller: string, body: unknown) => call<Application>('POST', path(caseNo), caller, body);
  const decide = (caseNo: string, caller: string, id: string, body: unknown) => call<Application>('POST', `${path(caseNo)}/${id}/decision`, caller, body);
  const queue = async () => (await call<Application[]>('GET', '/api/rectification-applications?status=pending', 'dispatcher')).body;
  const ordersOf = (creditCode: string, caller: string) => call<CaseOrder[]>('GET', `/api/enterprises/${creditCode}/case-orders`, caller);
  const publishCases = async (records: CaseChange[], batchId: string) => {
    const count = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.prior_inspections`))[0].n as number;
    const before = await count();
    await h.publish(IntakeSubjects.casesUpserted, { batchId, records });
    await h.settle((c) => c.priorCases === before + records.length);
  };
  let owner: string;
  let fireOwner: string;

  beforeAll(async () => {
    suite = await startBureauSuite();
    h = suite.dispatch;
    city = cityEvents('case-apply-it', 300, 40, MARCH);
    await publishCity(h, city);
    const march = await h.http<DrawOutcome>('POST', '/api/draws', { from: MARCH.start, to: MARCH.end, backfill: true, seed: 'march' });
    expect(march.body.status).toBe('published');
    const { body: list } = await h.http<VisitView[]>('GET', `/api/visits?draw=${march.body.id}&status=scheduled`);
    const samr = (await Promise.all(list.map(async (v) => (await h.http<VisitView>('GET', `/api/visits/${v.id}`)).body))).find((v) =>
      v.departments.includes('SAMR'),
    )!;
    const items = samr.checklist.flatMap((d) =>
      d.items.map((item, i) => (d.department === 'SAMR' && i === 0 ? { item, result: '责令整改', violation: '消防通道堵塞' } : { item, result: '未发现问题' })),
    );
    expect((await h.http('POST', `/api/visits/${samr.id}/results`, { items, rectifyBy: '2025-04-10' })).status).toBe(201);
    ordered = samr;
    // Enterprises with no inspection of their own in the city's cases after the orders: nothing closes them by chance.
    const inspectedLater = new Set(city.cases.filter((c) => c.date >= '2024-06-01').map((c) => c.creditCode));
    const [a, b] = city.subjects.filter((s) => ['存续', '在业'].includes(s.status) && s.creditCode !== samr.creditCode && !inspectedLater.has(s.creditCode));
    owner = a.creditCode;
    fireOwner = b.creditCode;
    await publishCases(
      [
        inspectionCase(cases.samr, a.creditCode, 'SAMR', '2025-03-20', '责令整改'),
        inspectionCase(cases.plain, a.creditCode, 'SAMR', '2025-03-01', '未发现问题'),
        inspectionCase(cases.fire, b.creditCode, 'FIRE', '2025-03-05', '责令整改'),
        // The visit's own result, as intake numbers it: its deadline is the visit's.
        inspectionCase(`${samr.visitNo}-SAMR`, samr.creditCode, 'SAMR', samr.date, '责令整改'),
      ],
      'case-apply-cases',
    );
    const accounts = suite.web.app.get(AccountsService);
    await accounts.create({ username: 'owner', password: TEST_PASSWORD, role: 'enterprise', creditCode: a.creditCode });
    await accounts.create({ username: 'fire-owner', password: TEST_PASSWORD, role: 'enterprise', creditCode: b.creditCode });
    await accounts.create({ username: 'visit-owner', password: TEST_PASSWORD, role: 'enterprise', creditCode: samr.creditCode });
    call = await gatewayCaller(suite.web.baseUrl, ['owner', 'fire-owner', 'visit-owner', 'ent', 'dispatcher', 'officer', 'overseer']);
  }, 120_000);
  afterAll(async () => suite?.close());

  it('lists the enterprise its open platform-case orders, with the deadline now, to it and the bureau only', async () => {
    const { status, body } = await ordersOf(owner, 'owner');
    expect(status).toBe(200);
    expect(body).toEqual([{ caseNo: cases.samr, department: 'SAMR', date: '2025-03-20', rectifyBy: '2025-04-19', originalRectifyBy: null }]);
    expect((await ordersOf(owner, 'ent')).status).toBe(404);
    expect((await ordersOf(owner, 'dispatcher')).status).toBe(200);
    // A Tianping visit's own case is the visit's order: not listed with the platform's.
    expect((await ordersOf(ordered.creditCode, 'visit-owner')).body.map((o) => o.caseNo)).not.toContain(`${ordered.visitNo}-SAMR`);
  });

  it("refuses as a case extension does: unknown, no order, a visit's own, a bad day; and only the case's enterprise applies", async () => {
    expect((await apply('FS-NONE-1', 'owner', { rectifyBy: '2025-05-10', reason: REASON })).status).toBe(404);
    expect(await apply(cases.plain, 'owner', { rectifyBy: '2025-05-10', reason: REASON })).toMatchObject({ status: 409, body: { code: 'no_order' } });
    const own = await apply(`${ordered.visitNo}-SAMR`, 'visit-owner', { rectifyBy: '2025-05-10', reason: REASON });
    expect(own).toMatchObject({ status: 409, body: { code: 'own_visit' } });
    expect(await apply(cases.samr, 'owner', { rectifyBy: '2025-04-19', reason: REASON })).toMatchObject({ status: 400, body: { code: 'not_later' } });
    expect(await apply(cases.samr, 'owner', { rectifyBy: '2025-09-17', reason: REASON })).toMatchObject({ status: 400, body: { code: 'beyond_cap' } });
    expect((await apply(cases.samr, 'owner', { rectifyBy: '2025-05-10' })).status).toBe(400);
    // Another enterprise does not see the case; the bureau and oversight do not apply.
    expect((await apply(cases.samr, 'ent', { rectifyBy: '2025-05-10', reason: REASON })).status).toBe(404);
    expect((await apply(cases.samr, 'dispatcher', { rectifyBy: '2025-05-10', reason: REASON })).status).toBe(403);
    expect((await apply(cases.samr, 'overseer', { rectifyBy: '2025-05-10', reason: REASON })).status).toBe(403);
    expect((await call('GET', path(cases.samr), 'ent')).status).toBe(404);
  });

  it('keeps one pending application a case, and queues cases’ with visits’, oldest first', async () => {
    const onVisit = await call<Application>('POST', `/api/visits/${ordered.id}/rectification-applications`, 'visit-owner', {
      rectifyBy: '2025-05-02',
      reason: REASON,
    });
    expect(onVisit.status).toBe(201);
    const first = await apply(cases.samr, 'owner', { rectifyBy: '2025-05-10', reason: REASON, actor: 'someone-else' });
    expect(first).toMatchObject({
      status: 201,
      body: { source: 'case', caseNo: cases.samr, visitId: null, department: 'SAMR', status: 'pending', rectifyBy: '2025-05-10' },
    });
    expect(first.body).toMatchObject({ currentRectifyBy: '2025-04-19', inspectedOn: '2025-03-20', applicant: 'owner' });
    const again = await apply(cases.samr, 'owner', { rectifyBy: '2025-05-12', reason: REASON });
    expect(again).toMatchObject({ status: 409, body: { code: 'pending', message: `case ${cases.samr} has an application awaiting a decision` } });
    expect((await queue()).map((a) => [a.source, a.visitNo ?? a.caseNo, a.rectifyBy])).toEqual([
      ['visit', ordered.visitNo, '2025-05-02'],
      ['case', cases.samr, '2025-05-10'],
    ]);
    const { body: own } = await call<Application[]>('GET', path(cases.samr), 'owner');
    expect(own.map((a) => [a.status, a.reason])).toEqual([['pending', REASON]]);
  });

  it('lets the bureau decide, a department officer its own department’s cases only; oversight reads without the words', async () => {
    const [, pending] = await queue();
    expect((await decide(cases.samr, 'owner', pending.id, { decision: 'grant' })).status).toBe(403);
    expect((await decide(cases.samr, 'overseer', pending.id, { decision: 'grant' })).status).toBe(403);
    expect(await decide(cases.samr, 'dispatcher', pending.id, { decision: 'refuse' })).toMatchObject({ status: 400, body: { code: 'note_required' } });
    // The application is the case's: named under another case, it is not found.
    expect((await decide(cases.plain, 'dispatcher', pending.id, { decision: 'grant' })).status).toBe(404);
    const refused = await decide(cases.samr, 'dispatcher', pending.id, { decision: 'refuse', note: '理由不充分，请按期整改' });
    expect(refused).toMatchObject({ status: 200, body: { status: 'refused', decidedBy: 'dispatcher', caseExtensionId: null } });
    expect(await decide(cases.samr, 'dispatcher', pending.id, { decision: 'grant' })).toMatchObject({ status: 409, body: { code: 'decided' } });
    const { body: overseen } = await call<Application[]>('GET', path(cases.samr), 'overseer');
    expect(overseen).toHaveLength(1);
    expect(overseen.every((a) => !('reason' in a) && !('decisionNote' in a))).toBe(true);

    const fire = await apply(cases.fire, 'fire-owner', { rectifyBy: '2025-05-01', reason: REASON });
    expect(fire.status).toBe(201);
    // The SAMR officer does not see FIRE's case.
    expect((await decide(cases.fire, 'officer', fire.body.id, { decision: 'grant' })).status).toBe(404);
    expect((await call('GET', path(cases.fire), 'officer')).status).toBe(404);
  });

  it("grants through the department that gave the order, extending the case's deadline to the day applied for", async () => {
    const applied = await apply(cases.samr, 'owner', { rectifyBy: '2025-05-12', reason: REASON });
    expect(applied.status).toBe(201);
    const granted = await decide(cases.samr, 'officer', applied.body.id, { decision: 'grant', note: '同意延期' });
    expect(granted).toMatchObject({ status: 200, body: { status: 'granted', decidedBy: 'officer', currentRectifyBy: '2025-05-12', extensionId: null } });
    expect(granted.body.caseExtensionId).toBeTruthy();
    const { body: history } = await call<{ rectifyBy: string; extensions: { id: string; from: string; to: string; actor: string; reason: string }[] }>(
      'GET',
      `/api/cases/${cases.samr}/rectification-extensions`,
      'dispatcher',
    );
    expect(history).toMatchObject({ rectifyBy: '2025-05-12', extensions: [{ from: '2025-04-19', to: '2025-05-12', actor: 'officer', reason: REASON }] });
    expect(history.extensions[0].id).toBe(granted.body.caseExtensionId);
    expect((await ordersOf(owner, 'owner')).body).toEqual([
      { caseNo: cases.samr, department: 'SAMR', date: '2025-03-20', rectifyBy: '2025-05-12', originalRectifyBy: '2025-04-19' },
    ]);
    const { body: own } = await call<Application[]>('GET', path(cases.samr), 'owner');
    expect(own.map((a) => a.status)).toEqual(['granted', 'refused']);
  });

  it("puts the granted extension in oversight's record, never the reason or the note", async () => {
    type Entry = { bodyJson: string; body: { data: { caseNo?: string; from: string; to: string; actor: string } } };
    const entries = async () => (await getJson<Entry[]>(`${suite.oversight.baseUrl}/api/audit/entries?kind=rectification-extension&limit=10`)).body;
    expect(await eventually(async () => (await entries()).length === 1)).toBe(true);
    const [logged] = await entries();
    expect(logged.body.data).toMatchObject({ caseNo: cases.samr, from: '2025-04-19', to: '2025-05-12', actor: 'officer' });
    const sent: { payload: string }[] = await h.dataSource.query(`SELECT payload::text FROM dispatch.outbox WHERE subject = $1`, [
      DispatchSubjects.caseRectificationExtended,
    ]);
    expect(sent).toHaveLength(1);
    for (const text of [logged.bodyJson, sent[0].payload]) {
      expect(text).not.toContain('王某');
      expect(text).not.toContain('同意延期');
    }
  });

  it('refuses once the re-inspection is done, and no longer lists the order', async () => {
    const [pendingFire] = (await queue()).filter((a) => a.caseNo === cases.fire);
    await publishCases([inspectionCase('FS-FIRE-2025-000899', fireOwner, 'FIRE', '2025-04-06', '未发现问题')], 'fire-again');
    expect((await ordersOf(fireOwner, 'fire-owner')).body).toEqual([]);
    expect(await decide(cases.fire, 'dispatcher', pendingFire.id, { decision: 'grant' })).toMatchObject({ status: 409, body: { code: 'reinspected' } });
    const refused = await decide(cases.fire, 'dispatcher', pendingFire.id, { decision: 'refuse', note: '已复查，整改已结束' });
    expect(refused.body.status).toBe('refused');
    expect(await apply(cases.fire, 'fire-owner', { rectifyBy: '2025-05-10', reason: REASON })).toMatchObject({ status: 409, body: { code: 'reinspected' } });
  });
});
