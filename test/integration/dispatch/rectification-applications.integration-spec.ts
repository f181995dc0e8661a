import { DispatchSubjects } from '@tianping/contracts';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { eventually, getJson } from '../oversight/oversight-app.harness';
import { gatewayCaller, startBureauSuite, type BureauSuite, type GatewayCall } from '../web/bureau-suite.harness';
import { TEST_PASSWORD } from '../web/web-app.harness';
import { cityEvents, publishCity } from './city-events.fixture';
import type { DispatchHarness } from './dispatch-app.harness';
import { cluesOn, weeksOnToday } from './weeks-on-today';

// The order's deadline (10 April) on today or just after: the re-inspection held before the day applied for is still to come.
const day = weeksOnToday('2025-04-10');

const MARCH = { start: day('2025-03-01'), end: day('2025-03-31') };
const REASON = '负责人李某住院，整改设备尚未到货';

interface VisitView {
  id: string;
  visitNo: string;
  creditCode: string;
  departments: string[];
  checklist: { department: string; items: string[] }[];
  rectifyBy: string | null;
  originalRectifyBy: string | null;
}
interface Application {
  id: string;
  visitNo: string;
  rectifyBy: string;
  currentRectifyBy: string;
  reason: string;
  applicant: string | null;
  status: string;
  decidedBy: string | null;
  decisionNote: string | null;
  extensionId: string | null;
  code?: string;
}

/**
 * The enterprise applies for more time to rectify (延期整改申请) through the real gateway, in front of the real
 * dispatch service and oversight's record; the bureau refuses with a note or grants, which extends the deadline
 * as an extension does, reaching the record without the reason.
 */
