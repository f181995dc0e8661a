import { chinaDay } from '@tianping/common';
import { DispatchSubjects, STREAMS, type VisitTeamChanged } from '@tianping/contracts';
import { dayNumber, isoFromDayNumber } from '@tianping/planner';
import type { ProposedDay } from '../../../apps/dispatch/src/absence-replacements/absence-replacements.service';
import type { StoredAbsence } from '../../../apps/dispatch/src/absences/absences.repository';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import type { VisitRow } from '../../../apps/dispatch/src/visits/visits.repository';
import { cityEvents, publishCity } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';
import { checkStoredPlan } from './stored-plan.check';

/** A visit as `GET /api/visits` lists it, what these tests read of it. */
type Visit = Pick<VisitRow, 'id' | 'visitNo' | 'date' | 'creditCode' | 'officerIds' | 'routeKey' | 'status'>;
interface Proposal {
  absenceId: string;
  officerId: string;
  days: ProposedDay[];
}

const TODAY = chinaDay();
const plus = (days: number, from = TODAY) => isoFromDayNumber(dayNumber(from) + days);
const WINDOW = { start: TODAY, end: plus(27) };
const REASON = '原执法人员请假';

/**
 * A dispatcher marks an officer absent and replaces the officer on every visit of those days in one act, on the
 * real dispatch service over PostgreSQL and NATS: one free officer a day, each route kept together, what
 * cannot be covered listed and left as it is, through the single team change's rules, records and events.
 */
