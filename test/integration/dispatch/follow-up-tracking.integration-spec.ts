import { DispatchSubjects, IntakeSubjects, type CaseChange, type CaseRectificationExtended, type ClueChange, type FollowUpReleased } from '@tianping/contracts';
import type { FollowUpTrigger } from '@tianping/planner';
import { DrawInputsRepository } from '../../../apps/dispatch/src/draw/draw-inputs.repository';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { eventually, getJson } from '../oversight/oversight-app.harness';
import { gatewayCaller, startBureauSuite, type BureauSuite, type GatewayCall } from '../web/bureau-suite.harness';
import { cityEvents, inspectionCase, publishCity, type CityEvents } from './city-events.fixture';
import type { DispatchHarness } from './dispatch-app.harness';
import { checkStoredPlan } from './stored-plan.check';
import { cluesOn, weeksOnToday } from './weeks-on-today';

// The case's deadline (19 April) on today or just after: its re-inspection is still to come when it is extended.
const day = weeksOnToday('2025-04-19');

const MARCH = { start: day('2025-03-01'), end: day('2025-03-31') };
const APRIL = { start: day('2025-04-01'), end: day('2025-04-30') };
const MAY = { start: day('2025-05-01'), end: day('2025-05-31') };
const REASON = '企业负责人李某出差，申请延期整改';

interface VisitView {
  id: string;
  visitNo: string;
  creditCode: string;
  date: string;
  status: string;
  departments: string[];
  reasons: string[];
  checklist: { department: string; items: string[] }[];
  followUps: { department: string; inspectionRef: string }[];
}
interface Row {
  creditCode: string;
  department: string;
  regionCode: string;
  source: string;
  visitId: string | null;
  inspectionRef: string;
  inspectedOn: string;
  rectifyBy: string;
  notBefore: string;
  dueBy: string;
  extended: boolean;
  status: string;
  scheduled: { id: string; number: string; date: string } | null;
}
interface List {
  on: string;
  counts: Record<string, number>;
  rows: Row[];
  truncated: boolean;
}

/**
 * Tracking the orders to rectify (整改跟踪) through the real gateway: each order not re-inspected, with where it
 * stands on a day; a platform case's deadline extended (延期整改) under the visit's rules, moving the draw's follow-up.
 */