describe('the enterprise applies for more time to rectify, the bureau decides (延期整改申请)', () => {
  let suite: BureauSuite;
  let h: DispatchHarness;
  let call: GatewayCall;
  let ordered: VisitView;

  const visit = async (id: string) => (await h.http<VisitView>('GET', `/api/visits/${id}`)).body;
  const apply = (caller: string, body: unknown) => call<Application>('POST', `/api/visits/${ordered.id}/rectification-applications`, caller, body);
  const decide = (caller: string, id: string, body: unknown) =>
    call<Application>('POST', `/api/visits/${ordered.id}/rectification-applications/${id}/decision`, caller, body);
  const queue = async () => (await call<Application[]>('GET', '/api/rectification-applications?status=pending', 'dispatcher')).body;

  beforeAll(async () => {
    suite = await startBureauSuite();
    h = suite.dispatch;
    await publishCity(h, cluesOn(cityEvents('apply-it', 300, 40, MARCH), day));
    const march = await h.http<DrawOutcome>('POST', '/api/draws', { from: MARCH.start, to: MARCH.end, backfill: true, seed: 'march' });
    expect(march.body.status).toBe('published');
    const { body: list } = await h.http<VisitView[]>('GET', `/api/visits?draw=${march.body.id}&status=scheduled`);
    const samr = (await Promise.all(list.map((v) => visit(v.id)))).find((v) => v.departments.includes('SAMR'))!;
    const items = samr.checklist.flatMap((d) =>
      d.items.map((item, i) => (d.department === 'SAMR' && i === 0 ? { item, result: '责令整改', violation: '消防通道堵塞' } : { item, result: '未发现问题' })),
    );
    expect((await h.http('POST', `/api/visits/${samr.id}/results`, { items, rectifyBy: day('2025-04-10') })).status).toBe(201);
    ordered = await visit(samr.id);
    await suite.web.app.get(AccountsService).create({ username: 'owner', password: TEST_PASSWORD, role: 'enterprise', creditCode: ordered.creditCode });
    call = await gatewayCaller(suite.web.baseUrl, ['owner', 'ent', 'dispatcher', 'officer', 'overseer']);
  }, 120_000);
  afterAll(async () => suite?.close());

  it('takes an application from the enterprise of the visit only, one pending at a time, under the extension day rules', async () => {
    // Another enterprise does not see the visit; the bureau and oversight do not apply.
    expect((await apply('ent', { rectifyBy: day('2025-05-02'), reason: REASON })).status).toBe(404);
    expect((await apply('dispatcher', { rectifyBy: day('2025-05-02'), reason: REASON })).status).toBe(403);
    expect((await apply('overseer', { rectifyBy: day('2025-05-02'), reason: REASON })).status).toBe(403);
    expect(await apply('owner', { rectifyBy: day('2025-04-10'), reason: REASON })).toMatchObject({ status: 400, body: { code: 'not_later' } });
    expect(await apply('owner', { rectifyBy: day('2025-12-31'), reason: REASON })).toMatchObject({ status: 400, body: { code: 'beyond_cap' } });
    expect((await apply('owner', { rectifyBy: day('2025-05-02') })).status).toBe(400);

    const first = await apply('owner', { rectifyBy: day('2025-05-02'), reason: REASON, actor: 'someone-else' });
    expect(first).toMatchObject({
      status: 201,
      body: { status: 'pending', rectifyBy: day('2025-05-02'), currentRectifyBy: day('2025-04-10'), applicant: 'owner' },
    });
    expect(await apply('owner', { rectifyBy: day('2025-05-06'), reason: REASON })).toMatchObject({ status: 409, body: { code: 'pending' } });
    expect((await queue()).map((a) => [a.visitNo, a.rectifyBy, a.reason])).toEqual([[ordered.visitNo, day('2025-05-02'), REASON]]);
    expect((await call('GET', '/api/rectification-applications?status=pending', 'owner')).status).toBe(403);
    expect((await call('GET', `/api/visits/${ordered.id}/rectification-applications`, 'ent')).status).toBe(404);
  });

  it('refuses with a note the enterprise reads, keeping the deadline', async () => {
    const [pending] = await queue();
    expect(await decide('dispatcher', pending.id, { decision: 'refuse' })).toMatchObject({ status: 400, body: { code: 'note_required' } });
    expect((await decide('owner', pending.id, { decision: 'grant' })).status).toBe(403);
    const refused = await decide('dispatcher', pending.id, { decision: 'refuse', note: '理由不充分，请按期整改', actor: 'someone-else' });
    expect(refused).toMatchObject({
      status: 200,
      body: { status: 'refused', decidedBy: 'dispatcher', decisionNote: '理由不充分，请按期整改', extensionId: null },
    });
    expect(await decide('dispatcher', pending.id, { decision: 'grant' })).toMatchObject({ status: 409, body: { code: 'decided' } });
    expect((await visit(ordered.id)).rectifyBy).toBe(day('2025-04-10'));
    expect(await queue()).toEqual([]);
    const { body: own } = await call<Application[]>('GET', `/api/visits/${ordered.id}/rectification-applications`, 'owner');
    expect(own.map((a) => [a.status, a.decisionNote])).toEqual([['refused', '理由不充分，请按期整改']]);
  });

  it('grants through the department that gave the order, extending the deadline to the day applied for', async () => {
    const applied = await apply('owner', { rectifyBy: day('2025-05-06'), reason: REASON });
    expect(applied.status).toBe(201);
    // April's plan holds the re-inspection before the day applied for: the grant releases that visit too.
    const april = await h.http<DrawOutcome>('POST', '/api/draws', { from: day('2025-04-01'), to: day('2025-04-30'), backfill: true, seed: 'april' });
    const { body: held } = await h.http<(VisitView & { followUps: { inspectionRef: string }[] })[]>(
      'GET',
      `/api/visits?draw=${april.body.id}&reason=follow-up`,
    );
    const holder = held.find((v) => v.followUps.some((f) => f.inspectionRef === ordered.visitNo))!;
    const granted = await decide('officer', applied.body.id, { decision: 'grant', note: '同意延期' });
    expect(granted).toMatchObject({ status: 200, body: { status: 'granted', decidedBy: 'officer', currentRectifyBy: day('2025-05-06') } });
    expect((granted.body as unknown as { released: { id: string }[] }).released.map((v) => v.id)).toEqual([holder.id]);
    expect(granted.body.extensionId).toBeTruthy();
    expect(await visit(ordered.id)).toMatchObject({ rectifyBy: day('2025-05-06'), originalRectifyBy: day('2025-04-10') });
    const { body: history } = await call<{ from: string; to: string; actor: string }[]>(
      'GET',
      `/api/visits/${ordered.id}/rectification-extensions`,
      'dispatcher',
    );
    expect(history.map((x) => [x.from, x.to, x.actor])).toEqual([[day('2025-04-10'), day('2025-05-06'), 'officer']]);
    const { body: own } = await call<Application[]>('GET', `/api/visits/${ordered.id}/rectification-applications`, 'owner');
    expect(own.map((a) => a.status)).toEqual(['granted', 'refused']);
  });

  it("puts the granted extension in oversight's record, never the reason or the note", async () => {
    type Entry = { bodyJson: string; body: { data: { from: string; to: string; actor: string } } };
    const entries = async () => (await getJson<Entry[]>(`${suite.oversight.baseUrl}/api/audit/entries?kind=rectification-extension&limit=10`)).body;
    expect(await eventually(async () => (await entries()).length === 1)).toBe(true);
    const [logged] = await entries();
    expect(logged.body.data).toMatchObject({ from: day('2025-04-10'), to: day('2025-05-06'), actor: 'officer' });
    const sent: { payload: string }[] = await h.dataSource.query(`SELECT payload::text FROM dispatch.outbox WHERE subject = $1`, [
      DispatchSubjects.rectificationExtended,
    ]);
    expect(sent).toHaveLength(1);
    for (const text of [logged.bodyJson, sent[0].payload]) {
      expect(text).not.toContain('李某');
      expect(text).not.toContain('同意延期');
    }
  });
});