describe('dispatch: replacing an absent officer on all the visits of the absence', () => {
  let h: DispatchHarness;
  let calendar: Visit[];
  let plan: DrawOutcome;
  let absent: string;
  /** The two days of the absence: on each the officer has a route of two stops or more. */
  let days: [string, string];
  let absence: StoredAbsence;
  /** A visit of the second day no one may take: every officer inspected its enterprise last month. */
  let blocked: Visit;

  beforeAll(async () => {
    h = await startDispatch();
    await publishCity(h, cityEvents('dispatch-absence-replacements', 600, 24, WINDOW));
    // Every department inspects every colour at the highest yearly share: routes of several stops.
    for (const stored of (await h.http<Record<string, unknown>[]>('GET', '/api/plans')).body) {
      const { updatedAt: _u, updatedBy: _b, department, ...rest } = stored;
      expect((await h.http('PUT', `/api/plans/${String(department)}`, { ...rest, annualRatios: { red: 1, yellow: 1, green: 1 } })).status).toBe(200);
    }
    plan = (await h.http<DrawOutcome>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, seed: 'absence-replacements' })).body;
    expect(plan).toMatchObject({ status: 'published', checker: { violations: 0 } });
    calendar = (await h.http<Visit[]>('GET', `/api/visits?from=${WINDOW.start}&to=${WINDOW.end}&limit=2000`)).body;
    // An officer with two days of one route of two stops or more each, after today: the absence spans them.
    const routesOf = (officer: string) => {
      const stops = new Map<string, Visit[]>();
      for (const v of calendar.filter((x) => x.date > TODAY && x.status === 'scheduled' && x.officerIds.includes(officer)))
        stops.set(v.date, [...(stops.get(v.date) ?? []), v]);
      return [...stops]
        .filter(([, s]) => s.length >= 2 && new Set(s.map((x) => x.routeKey)).size === 1)
        .map(([date]) => date)
        .sort();
    };
    // The first such pair whose first day one free officer may take whole (a stop needing a certification no free
    // officer has, say, would leave it uncovered): the plan's officers and days vary with the day the test runs.
    const add = (officerId: string, from: string, to: string) =>
      h.http<StoredAbsence>('POST', '/api/absences', { officerId, from, to, kind: 'leave', actor: 'dispatcher-a' });
    search: for (const officer of [...new Set(calendar.flatMap((v) => v.officerIds))].sort()) {
      const dates = routesOf(officer);
      for (let i = 0; i + 1 < dates.length; i++) {
        const added = await add(officer, dates[i], dates[i + 1]);
        expect(added.status).toBe(201);
        const tried = (await h.http<Proposal>('GET', `/api/absences/${added.body.id}/replacements`)).body.days;
        const [first, second] = [dates[i], dates[i + 1]].map((date) => tried.find((d) => d.date === date)!);
        if (first.uncovered.length === 0 && first.officerIn && second.visits.length >= 2) {
          [absent, days, absence] = [officer, [dates[i], dates[i + 1]], added.body];
          break search;
        }
        expect((await h.http('DELETE', `/api/absences/${added.body.id}`, {})).status).toBe(200);
      }
    }
    expect(absent).toBeDefined();
    blocked = proposalVisit(days[1]);
    await h.dataSource.query(
      `INSERT INTO dispatch.prior_inspections (case_no, credit_code, department, kind, date, officer_ids, updated_at)
       SELECT 'TEST-BLOCK', $1, 'SAMR', '检查', $2::date, array_agg(officer_id), now() FROM dispatch.officers`,
      [blocked.creditCode, plus(-30)],
    );
  }, 120_000);
  afterAll(() => h?.close());

  /** A stop of the absent officer's route that day: the one every officer is then made to have inspected. */
  const proposalVisit = (date: string) => sendingOn(date)[0];

  const sendingOn = (date: string) => calendar.filter((v) => v.date === date && v.status === 'scheduled' && v.officerIds.includes(absent));
  const inAbsence = () => calendar.filter((v) => v.date >= days[0] && v.date <= days[1] && v.status === 'scheduled' && v.officerIds.includes(absent));
  const proposal = async () => {
    const { status, body } = await h.http<Proposal>('GET', `/api/absences/${absence.id}/replacements`);
    expect(status).toBe(200);
    return body;
  };
  const confirm = (p: Proposal) => ({
    days: p.days.filter((d) => d.officerIn).map((d) => ({ date: d.date, officerIn: d.officerIn, visitIds: d.visits.map((v) => v.visitId) })),
    reason: REASON,
    actor: 'dispatcher-a',
  });
  let proposed: Proposal;

  it('proposes for each day one free officer on every stop of the route, and lists the visit no one may take with the rule', async () => {
    proposed = await proposal();
    expect(proposed).toMatchObject({ absenceId: absence.id, officerId: absent });
    const listed = proposed.days.flatMap((d) => [...d.visits, ...d.uncovered].map((v) => v.visitId)).sort();
    expect(listed).toEqual(
      inAbsence()
        .map((v) => v.id)
        .sort(),
    );
    for (const day of proposed.days) {
      expect(day.officerIn).not.toBeNull();
      // Free that day: on no visit of it before.
      expect(calendar.filter((v) => v.date === day.date && v.status !== 'cancelled' && v.officerIds.includes(day.officerIn!))).toEqual([]);
    }
    const [first, second] = days.map((date) => proposed.days.find((d) => d.date === date)!);
    expect(first.visits.map((v) => v.visitId).sort()).toEqual(
      sendingOn(days[0])
        .map((v) => v.id)
        .sort(),
    );
    expect(first.uncovered).toEqual([]);
    expect(second.uncovered).toEqual(
      expect.arrayContaining([expect.objectContaining({ visitId: blocked.id, visitNo: blocked.visitNo, code: 'recent_inspection' })]),
    );
    expect(second.visits.length).toBeGreaterThan(0);
    // Every visit left out says which rule keeps the replacement off.
    for (const u of proposed.days.flatMap((d) => d.uncovered)) expect(u.code).toMatch(/^[a-z_]+$/);
  });

  it('refuses a confirmation that is not the proposal, changing nothing', async () => {
    const wrong = confirm(proposed);
    wrong.days[0] = { ...wrong.days[0], officerIn: wrong.days[1].officerIn === wrong.days[0].officerIn ? absent : wrong.days[1].officerIn };
    const refused = await h.http<{ code: string; proposal: Proposal }>('POST', `/api/absences/${absence.id}/replacements`, wrong);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'proposal_changed' });
    expect(refused.body.proposal.days).toEqual(proposed.days);
    expect(
      (await h.http<Visit[]>('GET', `/api/visits?from=${days[0]}&to=${days[1]}&limit=2000`)).body.filter((v) => v.officerIds.includes(absent)),
    ).toHaveLength(inAbsence().length);
    expect((await h.http('POST', `/api/absences/${absence.id}/replacements`, { ...confirm(proposed), reason: '' })).status).toBe(400);
  });

  it('applies the confirmed proposal in one act: routes kept together, the uncovered visit and other teams untouched', async () => {
    const others = calendar.filter((v) => v.date >= days[0] && v.date <= days[1] && !v.officerIds.includes(absent));
    const applied = await h.http<{ changed: { visitId: string; officerIn: string }[]; uncovered: { visitId: string; code: string }[] }>(
      'POST',
      `/api/absences/${absence.id}/replacements`,
      confirm(proposed),
    );
    expect(applied.status).toBe(201);
    const uncovered = proposed.days.flatMap((d) => d.uncovered);
    expect(applied.body.uncovered.map((u) => u.visitId).sort()).toEqual(uncovered.map((u) => u.visitId).sort());
    const after = new Map((await h.http<Visit[]>('GET', `/api/visits?from=${days[0]}&to=${days[1]}&limit=2000`)).body.map((v) => [v.id, v]));
    for (const day of proposed.days) {
      const stops = day.visits.map((v) => after.get(v.visitId)!);
      expect(stops.map((v) => v.officerIds.includes(day.officerIn!) && !v.officerIds.includes(absent))).toEqual(stops.map(() => true));
      // One route and one team for all the stops the newcomer took, and the route itself names that team.
      expect(new Set(stops.map((v) => v.routeKey)).size).toBe(1);
      expect(new Set(stops.map((v) => v.officerIds.join())).size).toBe(1);
      const [route] = await h.dataSource.query(
        `SELECT officer_ids FROM dispatch.routes r JOIN dispatch.visits v ON v.draw_id = r.draw_id AND v.route_key = r.route_key WHERE v.id = $1`,
        [stops[0].id],
      );
      expect(route.officer_ids).toEqual(stops[0].officerIds);
    }
    // The first day's route is whole: it keeps its key.
    const firstDay = proposed.days.find((d) => d.date === days[0])!.visits;
    expect(firstDay.map((v) => after.get(v.visitId)!.routeKey)).toEqual(firstDay.map((v) => v.routeKey));
    // The plan as it now stands still passes the independent checker: routes, teams, capacities.
    expect((await checkStoredPlan(h, plan.id)).violations).toEqual([]);
    for (const u of uncovered) expect(after.get(u.visitId)!.officerIds).toEqual(u.officerIds);
    for (const v of others)
      expect({ id: v.id, team: after.get(v.id)?.officerIds, route: after.get(v.id)?.routeKey }).toEqual({ id: v.id, team: v.officerIds, route: v.routeKey });
  });

  it('records each change with its reason and sends the single change’s event, without the reason', async () => {
    const covered = proposed.days.flatMap((d) => d.visits.map((v) => v.visitId));
    const rows: { visit_id: string; reason: string; actor: string; chosen: string }[] = await h.dataSource.query(
      `SELECT visit_id, reason, actor, chosen FROM dispatch.visit_team_changes WHERE officer_out = $1`,
      [absent],
    );
    expect(rows.map((r) => r.visit_id).sort()).toEqual([...covered].sort());
    expect(new Set(rows.map((r) => `${r.reason}|${r.actor}|${r.chosen}`))).toEqual(new Set([`${REASON}|dispatcher-a|picked`]));
    const events = (await h.readStream(STREAMS.dispatch.name))
      .filter((m) => m.subject === DispatchSubjects.visitTeamChanged)
      .map((m) => m.data as VisitTeamChanged);
    expect(events.map((e) => e.visitId).sort()).toEqual([...covered].sort());
    expect(events.every((e) => e.officerOut === absent && e.chosen.how === 'picked')).toBe(true);
    expect(JSON.stringify(events)).not.toContain(REASON);
  });

  it('proposes only the visits left out once applied, and refuses the same confirmation again', async () => {
    const left = await proposal();
    // Only the visits left out before are still to replace; the blocked one is still no one's.
    const still = left.days.flatMap((d) => [...d.visits, ...d.uncovered].map((v) => v.visitId)).sort();
    expect(still).toEqual(proposed.days.flatMap((d) => d.uncovered.map((u) => u.visitId)).sort());
    expect(left.days.flatMap((d) => d.uncovered.map((u) => u.visitId))).toContain(blocked.id);
    expect((await h.http<{ code: string }>('POST', `/api/absences/${absence.id}/replacements`, confirm(proposed))).body.code).toBe('proposal_changed');
    expect((await h.http('GET', `/api/absences/00000000-0000-4000-8000-000000000000/replacements`)).status).toBe(404);
  });
});
