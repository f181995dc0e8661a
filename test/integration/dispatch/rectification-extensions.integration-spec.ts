import type { FollowUpTrigger } from '@tianping/planner';
import { chinaDay } from '@tianping/common';
import { DispatchSubjects, IntakeSubjects, type FollowUpReleased, type RectificationExtended } from '@tianping/contracts';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import type { PlanningInputs } from '../../../apps/dispatch/src/draw/planning.util';
import { eventually, getJson } from '../oversight/oversight-app.harness';
import { gatewayCaller, startBureauSuite, type BureauSuite, type GatewayCall } from '../web/bureau-suite.harness';
import { cityEvents, inspectionCase, publishCity } from './city-events.fixture';
import type { DispatchHarness } from './dispatch-app.harness';
import { checkStoredPlan } from './stored-plan.check';
import { cluesOn, weeksOnToday } from './weeks-on-today';

// The first deadline on today or just after: the visits before it are done, the re-inspection after it is still to come.
const on = weeksOnToday('2025-04-10');

const MARCH = { start: on('2025-03-01'), end: on('2025-03-31') };
const APRIL = { start: on('2025-04-01'), end: on('2025-04-30') };
const MAY = { start: on('2025-05-01'), end: on('2025-05-31') };
const REASON = '企业负责人王某住院，申请延期整改';
const PAST_CASE = 'FS-SAMR-2025-000901';

interface VisitView {
  id: string;
  visitNo: string;
  creditCode: string;
  date: string;
  status: string;
  departments: string[];
  checklist: { department: string; items: string[] }[];
  followUps: { department: string; inspectionRef: string; inspectedOn: string; rectifyBy: string }[];
  rectifyBy: string | null;
  originalRectifyBy: string | null;
}
interface EnterpriseVisit {
  visitId: string;
  status: string;
  followUps: { department: string; inspectionRef: string; source: string; inspectedOn: string | null }[];
  cancelledBecause: string | null;
  released: { cancelled: boolean; deadline: string; followUps: unknown[]; departmentsRemoved: string[] }[];
}
interface Extended {
  id: string;
  from: string;
  to: string;
  actor: string | null;
  reason?: string;
  heldBefore: { id: string; number: string; date: string }[];
  released: { id: string; number: string; date: string; cancelled: boolean; officersRemoved: string[] }[];
}

/**
 * Extending a rectification deadline (延期整改) through the real gateway, in front of the real dispatch service
 * and oversight's record: the bureau moves the deadline of an order to rectify, under the same 180-day cap;
 * the next draw plans the re-inspection after the new day; the record keeps who and when, never the reason.
 */