describe('tracking orders to rectify and extending a platform case’s deadline', () => {
  let suite: BureauSuite;
  let h: DispatchHarness;
  let call: GatewayCall;
  let city: CityEvents;
  let ordered: VisitView;
  let caseHolder: string;
  let aprilId: string;
  const cases = { samr: 'FS-SAMR-2025-000701', fire: 'FS-FIRE-2025-000702', old: 'FS-SAMR-2024-000703', plain: 'FS-SAMR-2025-000704' };

  const list = async (query: string, caller = 'dispatcher') => call<List>('GET', `/api/follow-ups?${query}`, caller);
  const rowOf = async (ref: string, on: string, caller = 'dispatcher') =>
    (await list(`on=${on}&limit=2000`, caller)).body.rows.find((r) => r.inspectionRef === ref);
  const extend = (caseNo: string, caller: string, body: unknown) =>
    call<{
      from: string;
      to: string;
      actor: string;
      code?: string;
      heldBefore: { id: string; number: string; date: string }[];
      released: { id: string; number: string; date: string; cancelled: boolean; officersRemoved: string[] }[];
    }>('POST', `/api/cases/${encodeURIComponent(caseNo)}/rectification-extensions`, caller, body);
  const draw = async (window: { start: string; end: string }, seed: string) => {
    const res = await h.http<DrawOutcome>('POST', '/api/draws', { from: window.start, to: window.end, backfill: true, seed });
    expect(res.body.status).toBe('published');
    return res.body;
  };
  /**
   * Makes the visit's team three, as a larger draw would: one officer replaced (the visit takes a route of its own)
   * and put back, so two may check FIRE and one is certified for SAMR alone, each as the team rules allow.
   */
  const teamOfThree = async (visit: VisitView) => {
    const fire = (id: string) => city.officers.find((o) => o.officerId === id)!.domains.includes('FIRE');
    type Replacements = { candidates: { officerId: string }[] };
    const { body: now } = await h.http<VisitView & { officerIds: string[] }>('GET', `/api/visits/${visit.id}`);
    const fits = (id: string) => {
      const three = [...now.officerIds, id];
      return three.filter(fire).length === 2 && three.filter((o) => !fire(o)).length === 1;
    };
    let out = '';
    let into: string | undefined;
    for (const officer of now.officerIds) {
      const { body: replacing } = await h.http<Replacements>('GET', `/api/visits/${visit.id}/replacements?officer=${officer}`);
      [out, into] = [officer, replacing.candidates.map((c) => c.officerId).find(fits)];
      if (into) break;
    }
    expect(into).toBeDefined();
    const changed = await h.http('POST', `/api/visits/${visit.id}/team-changes`, {
      officerOut: out,
      how: 'picked',
      officerIn: into,
      reason: '组成三人检查组',
    });
    expect(changed.status).toBe(201);
    const team = [...now.officerIds, into!].sort();
    await h.dataSource.query(`INSERT INTO dispatch.visit_officers (visit_id, officer_id) VALUES ($1, $2)`, [visit.id, out]);
    await h.dataSource.query(
      `UPDATE dispatch.routes r SET officer_ids = $2 FROM dispatch.visits v WHERE v.id = $1 AND r.draw_id = v.draw_id AND r.route_key = v.route_key`,
      [visit.id, team],
    );
    return { team, unneeded: team.filter((id) => !fire(id)) };
  };
  const priorCases = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.prior_inspections`))[0].n as number;
  const publishCases = async (records: CaseChange[], batchId: string) => {
    const before = await priorCases();
    await h.publish(IntakeSubjects.casesUpserted, { batchId, records });
    await h.settle((c) => c.priorCases === before + records.length);
  };

  beforeAll(async () => {
    suite = await startBureauSuite();
    h = suite.dispatch;
    call = await gatewayCaller(suite.web.baseUrl, ['dispatcher', 'officer', 'overseer', 'ent']);
    city = cluesOn(cityEvents('tracking-it', 300, 40, MARCH), day);
    await publishCity(h, city);
    const march = await draw(MARCH, 'march');
    const { body: visits } = await h.http<VisitView[]>('GET', `/api/visits?draw=${march.id}&status=scheduled`);
    const samr = (await Promise.all(visits.map(async (v) => (await h.http<VisitView>('GET', `/api/visits/${v.id}`)).body))).find((v) =>
      v.departments.includes('SAMR'),
    )!;
    const items = samr.checklist.flatMap((d) =>
      d.items.map((item, i) => (d.department === 'SAMR' && i === 0 ? { item, result: '责令整改', violation: '消防通道堵塞' } : { item, result: '未发现问题' })),
    );
    expect((await h.http('POST', `/api/visits/${samr.id}/results`, { items, rectifyBy: day('2025-04-10') })).status).toBe(201);
    ordered = samr;
    // Enterprises with no inspection of their own in the city's cases after the orders: nothing closes them by chance.
    const inspectedLater = new Set(city.cases.filter((c) => c.date >= day('2024-06-01')).map((c) => c.creditCode));
    const [a, b, c] = city.subjects.filter((s) => ['存续', '在业'].includes(s.status) && s.creditCode !== samr.creditCode && !inspectedLater.has(s.creditCode));
    caseHolder = a.creditCode;
    await publishCases(
      [
        inspectionCase(cases.samr, a.creditCode, 'SAMR', day('2025-03-20'), '责令整改'),
        inspectionCase(cases.fire, b.creditCode, 'FIRE', day('2025-03-05'), '责令整改'),
        inspectionCase(cases.old, c.creditCode, 'SAMR', day('2024-01-10'), '责令整改'),
        inspectionCase(cases.plain, a.creditCode, 'SAMR', day('2025-03-01'), '未发现问题'),
        // The visit's own result, as intake numbers it: counted once, as the visit.
        inspectionCase(`${samr.visitNo}-SAMR`, samr.creditCode, 'SAMR', samr.date, '责令整改'),
      ],
      'tracking-cases',
    );
  }, 120_000);
  afterAll(async () => suite?.close());

  it('says where each order stands on a day: waiting, due, overdue or stale, from a visit or a platform case', async () => {
    const statuses = async (on: string) => {
      const { body } = await list(`on=${on}&limit=2000`);
      const of = (ref: string) => body.rows.find((r) => r.inspectionRef === ref)?.status;
      return [of(ordered.visitNo), of(cases.samr), of(cases.fire), of(cases.old)];
    };
    expect(await statuses(day('2025-04-01'))).toEqual(['waiting', 'waiting', 'waiting', 'stale']);
    // The deadline day (10 April for the visit's order) is the enterprise's: due only from the day after.
    expect(await statuses(day('2025-04-10'))).toEqual(['waiting', 'waiting', 'due', 'stale']);
    expect(await statuses(day('2025-04-11'))).toEqual(['due', 'waiting', 'due', 'stale']);
    expect(await statuses(day('2025-04-12'))).toEqual(['due', 'waiting', 'due', 'stale']);
    expect(await statuses(day('2025-05-01'))).toEqual(['overdue', 'due', 'overdue', 'stale']);

    const { body } = await list(`on=${day('2025-04-12')}&limit=2000`);
    expect(body.rows.find((r) => r.inspectionRef === ordered.visitNo)).toMatchObject({
      creditCode: ordered.creditCode,
      department: 'SAMR',
      source: 'visit',
      visitId: ordered.id,
      rectifyBy: day('2025-04-10'),
      notBefore: day('2025-04-11'),
      dueBy: day('2025-04-25'),
      extended: false,
      scheduled: null,
    });
    expect(body.rows.find((r) => r.inspectionRef === cases.samr)).toMatchObject({
      source: 'case',
      visitId: null,
      inspectedOn: day('2025-03-20'),
      rectifyBy: day('2025-04-19'),
      notBefore: day('2025-04-20'),
    });
    // A visit's own case and a case finding nothing are no orders of their own.
    expect(body.rows.filter((r) => [`${ordered.visitNo}-SAMR`, cases.plain].includes(r.inspectionRef))).toEqual([]);
    // The counts cover every status, whichever the rows are narrowed to.
    const due = await list(`on=${day('2025-04-12')}&status=due&limit=2000`);
    expect(due.body.rows.every((r) => r.status === 'due')).toBe(true);
    expect(due.body.counts).toEqual(body.counts);
    expect(due.body.rows.length).toBe(body.counts.due);
    expect((await list('status=closed')).status).toBe(400);
    const one = await list(`on=${day('2025-04-12')}&limit=1`);
    expect(one.body).toMatchObject({ truncated: true });
    expect(one.body.rows).toHaveLength(1);
  });

  it("shows a department officer its department's orders only; oversight reads them; an enterprise may not", async () => {
    const { body } = await list(`on=${day('2025-04-12')}&department=FIRE&limit=2000`, 'officer');
    expect(body.rows.length).toBeGreaterThan(0);
    expect(body.rows.every((r) => r.department === 'SAMR')).toBe(true);
    expect(body.rows.map((r) => r.inspectionRef)).not.toContain(cases.fire);
    const fire = await list(`on=${day('2025-04-12')}&department=FIRE&limit=2000`);
    expect(fire.body.rows.map((r) => r.inspectionRef)).toContain(cases.fire);
    expect(fire.body.rows.every((r) => r.department === 'FIRE')).toBe(true);
    const region = fire.body.rows.find((r) => r.inspectionRef === cases.fire)!.regionCode;
    const inRegion = await list(`on=${day('2025-04-12')}&region=${region}&limit=2000`);
    expect(inRegion.body.rows.map((r) => r.inspectionRef)).toContain(cases.fire);
    expect(inRegion.body.rows.every((r) => r.regionCode === region)).toBe(true);
    expect((await list(`on=${day('2025-04-12')}`, 'overseer')).status).toBe(200);
    expect((await list(`on=${day('2025-04-12')}`, 'ent')).status).toBe(403);
  });

  it('shows an order held by a published visit as scheduled, with the visit, and as missed once its day passed with no results', async () => {
    // A complaint to FIRE about the case's enterprise, due after the case's deadline: one visit carries both.
    const clue: ClueChange = {
      clueId: 'CLUE-TRACK-1',
      channel: '12345',
      receivedAt: `${day('2025-04-12')}T09:00:00+08:00`,
      linkedCreditCode: caseHolder,
      linkMethod: 'credit_code',
      category: 'other',
      department: 'FIRE',
      verified: true,
      status: 'pending',
      updatedAt: `${day('2025-04-12')}T09:00:00+08:00`,
    };
    await h.publish(IntakeSubjects.cluesUpserted, { batchId: 'clue-track', records: [clue] });
    await h.settle((c) => c.complaints === city.clues.length + 1);
    const april = await draw(APRIL, 'april');
    aprilId = april.id;
    const { body: held } = await h.http<VisitView[]>('GET', `/api/visits?draw=${april.id}&reason=follow-up`);
    const holder = held.find((v) => v.followUps.some((f) => f.inspectionRef === ordered.visitNo))!;
    const scheduled = { id: holder.id, number: holder.visitNo, date: holder.date };
    expect(holder.date > day('2025-04-10')).toBe(true);
    expect(await rowOf(ordered.visitNo, holder.date)).toMatchObject({ status: 'scheduled', scheduled });
    expect((await list(`on=${holder.date}&status=scheduled&limit=2000`)).body.rows.map((r) => r.inspectionRef)).toContain(ordered.visitNo);
    // Its day gone by with no results: missed, the visit still named, counted and listed apart from the orders overdue.
    const missed = await list(`on=${day('2025-05-01')}&status=missed&limit=2000`);
    expect(missed.body.rows.find((r) => r.inspectionRef === ordered.visitNo)).toMatchObject({ status: 'missed', scheduled });
    expect(missed.body.rows.every((r) => r.status === 'missed' && r.scheduled !== null && r.scheduled.date < day('2025-05-01'))).toBe(true);
    expect(missed.body.counts.missed).toBe(missed.body.rows.length);
    const overdue = await list(`on=${day('2025-05-01')}&status=overdue&limit=2000`);
    expect(overdue.body.rows.map((r) => r.inspectionRef)).not.toContain(ordered.visitNo);
    expect(overdue.body.counts.overdue).toBe(overdue.body.rows.length);
  });

  it('refuses an extension of a case unknown (404), ordering nothing, a visit’s own, or re-inspected (409), and a bad day (400)', async () => {
    expect((await extend('FS-NONE-1', 'dispatcher', { rectifyBy: day('2025-05-10'), reason: REASON })).status).toBe(404);
    expect((await extend(cases.plain, 'dispatcher', { rectifyBy: day('2025-05-10'), reason: REASON })).body).toMatchObject({ code: 'no_order' });
    const own = await extend(`${ordered.visitNo}-SAMR`, 'dispatcher', { rectifyBy: day('2025-05-10'), reason: REASON });
    expect(own).toMatchObject({ status: 409, body: { code: 'own_visit' } });
    expect(await extend(cases.samr, 'dispatcher', { rectifyBy: day('2025-04-19'), reason: REASON })).toMatchObject({
      status: 400,
      body: { code: 'not_later' },
    });
    expect(await extend(cases.samr, 'dispatcher', { rectifyBy: day('2025-09-17'), reason: REASON })).toMatchObject({
      status: 400,
      body: { code: 'beyond_cap' },
    });
    expect((await extend(cases.samr, 'dispatcher', { rectifyBy: day('2025-05-10') })).status).toBe(400);
    // Oversight and the enterprise may not extend; an officer of another department does not see the case.
    expect((await extend(cases.samr, 'overseer', { rectifyBy: day('2025-05-10'), reason: REASON })).status).toBe(403);
    expect((await extend(cases.samr, 'ent', { rectifyBy: day('2025-05-10'), reason: REASON })).status).toBe(403);
    expect((await extend(cases.fire, 'officer', { rectifyBy: day('2025-05-10'), reason: REASON })).status).toBe(404);
    // FIRE inspected the enterprise on the deadline day (4 April), the enterprise's own: the order stays open.
    const fireRow = (await rowOf(cases.fire, day('2025-04-12')))!;
    expect(fireRow.rectifyBy).toBe(day('2025-04-04'));
    await publishCases([inspectionCase('FS-FIRE-2025-000798', fireRow.creditCode, 'FIRE', day('2025-04-04'), '未发现问题')], 'fire-on-deadline');
    expect(await rowOf(cases.fire, day('2025-04-12'))).toMatchObject({ rectifyBy: day('2025-04-04'), notBefore: day('2025-04-05') });
    // FIRE inspected the enterprise after the deadline: the order is closed, no longer tracked.
    await publishCases([inspectionCase('FS-FIRE-2025-000799', fireRow.creditCode, 'FIRE', day('2025-04-06'), '未发现问题')], 'fire-again');
    expect(await rowOf(cases.fire, day('2025-04-12'))).toBeUndefined();
    expect((await extend(cases.fire, 'dispatcher', { rectifyBy: day('2025-05-10'), reason: REASON })).body).toMatchObject({ code: 'reinspected' });
  });

  it("moves the case's deadline, for the list and the next draw alike, and takes the re-inspection off the visit holding it too early", async () => {
    const { body: april } = await h.http<VisitView[]>('GET', `/api/visits?from=${day('2025-04-01')}&to=${day('2025-04-30')}&reason=follow-up`);
    const early = april.filter((v) => v.followUps.some((f) => f.inspectionRef === cases.samr) && v.date < day('2025-05-10'));
    // April's plan holds the re-inspection between the deadline (19 April) and 30 April, before the new day, with FIRE's complaint.
    expect(early).toHaveLength(1);
    const [holder] = early;
    expect(holder).toMatchObject({ departments: ['FIRE', 'SAMR'], reasons: ['complaint', 'follow-up'] });
    const { team, unneeded } = await teamOfThree(holder);
    const first = await extend(cases.samr, 'officer', { rectifyBy: day('2025-05-10'), reason: REASON, actor: 'someone-else' });
    expect(first).toMatchObject({ status: 201, body: { from: day('2025-04-19'), to: day('2025-05-10'), actor: 'officer' } });
    // The visit has other work: it stays, without the re-inspection and the SAMR checks only the re-inspection brought.
    expect(first.body.released).toEqual([{ id: holder.id, number: holder.visitNo, date: holder.date, cancelled: false, officersRemoved: unneeded }]);
    expect(first.body.heldBefore).toEqual([]);
    const { body: after } = await h.http<VisitView & { officerIds: string[] }>('GET', `/api/visits/${holder.id}`);
    expect(after).toMatchObject({ status: 'scheduled', date: holder.date, departments: ['FIRE'], reasons: ['complaint'], followUps: [] });
    // The officer sent for SAMR alone leaves too; the two for FIRE stay.
    expect(after.officerIds).toEqual(team.filter((id) => !unneeded.includes(id)));
    const [kept] = await h.dataSource.query(`SELECT officers_removed FROM dispatch.follow_up_releases WHERE visit_id = $1`, [holder.id]);
    expect(kept).toEqual({ officers_removed: unneeded });
    expect(after.checklist.map((c) => c.department)).toEqual(['FIRE']);
    // The plan as drawn, with what the visit gave up, still passes the independent checker.
    expect((await checkStoredPlan(h, aprilId)).violations).toEqual([]);
    expect(await rowOf(cases.samr, day('2025-05-01'))).toMatchObject({
      rectifyBy: day('2025-05-10'),
      notBefore: day('2025-05-11'),
      dueBy: day('2025-05-25'),
      extended: true,
      status: 'waiting',
      scheduled: null,
    });

    const { inputs } = await h.app.get(DrawInputsRepository).load(MAY);
    const followUp = inputs.triggeredTasks.find((t): t is FollowUpTrigger => t.kind === 'follow-up' && t.inspectionRef === cases.samr);
    expect(followUp).toMatchObject({ rectifyBy: day('2025-05-10'), notBefore: day('2025-05-11'), dueBy: day('2025-05-25') });

    const { body: history } = await call<{ rectifyBy: string; extensions: { from: string; to: string; actor: string; reason?: string }[] }>(
      'GET',
      `/api/cases/${cases.samr}/rectification-extensions`,
      'dispatcher',
    );
    expect(history).toMatchObject({
      rectifyBy: day('2025-05-10'),
      extensions: [{ from: day('2025-04-19'), to: day('2025-05-10'), actor: 'officer', reason: REASON }],
    });
    const { body: overseen } = await call<{ extensions: object[] }>('GET', `/api/cases/${cases.samr}/rectification-extensions`, 'overseer');
    expect(overseen.extensions.every((x) => !('reason' in x))).toBe(true);
  });

  it("puts the case's extension in oversight's record, never the reason", async () => {
    type Entry = { subjectRef: string; bodyJson: string; body: { data: CaseRectificationExtended } };
    const entries = async () => (await getJson<Entry[]>(`${suite.oversight.baseUrl}/api/audit/entries?kind=rectification-extension&limit=10`)).body;
    expect(await eventually(async () => (await entries()).length === 1)).toBe(true);
    const [logged] = await entries();
    expect(logged.body.data).toMatchObject({ caseNo: cases.samr, department: 'SAMR', from: day('2025-04-19'), to: day('2025-05-10'), actor: 'officer' });
    const sent: { payload: string }[] = await h.dataSource.query(`SELECT payload::text FROM dispatch.outbox WHERE subject = $1`, [
      DispatchSubjects.caseRectificationExtended,
    ]);
    expect(sent).toHaveLength(1);
    for (const text of [logged.bodyJson, sent[0].payload]) expect(text).not.toContain(REASON);
  });

  it("puts the released re-inspection in oversight's record: the visit kept, the department that left with it", async () => {
    type Entry = { subjectRef: string; body: { data: FollowUpReleased } };
    const entries = async () => (await getJson<Entry[]>(`${suite.oversight.baseUrl}/api/audit/entries?kind=follow-up-release&limit=10`)).body;
    expect(await eventually(async () => (await entries()).length === 1)).toBe(true);
    const [logged] = await entries();
    expect(logged.subjectRef).toBe(caseHolder);
    expect(logged.body.data).toMatchObject({
      followUps: [{ department: 'SAMR', inspectionRef: cases.samr }],
      deadline: day('2025-05-10'),
      cancelled: false,
      departmentsRemoved: ['SAMR'],
      officersRemoved: [expect.stringMatching(/^44\d{6}$/)],
    });
  });

  it("marks a visit's order extended once its deadline is moved on the visit", async () => {
    expect((await rowOf(ordered.visitNo, day('2025-04-12')))?.extended).toBe(false);
    const moved = await call('POST', `/api/visits/${ordered.id}/rectification-extensions`, 'dispatcher', { rectifyBy: day('2025-05-06'), reason: REASON });
    expect(moved.status).toBe(201);
    expect(await rowOf(ordered.visitNo, day('2025-04-12'))).toMatchObject({
      rectifyBy: day('2025-05-06'),
      notBefore: day('2025-05-07'),
      extended: true,
      status: 'waiting',
    });
    // The platform case extended earlier stays marked; one never extended stays unmarked.
    expect((await rowOf(cases.samr, day('2025-04-12')))?.extended).toBe(true);
    expect(
      (await list(`on=${day('2025-04-12')}&limit=2000`)).body.rows
        .filter((r) => r.extended)
        .map((r) => r.inspectionRef)
        .sort(),
    ).toEqual([ordered.visitNo, cases.samr].sort());
  });
});
