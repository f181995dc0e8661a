import { chinaDay } from '@tianping/common';
import { DispatchSubjects, STREAMS, type VisitTeamChanged } from '@tianping/contracts';
import { drawReplacement, isoFromDayNumber, dayNumber, pathLengthKm } from '@tianping/planner';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { cityEvents, publishCity } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';
import { checkStoredPlan } from './stored-plan.check';

interface Visit {
  id: string;
  visitNo: string;
  date: string;
  creditCode: string;
  officerIds: string[];
  departments: string[];
  routeKey: string;
  routeOrder: number;
  status: string;
}
interface Candidate {
  officerId: string;
  visitsThatDay: number;
  dailyCapacity: number;
}
interface Replacements {
  officerOut: string;
  candidates: Candidate[];
}
interface Refusal {
  code: string;
  message: string;
}

const TODAY = chinaDay();
const WINDOW = { start: TODAY, end: isoFromDayNumber(dayNumber(TODAY) + 27) };
const REASON = '原执法人员配偶在该企业任职，已申报回避';

/**
 * A dispatcher replaces one officer of a scheduled visit, on the real dispatch service over PostgreSQL
 * and NATS: under the rules the draw keeps, with the plan still passing the independent checker.
 */
describe('dispatch: replacing one officer of a scheduled visit', () => {
  let h: DispatchHarness;
  let plan: DrawOutcome;
  let calendar: Visit[];

  beforeAll(async () => {
    h = await startDispatch();
    await publishCity(h, cityEvents('dispatch-team-changes', 600, 24, WINDOW));
    // Every department inspects every colour at the highest yearly share: enough visits in four weeks to choose from.
    for (const stored of (await h.http<Record<string, unknown>[]>('GET', '/api/plans')).body) {
      const { updatedAt: _u, updatedBy: _b, department, ...rest } = stored;
      const annualRatios = { red: 1, yellow: 1, green: 1 };
      expect((await h.http('PUT', `/api/plans/${String(department)}`, { ...rest, annualRatios })).status).toBe(200);
    }
    // Today is worked whatever weekday it is, so a visit today can be recorded and then refused a change.
    expect((await h.http('PUT', `/api/calendar/${TODAY}`, { kind: 'workday', name: 'test' })).status).toBe(200);
    plan = (await h.http<DrawOutcome>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, seed: 'team-changes' })).body;
    expect(plan).toMatchObject({ status: 'published', checker: { violations: 0 } });
    calendar = (await h.http<Visit[]>('GET', `/api/visits?from=${WINDOW.start}&to=${WINDOW.end}&limit=2000`)).body;
  }, 120_000);
  afterAll(() => h?.close());

  const visit = async (id: string) => (await h.http<Visit>('GET', `/api/visits/${id}`)).body;
  const replacements = async (v: Visit, officer: string) => {
    const { status, body } = await h.http<Replacements>('GET', `/api/visits/${v.id}/replacements?officer=${officer}`);
    expect(status).toBe(200);
    return body.candidates;
  };
  const change = <T = Refusal>(v: Visit, body: Record<string, unknown>) =>
    h.http<T>('POST', `/api/visits/${v.visitNo}/team-changes`, { reason: REASON, actor: 'dispatcher-a', ...body });
  const routeMates = (v: Visit) => calendar.filter((o) => o.id !== v.id && o.date === v.date && o.routeKey === v.routeKey);
  const future = () => calendar.filter((v) => v.date > TODAY && v.status === 'scheduled');
  const used = new Set<string>();
  /** A future visit not used yet whose first or second officer has candidates to suit the test. */
  async function visitWith(suits: (candidates: Candidate[]) => boolean, which = 0): Promise<Visit> {
    for (const v of future().filter((x) => x.officerIds.length === 2 && !used.has(x.id))) {
      if (!suits(await replacements(v, v.officerIds[which]))) continue;
      used.add(v.id);
      return v;
    }
    throw new Error('no visit suits the test');
  }

  it('lists eligible officers fewest visits that day first, and moves the visit to the picked one: visit, itinerary and record agree', async () => {
    const v = future().find((x) => routeMates(x).length > 0)!;
    used.add(v.id);
    // A joint visit's team may be larger than two: the one replaced leaves, the others stay.
    const [out, ...partners] = v.officerIds;
    const candidates = await replacements(v, out);
    expect(candidates.length).toBeGreaterThan(0);
    // Why the others may not come: counts by rule, no officer named.
    const { body } = await h.http<{ excluded: Record<string, number> }>('GET', `/api/visits/${v.id}/replacements?officer=${out}`);
    expect(Object.values(body.excluded).every((n) => Number.isInteger(n) && n > 0)).toBe(true);
    expect(JSON.stringify(body.excluded)).not.toMatch(/\d{6,}/);
    expect(candidates.map((c) => c.visitsThatDay)).toEqual([...candidates.map((c) => c.visitsThatDay)].sort((a, b) => a - b));
    expect(candidates.some((c) => v.officerIds.includes(c.officerId))).toBe(false);
    const into = candidates[0].officerId;

    const done = await change<VisitTeamChanged & { reason: string }>(v, { officerOut: out, how: 'picked', officerIn: into });
    expect(done.status).toBe(201);
    expect(done.body).toMatchObject({ visitId: v.id, officerOut: out, officerIn: into, chosen: { how: 'picked' }, actor: 'dispatcher-a', reason: REASON });

    const after = await visit(v.id);
    expect(after.officerIds).toEqual([...partners, into].sort());
    // The visit leaves its route for one of its own: a route is one team's day, as the officer's page shows it.
    expect(after.routeKey).not.toBe(v.routeKey);
    for (const mate of routeMates(v)) expect((await visit(mate.id)).officerIds).toEqual(v.officerIds);
    // The route left behind is measured again without the stop; the visit's own route has one stop, no length.
    const lengths = new Map<string, number>(
      (
        await h.dataSource.query(`SELECT route_key AS key, distance_km AS km FROM dispatch.routes WHERE draw_id = $1 AND route_key = ANY($2)`, [
          plan.id,
          [v.routeKey, after.routeKey],
        ])
      ).map((r: { key: string; km: number }) => [r.key, r.km]),
    );
    const mates = (await Promise.all(routeMates(v).map((mate) => visit(mate.id)))).sort((a, b) => a.routeOrder - b.routeOrder);
    expect(mates.map((m) => m.routeOrder)).toEqual(mates.map((_, i) => i));
    const located: { credit_code: string; lng: number | null; lat: number | null }[] = await h.dataSource.query(
      `SELECT credit_code, lng, lat FROM dispatch.enterprises WHERE credit_code = ANY($1)`,
      [mates.map((m) => m.creditCode)],
    );
    const at = new Map(located.map((e) => [e.credit_code, { lng: e.lng ?? undefined, lat: e.lat ?? undefined }]));
    expect(lengths.get(v.routeKey)).toBeCloseTo(pathLengthKm(mates.map((m) => at.get(m.creditCode) ?? {})), 9);
    expect(lengths.get(after.routeKey)).toBe(0);
    const itinerary = async (officer: string) => (await h.http<Visit[]>('GET', `/api/visits?officer=${officer}&date=${v.date}`)).body.map((x) => x.id);
    expect(await itinerary(into)).toContain(v.id);
    expect(await itinerary(out)).not.toContain(v.id);
    for (const partner of partners) expect(await itinerary(partner)).toContain(v.id);

    const history = (await h.http<{ officerOut: string; officerIn: string; reason: string; actor: string }[]>('GET', `/api/visits/${v.id}/team-changes`)).body;
    expect(history).toEqual([expect.objectContaining({ officerOut: out, officerIn: into, reason: REASON, actor: 'dispatcher-a' })]);

    const events = (await h.readStream(STREAMS.dispatch.name)).filter((m) => m.subject === DispatchSubjects.visitTeamChanged);
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({ visitId: v.id, visitNo: v.visitNo, creditCode: v.creditCode, date: v.date, officerOut: out, officerIn: into });
    // The reason may name a person: it stays in dispatch, never in an event.
    expect(JSON.stringify(events[0].data)).not.toContain('配偶');
    // What was published still passes the planner's independent checker, read back from the rows.
    expect((await checkStoredPlan(h, plan.id)).violations).toEqual([]);
  });

  it('draws the newcomer at random among the eligible with a seed of its own, reproducibly from the recorded seed', async () => {
    const v = await visitWith((c) => c.length > 1, 1);
    const out = v.officerIds[1];
    const eligible = (await replacements(v, out)).map((c) => c.officerId).sort();
    expect(eligible.length).toBeGreaterThan(1);
    // A seed the caller chose would choose the officer, the candidates being known: it is refused.
    expect((await change(v, { officerOut: out, how: 'random', seed: 'reassign-1' })).status).toBe(400);
    const done = await change<VisitTeamChanged>(v, { officerOut: out, how: 'random' });
    expect(done.status).toBe(201);
    const made = done.body.chosen as { seed: string; candidates: string[] };
    expect(made.candidates).toEqual(eligible);
    expect(done.body.officerIn).toBe(drawReplacement(eligible, made.seed));
    const w = await visitWith((c) => c.length > 0);
    const drawn = await change<VisitTeamChanged>(w, { officerOut: w.officerIds[0], how: 'random' });
    expect(drawn.status).toBe(201);
    const chosen = drawn.body.chosen as { seed: string; candidates: string[] };
    expect(chosen.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(drawn.body.officerIn).toBe(drawReplacement(chosen.candidates, chosen.seed));
    expect((await checkStoredPlan(h, plan.id)).violations).toEqual([]);
  });

  it('refuses a partner, an officer certified for none of the departments, a declared conflict and one over the day’s capacity', async () => {
    const v = await visitWith((c) => c.length > 1 && c.slice(1).some((x) => x.visitsThatDay > 0));
    const [out, partner] = v.officerIds;
    const refused = async (body: Record<string, unknown>) => {
      const { status, body: answer } = await change(v, { officerOut: out, how: 'picked', ...body });
      return { status, code: answer.code };
    };
    expect(await refused({ officerIn: partner })).toEqual({ status: 409, code: 'already_on_team' });
    const officers: { id: string; domains: string[] }[] = await h.dataSource.query(
      `SELECT officer_id AS id, domains FROM dispatch.officers WHERE status = '在岗' ORDER BY officer_id`,
    );
    const uncertified = officers.find((o) => !o.domains.some((d) => v.departments.includes(d)));
    expect(uncertified).toBeDefined();
    expect(await refused({ officerIn: uncertified!.id })).toEqual({ status: 409, code: 'not_competent' });
    expect(await refused({ officerIn: 'NOBODY-1' })).toEqual({ status: 409, code: 'officer_unknown' });

    const candidates = await replacements(v, out);
    const conflicted = candidates[0].officerId;
    expect((await h.http('POST', '/api/conflicts', { officerId: conflicted, creditCode: v.creditCode, reason: '近亲属任职' })).status).toBe(201);
    expect(await refused({ officerIn: conflicted })).toEqual({ status: 409, code: 'declared_conflict' });
    expect((await replacements(v, out)).map((c) => c.officerId)).not.toContain(conflicted);

    // The policy's capacity lowered to what the busiest candidate already has that day: one more is too many.
    const busy = candidates.filter((c) => c.officerId !== conflicted && c.visitsThatDay > 0).pop()!;
    expect(busy).toBeDefined();
    const { body: policy } = await h.http<{ officerDailyCapacity: number }>('GET', '/api/policy');
    expect((await h.http('PUT', '/api/policy', { officerDailyCapacity: busy.visitsThatDay })).status).toBe(200);
    try {
      expect(await refused({ officerIn: busy.officerId })).toEqual({ status: 409, code: 'over_capacity' });
    } finally {
      await h.http('PUT', '/api/policy', { officerDailyCapacity: policy.officerDailyCapacity });
    }
    expect(await refused({ officerIn: undefined })).toEqual({ status: 400, code: 'officer_in_missing' });
    expect((await change(v, { officerOut: 'NOBODY-2', how: 'random' })).status).toBe(400);
    expect((await change(v, { officerOut: out, how: 'random', reason: '' })).status).toBe(400);
    // Nothing refused changed the team.
    expect((await visit(v.id)).officerIds).toEqual(v.officerIds);
  });

  it('refuses an officer already scheduled to inspect the enterprise later (a re-inspection): twice in 12 months', async () => {
    const v = await visitWith((c) => c.length > 1);
    const [out] = v.officerIds;
    const [first, second] = await replacements(v, out);
    // A later visit to the same enterprise in the published plan, as a re-inspection after a complaint's visit is.
    const [{ id: later }]: { id: string }[] = await h.dataSource.query(
      `INSERT INTO dispatch.visits
       SELECT (jsonb_populate_record(NULL::dispatch.visits, to_jsonb(v) || jsonb_build_object('id', gen_random_uuid(), 'visit_no', 'TP-LATER-000001', 'date', v.date + 20))).*
         FROM dispatch.visits v WHERE v.id = $1
       RETURNING id`,
      [v.id],
    );
    await h.dataSource.query(`INSERT INTO dispatch.visit_officers (visit_id, officer_id) VALUES ($1, $2)`, [later, first.officerId]);
    try {
      expect((await replacements(v, out)).map((c) => c.officerId)).not.toContain(first.officerId);
      const { status, body } = await change(v, { officerOut: out, how: 'picked', officerIn: first.officerId });
      expect({ status, code: body.code }).toEqual({ status: 409, code: 'later_inspection' });
      expect((await replacements(v, out)).map((c) => c.officerId)).toContain(second.officerId);
    } finally {
      await h.dataSource.query(`DELETE FROM dispatch.visit_officers WHERE visit_id = $1`, [later]);
      await h.dataSource.query(`DELETE FROM dispatch.visits WHERE id = $1`, [later]);
    }
  });

  it('refuses to change the team of a visit whose results are recorded', async () => {
    const v = calendar.find((x) => x.date === TODAY && x.status === 'scheduled')!;
    expect(v).toBeDefined();
    const { body: detail } = await h.http<{ checklist: { items: string[] }[] }>('GET', `/api/visits/${v.id}`);
    const items = detail.checklist.flatMap((d) => d.items).map((item) => ({ item, result: '未发现问题' }));
    expect((await h.http('POST', `/api/visits/${v.id}/results`, { items })).status).toBe(201);
    const { status, body } = await change(v, { officerOut: v.officerIds[0], how: 'random' });
    expect({ status, code: body.code }).toEqual({ status: 409, code: 'not_scheduled' });
    expect((await h.http('GET', `/api/visits/${v.id}/replacements?officer=${v.officerIds[0]}`)).status).toBe(409);
  });
});