describe('extending the deadline of an order to rectify (延期整改)', () => {
  let suite: BureauSuite;
  let h: DispatchHarness;
  let call: GatewayCall;
  let ordered: VisitView;
  let plain: VisitView;
  let scheduled: VisitView;
  let holder: VisitView;
  let aprilId: string;
  let marchId: string;
  let mayId: string;
  let pastHolder: string;

  const visit = async (id: string) => (await h.http<VisitView>('GET', `/api/visits/${id}`)).body;
  const draw = async (window: { start: string; end: string }, seed: string) => {
    const res = await h.http<DrawOutcome>('POST', '/api/draws', { from: window.start, to: window.end, backfill: true, seed });
    expect(res.body.status).toBe('published');
    return res.body;
  };
  /** Every item found in order, but the first of `rectify`'s items, ordered to rectify. */
  const results = (v: VisitView, rectify: string | null) =>
    v.checklist.flatMap((d) =>
      d.items.map((item, i) =>
        d.department === rectify && i === 0 ? { item, result: '责令整改', violation: '消防通道堵塞' } : { item, result: '未发现问题' },
      ),
    );
  /** The visits an enterprise is shown (its notices), as dispatch answers them. */
  const notices = async (creditCode: string) => (await h.http<EnterpriseVisit[]>('GET', `/api/enterprises/${creditCode}/visits`)).body;
  const announce = (ids: string[]) => h.dataSource.query(`UPDATE dispatch.visits SET notice_allowed = true WHERE id = ANY($1::uuid[])`, [ids]);
  const extend = (v: VisitView, caller: string, body: unknown) =>
    call<Extended & { code?: string; field?: string }>('POST', `/api/visits/${v.id}/rectification-extensions`, caller, body);

  beforeAll(async () => {
    suite = await startBureauSuite();
    h = suite.dispatch;
    call = await gatewayCaller(suite.web.baseUrl, ['dispatcher', 'officer', 'overseer', 'ent']);
    const city = cluesOn(cityEvents('extend-it', 300, 40, MARCH), on);
    await publishCity(h, city);
    // A platform case's order due in March: March's plan, all of it past, holds its re-inspection.
    pastHolder = city.subjects.find((s) => s.status === '存续')!.creditCode;
    await h.publish(IntakeSubjects.casesUpserted, { batchId: 'past', records: [inspectionCase(PAST_CASE, pastHolder, 'SAMR', on('2025-02-10'), '责令整改')] });
    await h.settle((c) => c.priorCases === 1);
    const march = await draw(MARCH, 'march');
    marchId = march.id;
    const { body: list } = await h.http<VisitView[]>('GET', `/api/visits?draw=${march.id}&status=scheduled`);
    const views = await Promise.all(list.map((v) => visit(v.id)));
    // The order comes from a SAMR item, so the SAMR officer's account may act on it.
    const samr = views.filter((v) => v.departments.includes('SAMR') && v.creditCode !== pastHolder);
    [scheduled, plain] = views.filter((v) => !v.departments.includes('SAMR'));
    expect((await h.http('POST', `/api/visits/${samr[0].id}/results`, { items: results(samr[0], 'SAMR'), rectifyBy: on('2025-04-10') })).status).toBe(201);
    expect((await h.http('POST', `/api/visits/${plain.id}/results`, { items: results(plain, null) })).status).toBe(201);
    ordered = await visit(samr[0].id);
    // April's plan holds the re-inspection on a day between 11 and 25 April, after the deadline.
    const april = await draw(APRIL, 'april');
    const { body: held } = await h.http<VisitView[]>('GET', `/api/visits?draw=${april.id}&reason=follow-up`);
    holder = held.find((v) => v.followUps.some((f) => f.inspectionRef === ordered.visitNo))!;
    expect(holder.date > on('2025-04-10')).toBe(true);
    // The re-inspection is that visit's only work.
    expect(holder.departments).toEqual(['SAMR']);
    expect(holder.followUps.map((f) => f.inspectionRef)).toEqual([ordered.visitNo]);
    aprilId = april.id;
  }, 120_000);
  afterAll(async () => suite?.close());

  it('refuses a visit not done or that ordered no rectification (409), and a day not after the deadline or beyond 180 days (400)', async () => {
    expect((await extend(scheduled, 'dispatcher', { rectifyBy: on('2025-05-06'), reason: REASON })).body).toMatchObject({ code: 'not_done' });
    expect((await extend(plain, 'dispatcher', { rectifyBy: on('2025-05-06'), reason: REASON })).body).toMatchObject({ code: 'no_order' });
    expect((await extend(plain, 'dispatcher', { rectifyBy: on('2025-05-06'), reason: REASON })).status).toBe(409);
    const same = await extend(ordered, 'dispatcher', { rectifyBy: on('2025-04-10'), reason: REASON });
    expect(same).toMatchObject({ status: 400, body: { code: 'not_later', field: 'rectifyBy' } });
    const cap = new Date(Date.parse(`${ordered.date}T00:00:00Z`) + 181 * 86_400_000).toISOString().slice(0, 10);
    expect(await extend(ordered, 'dispatcher', { rectifyBy: cap, reason: REASON })).toMatchObject({ status: 400, body: { code: 'beyond_cap' } });
    expect((await extend(ordered, 'dispatcher', { rectifyBy: on('2025-05-06') })).status).toBe(400);
    // The enterprise and oversight may not extend; an officer of a department not on the visit does not see it.
    expect((await extend(ordered, 'ent', { rectifyBy: on('2025-05-06'), reason: REASON })).status).toBe(403);
    expect((await extend(ordered, 'overseer', { rectifyBy: on('2025-05-06'), reason: REASON })).status).toBe(403);
    expect((await extend(plain, 'officer', { rectifyBy: on('2025-05-06'), reason: REASON })).status).toBe(404);
    expect((await visit(ordered.id)).rectifyBy).toBe(on('2025-04-10'));
  });

  it('tells the enterprise, on an announced visit, which department comes to re-inspect which earlier finding', async () => {
    const { body: pastHeld } = await h.http<VisitView[]>('GET', `/api/visits?draw=${marchId}&reason=follow-up&creditCode=${pastHolder}`);
    const past = pastHeld.find((v) => v.followUps.some((f) => f.inspectionRef === PAST_CASE))!;
    // Re-inspections are planned as their departments' policy allows; announced here so the notices show them.
    await announce([holder.id, past.id]);
    const shown = (await notices(holder.creditCode)).find((v) => v.visitId === holder.id);
    expect(shown).toMatchObject({ status: 'scheduled', cancelledBecause: null, released: [] });
    expect(shown?.followUps).toEqual([{ department: 'SAMR', inspectionRef: ordered.visitNo, source: 'visit', inspectedOn: ordered.date }]);
    const fromCase = (await notices(pastHolder)).find((v) => v.visitId === past.id);
    expect(fromCase?.followUps).toContainEqual({ department: 'SAMR', inspectionRef: PAST_CASE, source: 'case', inspectedOn: on('2025-02-10') });
  });

  it('moves the deadline, keeps each extension with who and why, and cancels the visit planned only for the re-inspection too early', async () => {
    // SAMR inspected the enterprise on the deadline day, the enterprise's own: no re-inspection, the order may still be extended.
    await h.publish(IntakeSubjects.casesUpserted, {
      batchId: 'on-deadline',
      records: [inspectionCase('FS-SAMR-2025-000902', ordered.creditCode, 'SAMR', on('2025-04-10'), '未发现问题')],
    });
    await h.settle((c) => c.priorCases === 2);
    // Moved to the very day of the visit holding the re-inspection: on the new deadline, it would prove nothing.
    const first = await extend(ordered, 'dispatcher', { rectifyBy: holder.date, reason: REASON, actor: 'someone-else' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ from: on('2025-04-10'), to: holder.date, actor: 'dispatcher', reason: REASON });
    // The re-inspection was the visit's only work: cancelled in the same transaction, nothing left to re-draw.
    expect(first.body.released).toEqual([{ id: holder.id, number: holder.visitNo, date: holder.date, cancelled: true, officersRemoved: [] }]);
    expect(first.body.heldBefore).toEqual([]);
    expect(await visit(holder.id)).toMatchObject({ status: 'cancelled' });
    const { body: scheduledNow } = await h.http<VisitView[]>('GET', `/api/visits?draw=${aprilId}&status=scheduled`);
    expect(scheduledNow.map((v) => v.id)).not.toContain(holder.id);
    // The order's page no longer leads to it, and the plan as drawn still passes the independent checker.
    expect((await h.http<{ reInspections: unknown[] }>('GET', `/api/visits/${ordered.id}`)).body.reInspections).toEqual([]);
    expect((await checkStoredPlan(h, aprilId)).violations).toEqual([]);
    const [kept] = await h.dataSource.query(`SELECT cancelled, follow_ups, deadline::text FROM dispatch.follow_up_releases WHERE visit_id = $1`, [holder.id]);
    expect(kept).toEqual({ cancelled: true, follow_ups: [{ department: 'SAMR', inspectionRef: ordered.visitNo }], deadline: holder.date });
    // The department that gave the order may extend it too; nothing is left to release.
    const second = await extend(ordered, 'officer', { rectifyBy: on('2025-05-06'), reason: '整改设备尚未到货' });
    expect(second.body).toMatchObject({ from: holder.date, to: on('2025-05-06'), actor: 'officer', released: [] });

    expect(await visit(ordered.id)).toMatchObject({ rectifyBy: on('2025-05-06'), originalRectifyBy: on('2025-04-10') });
    // The cancelled visit reads the deadline as it is now.
    expect((await visit(holder.id)).followUps.find((f) => f.inspectionRef === ordered.visitNo)?.rectifyBy).toBe(on('2025-05-06'));
    const { body: seen } = await call<{ rectifyBy: string; originalRectifyBy: string; visitNo: string }[]>(
      'GET',
      `/api/enterprises/${ordered.creditCode}/visits`,
      'dispatcher',
    );
    expect(seen.find((v) => v.visitNo === ordered.visitNo)).toMatchObject({ rectifyBy: on('2025-05-06'), originalRectifyBy: on('2025-04-10') });

    const { body: history } = await call<Extended[]>('GET', `/api/visits/${ordered.id}/rectification-extensions`, 'dispatcher');
    expect(history.map((x) => [x.from, x.to, x.actor, x.reason])).toEqual([
      [on('2025-04-10'), holder.date, 'dispatcher', REASON],
      [holder.date, on('2025-05-06'), 'officer', '整改设备尚未到货'],
    ]);
    const { body: overseen } = await call<Extended[]>('GET', `/api/visits/${ordered.id}/rectification-extensions`, 'overseer');
    expect(overseen).toHaveLength(2);
    expect(overseen.every((x) => !('reason' in x))).toBe(true);
  });

  it('still shows the enterprise the announced visit it cancelled, with the new deadline the re-inspection moves after', async () => {
    const shown = (await notices(holder.creditCode)).find((v) => v.visitId === holder.id);
    expect(shown).toMatchObject({ status: 'cancelled', cancelledBecause: 'follow-up-released' });
    expect(shown?.released).toEqual([
      {
        cancelled: true,
        // The extension moved the deadline to the visit's own day, which it may not re-inspect on.
        deadline: holder.date,
        followUps: [{ department: 'SAMR', inspectionRef: ordered.visitNo, source: 'visit', inspectedOn: ordered.date }],
        departmentsRemoved: [],
      },
    ]);
  });

  it('has the next draw plan the re-inspection after the new deadline, not held by the visit before it', async () => {
    const may = await draw(MAY, 'may');
    mayId = may.id;
    const { body } = await h.http<{ inputs: PlanningInputs }>('GET', `/api/draws/${may.id}/inputs`);
    const followUp = body.inputs.triggeredTasks.find((t): t is FollowUpTrigger => t.kind === 'follow-up' && t.inspectionRef === ordered.visitNo);
    expect(followUp).toMatchObject({ rectifyBy: on('2025-05-06'), notBefore: on('2025-05-07'), dueBy: on('2025-05-21') });
    const { body: planned } = await h.http<VisitView[]>('GET', `/api/visits?draw=${may.id}&reason=follow-up&creditCode=${ordered.creditCode}`);
    expect(planned).toHaveLength(1);
    // That day is still to come, so its results (which would close the follow-up) cannot be recorded here.
    expect(planned[0].date > on('2025-05-06') && planned[0].date <= on('2025-05-21')).toBe(true);
  });

  it("puts each extension in oversight's record with who, when and the days, never the reason", async () => {
    type Entry = { subjectRef: string; bodyJson: string; body: { data: RectificationExtended } };
    const entries = async () => (await getJson<Entry[]>(`${suite.oversight.baseUrl}/api/audit/entries?kind=rectification-extension&limit=10`)).body;
    expect(await eventually(async () => (await entries()).length === 2)).toBe(true);
    const logged = await entries();
    expect(logged.map((e) => e.body.data).sort((a, b) => a.from.localeCompare(b.from))).toEqual([
      expect.objectContaining({ visitNo: ordered.visitNo, departments: ['SAMR'], from: on('2025-04-10'), to: holder.date, actor: 'dispatcher' }),
      expect.objectContaining({ from: holder.date, to: on('2025-05-06'), actor: 'officer' }),
    ]);
    expect(logged.every((e) => e.subjectRef === ordered.creditCode)).toBe(true);
    const sent: { payload: string }[] = await h.dataSource.query(`SELECT payload::text FROM dispatch.outbox WHERE subject = $1`, [
      DispatchSubjects.rectificationExtended,
    ]);
    expect(sent).toHaveLength(2);
    for (const text of [...logged.map((e) => e.bodyJson), ...sent.map((row) => row.payload)]) {
      expect(text).not.toContain(REASON);
      expect(text).not.toContain('整改设备');
    }
  });

  it("puts the cancelled visit in oversight's record, with the re-inspection it gave up and the new deadline", async () => {
    type Entry = { subjectRef: string; bodyJson: string; body: { data: FollowUpReleased } };
    const entries = async () => (await getJson<Entry[]>(`${suite.oversight.baseUrl}/api/audit/entries?kind=follow-up-release&limit=10`)).body;
    expect(await eventually(async () => (await entries()).length === 1)).toBe(true);
    const [logged] = await entries();
    expect(logged.subjectRef).toBe(ordered.creditCode);
    expect(logged.body.data).toMatchObject({
      visitId: holder.id,
      visitNo: holder.visitNo,
      date: holder.date,
      followUps: [{ department: 'SAMR', inspectionRef: ordered.visitNo }],
      deadline: holder.date,
      cancelled: true,
      departmentsRemoved: [],
    });
    expect(logged.bodyJson).not.toContain(REASON);
  });

  it("leaves the re-inspection on a past day's visit whose results are not recorded yet: its officers may have gone", async () => {
    const { body: held } = await h.http<VisitView[]>('GET', `/api/visits?draw=${marchId}&reason=follow-up&creditCode=${pastHolder}`);
    const past = held.find((v) => v.followUps.some((f) => f.inspectionRef === PAST_CASE))!;
    expect(past).toMatchObject({ status: 'scheduled' });
    expect(past.date < chinaDay()).toBe(true);
    const extended = await call<Extended>('POST', `/api/cases/${PAST_CASE}/rectification-extensions`, 'dispatcher', {
      rectifyBy: on('2025-05-06'),
      reason: REASON,
    });
    expect(extended.status).toBe(201);
    expect(extended.body.released).toEqual([]);
    // The answer names it as still holding the re-inspection before the new day.
    expect(extended.body.heldBefore).toEqual([{ id: past.id, number: past.visitNo, date: past.date }]);
    const kept = await visit(past.id);
    expect(kept).toMatchObject({ status: 'scheduled', departments: past.departments });
    expect(kept.followUps.map((f) => f.inspectionRef)).toContain(PAST_CASE);
    expect(await h.dataSource.query(`SELECT 1 FROM dispatch.follow_up_releases WHERE visit_id = $1`, [past.id])).toEqual([]);
    // Its results, on their way, are still taken.
    expect((await h.http('POST', `/api/visits/${past.id}/results`, { items: results(kept, null) })).status).toBe(201);
  });
  it('says why an announced visit was cancelled when a newer plan cut or replaced its plan, and never shows an unannounced one', async () => {
    const { body: planned } = await h.http<VisitView[]>('GET', `/api/visits?draw=${mayId}&status=scheduled`);
    // A newer plan from the day of May's last two visits cuts May's plan there.
    const [cut, hidden] = planned.slice(-2);
    expect(cut.date > MAY.start).toBe(true);
    await announce([cut.id]);
    await h.dataSource.query(`UPDATE dispatch.visits SET notice_allowed = false WHERE id = $1`, [hidden.id]);
    const newer = await draw({ start: cut.date, end: MAY.end }, 'cut');
    expect((await notices(cut.creditCode)).find((v) => v.visitId === cut.id)).toMatchObject({
      status: 'cancelled',
      cancelledBecause: 'plan-cut',
      released: [],
    });
    expect((await visit(hidden.id)).status).toBe('cancelled');
    expect((await notices(hidden.creditCode)).map((v) => v.visitId)).not.toContain(hidden.id);
    // Drawn again for the same days, the newer plan is replaced whole.
    const { body: drawn } = await h.http<VisitView[]>('GET', `/api/visits?draw=${newer.id}&status=scheduled`);
    await announce([drawn[0].id]);
    await draw({ start: cut.date, end: MAY.end }, 'again');
    expect((await notices(drawn[0].creditCode)).find((v) => v.visitId === drawn[0].id)).toMatchObject({
      status: 'cancelled',
      cancelledBecause: 'plan-superseded',
    });
  });
});
