import { chinaDay } from '@tianping/common';
import { DispatchSubjects, STREAMS, type DispatchSettingChanged } from '@tianping/contracts';
import { dayNumber, isoFromDayNumber } from '@tianping/planner';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import type { StoredAbsence as Absence } from '../../../apps/dispatch/src/absences/absences.repository';
import type { PlanningInputs } from '../../../apps/dispatch/src/draw/planning.util';
import type { RegisterOfficer } from '../../../apps/dispatch/src/officers/officers.repository';
import { cityEvents, publishCity } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';
import { checkStoredPlan } from './stored-plan.check';

interface Visit {
  id: string;
  visitNo: string;
  date: string;
  officerIds: string[];
  status: string;
}
type Refusal = { code?: string; message: string | string[] };

const TODAY = chinaDay();
const plus = (days: number, from = TODAY) => isoFromDayNumber(dayNumber(from) + days);
const WINDOW = { start: TODAY, end: plus(27) };
/** A week inside the window on which one officer is away. */
const AWAY = { from: plus(3), to: plus(9) };

/**
 * A dispatcher enters officers' absences (请假, 培训, 外出), on the real dispatch service over PostgreSQL
 * and NATS: the next draw never schedules the officer on those days, replacements leave the officer out,
 * and each entry and withdrawal goes to oversight's record with its kind and days, never a reason.
 */
describe('dispatch: officers away', () => {
  let h: DispatchHarness;
  let away: string;
  let plan: DrawOutcome;
  let calendar: Visit[];

  beforeAll(async () => {
    h = await startDispatch();
    await publishCity(h, cityEvents('dispatch-absences', 600, 24, WINDOW));
    // Every department inspects every colour at the highest yearly share: every officer has visits.
    for (const stored of (await h.http<Record<string, unknown>[]>('GET', '/api/plans')).body) {
      const { updatedAt: _u, updatedBy: _b, department, ...rest } = stored;
      expect((await h.http('PUT', `/api/plans/${String(department)}`, { ...rest, annualRatios: { red: 1, yellow: 1, green: 1 } })).status).toBe(200);
    }
    const register = (await h.http<RegisterOfficer[]>('GET', '/api/officers')).body;
    away = register.find((o) => o.onDuty)!.officerId;
  }, 120_000);
  afterAll(() => h?.close());

  const add = <T = Absence>(body: Record<string, unknown>) => h.http<T>('POST', '/api/absences', { kind: 'leave', actor: 'dispatcher-a', ...body });
  const future = () => calendar.filter((v) => v.date > TODAY && v.status === 'scheduled' && v.officerIds.length === 2);

  it('keeps the officer out of a new draw on those days, in its stored inputs too, and the checker agrees', async () => {
    const added = await add({ officerId: away, ...AWAY, kind: 'training' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ officerId: away, ...AWAY, kind: 'training', createdBy: 'dispatcher-a', scheduledVisits: [] });

    plan = (await h.http<DrawOutcome>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, seed: 'absences' })).body;
    expect(plan).toMatchObject({ status: 'published', checker: { violations: 0 } });
    calendar = (await h.http<Visit[]>('GET', `/api/visits?from=${WINDOW.start}&to=${WINDOW.end}&limit=2000`)).body;
    const own = calendar.filter((v) => v.officerIds.includes(away));
    expect(own.length).toBeGreaterThan(0);
    expect(own.filter((v) => v.date >= AWAY.from && v.date <= AWAY.to)).toEqual([]);

    // The draw's inputs keep the days: a re-draw from them sees the same absence and gives the same plan.
    const { body: stored } = await h.http<{ inputs: PlanningInputs }>('GET', `/api/draws/${plan.id}/inputs`);
    const days = Array.from({ length: 7 }, (_, i) => plus(3 + i));
    expect(stored.inputs.officers.find((o) => o.id === away)?.absentDates).toEqual(days);
    expect(stored.inputs.officers.filter((o) => o.absentDates).map((o) => o.id)).toEqual([away]);
    expect((await h.http<{ identical: boolean }>('GET', `/api/draws/${plan.id}/redraw-check`)).body).toMatchObject({ identical: true, checkerViolations: 0 });
    expect((await checkStoredPlan(h, plan.id)).violations).toEqual([]);

    // Put the officer on a visit of those days behind the service's back: the independent checker says so.
    const then = calendar.find((v) => v.date >= AWAY.from && v.date <= AWAY.to)!;
    const q = (sql: string) => h.dataSource.query(sql, [then.id, then.officerIds[0], away]);
    await q(`UPDATE dispatch.visit_officers SET officer_id = $3 WHERE visit_id = $1 AND officer_id = $2`);
    try {
      expect((await checkStoredPlan(h, plan.id)).violations.map((v) => v.code)).toContain('officer_absent');
    } finally {
      await q(`UPDATE dispatch.visit_officers SET officer_id = $2 WHERE visit_id = $1 AND officer_id = $3`);
    }
  });

  it('refuses an absent officer as a replacement, with the code, and leaves the officer out of the candidates', async () => {
    const v = future().find((x) => x.date < AWAY.from || x.date > AWAY.to)!;
    const out = v.officerIds[0];
    const candidates = async () =>
      (await h.http<{ candidates: { officerId: string }[] }>('GET', `/api/visits/${v.id}/replacements?officer=${out}`)).body.candidates.map((c) => c.officerId);
    const [candidate] = await candidates();
    expect(candidate).toBeDefined();
    expect((await add({ officerId: candidate, from: v.date, to: v.date, kind: 'secondment' })).status).toBe(201);
    expect(await candidates()).not.toContain(candidate);
    const change = { officerOut: out, how: 'picked', officerIn: candidate, reason: '原执法人员请假' };
    const refused = await h.http<Refusal>('POST', `/api/visits/${v.id}/team-changes`, change);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'officer_absent' });
    expect((await h.http<Visit>('GET', `/api/visits/${v.id}`)).body.officerIds).toEqual(v.officerIds);
  });

  it('names the visits already scheduled in the days that still send the officer', async () => {
    const absent = new Set((await h.http<Absence[]>('GET', '/api/absences')).body.map((a) => a.officerId));
    const w = future().find((x) => !absent.has(x.officerIds[1]))!;
    const officer = w.officerIds[1];
    const added = await add({ officerId: officer, from: w.date, to: plus(1, w.date), kind: 'other' });
    expect(added.status).toBe(201);
    expect(added.body.scheduledVisits).toEqual(
      expect.arrayContaining([{ id: w.id, number: w.visitNo, date: w.date, creditCode: expect.stringMatching(/^[0-9A-Z]{18}$/) }]),
    );
    const sending = calendar.filter((x) => x.officerIds.includes(officer) && x.date >= w.date && x.date <= plus(1, w.date));
    expect(added.body.scheduledVisits.map((x) => x.id).sort()).toEqual(sending.map((x) => x.id).sort());
    const listed = (await h.http<Absence[]>('GET', `/api/absences?officer=${officer}&from=${w.date}&to=${w.date}`)).body;
    expect(listed).toEqual([expect.objectContaining({ id: added.body.id, scheduledVisits: added.body.scheduledVisits })]);
  });

  it('refuses an unknown officer, a bad range, an unknown kind or a reason with 400, and an overlap with 409', async () => {
    const refused = async (body: Record<string, unknown>) => {
      const answer = await add<Refusal>({ officerId: away, from: plus(40), to: plus(41), ...body });
      return { status: answer.status, code: answer.body.code ?? null };
    };
    expect(await refused({ officerId: 'NOBODY-1' })).toEqual({ status: 400, code: 'officer_unknown' });
    expect(await refused({ from: plus(41), to: plus(40) })).toEqual({ status: 400, code: 'invalid_range' });
    expect(await refused({ to: plus(40 + 366) })).toEqual({ status: 400, code: 'invalid_range' });
    expect(await refused({ from: '2027-02-30' })).toEqual({ status: 400, code: 'invalid_range' });
    expect((await refused({ from: '1 March' })).status).toBe(400);
    expect((await refused({ kind: 'sick' })).status).toBe(400);
    expect((await refused({ reason: '病假' })).status).toBe(400);
    expect((await h.http('GET', '/api/absences?from=2027-02-30')).status).toBe(400);
    const overlap = await refused({ from: plus(9), to: plus(12) });
    expect(overlap).toEqual({ status: 409, code: 'absence_overlaps' });
    // Next to the absence, not over it: taken.
    expect((await refused({ from: plus(10), to: plus(12) })).status).toBe(201);
  });

  it('withdraws an absence: gone from the list and the register, kept in dispatch with who withdrew it, refused a second time', async () => {
    const [first] = (await h.http<Absence[]>('GET', `/api/absences?officer=${away}&to=${AWAY.to}`)).body;
    expect(first).toMatchObject(AWAY);
    const done = await h.http('DELETE', `/api/absences/${first.id}`, { actor: 'dispatcher-b' });
    expect(done).toEqual({ status: 200, body: { id: first.id, withdrawn: true } });
    expect((await h.http('DELETE', `/api/absences/${first.id}`, {})).status).toBe(404);
    expect((await h.http('DELETE', '/api/absences/not-an-id', {})).status).toBe(400);
    expect((await h.http<Absence[]>('GET', `/api/absences?officer=${away}`)).body.map((a) => a.id)).not.toContain(first.id);
    const [row] = await h.dataSource.query(`SELECT withdrawn_by, withdrawn_at FROM dispatch.officer_absences WHERE id = $1`, [first.id]);
    expect(row).toEqual({ withdrawn_by: 'dispatcher-b', withdrawn_at: expect.any(Date) });
    const officer = (await h.http<RegisterOfficer[]>('GET', '/api/officers')).body.find((o) => o.officerId === away)!;
    expect(officer.absences.map((a) => a.id)).not.toContain(first.id);
    // Entered again now that it is withdrawn: no overlap.
    expect((await add({ officerId: away, ...AWAY })).status).toBe(201);
  });

  it('lists the register without names, with visits ahead and absences', async () => {
    const register = (await h.http<RegisterOfficer[]>('GET', '/api/officers')).body;
    expect(register).toHaveLength(24);
    const officer = register.find((o) => o.officerId === away)!;
    expect(officer.absences).toEqual(expect.arrayContaining([expect.objectContaining({ from: AWAY.from, to: AWAY.to, kind: 'leave' })]));
    const ahead = calendar.filter((v) => v.officerIds.includes(away) && v.date < plus(14)).length;
    expect(officer.visitsNext14Days).toBe(ahead);
    expect(Object.keys(officer).sort()).toEqual(
      [
        'absences',
        'certValidUntil',
        'dailyCapacity',
        'declaredConflicts',
        'department',
        'domains',
        'officerId',
        'onDuty',
        'regionCode',
        'visitsNext14Days',
      ].sort(),
    );
  });

  it("sends each entry and withdrawal to oversight's record as a setting change, with kind and days and never a reason", async () => {
    const events = (await h.readStream(STREAMS.dispatch.name))
      .filter((m) => m.subject === DispatchSubjects.settingChanged)
      .map((m) => m.data as DispatchSettingChanged)
      .filter((c) => c.setting === 'officer-absence');
    const stored: { n: number }[] = await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.officer_absences`);
    const withdrawn: { n: number }[] = await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.officer_absences WHERE withdrawn_at IS NOT NULL`);
    expect(events).toHaveLength(stored[0].n + withdrawn[0].n);
    const key = `${away}/${AWAY.from}/${AWAY.to}`;
    expect(events.filter((e) => e.key === key)).toEqual([
      expect.objectContaining({ before: null, after: { officerId: away, ...AWAY, kind: 'training' }, actor: 'dispatcher-a' }),
      expect.objectContaining({ before: { officerId: away, ...AWAY, kind: 'training' }, after: null, actor: 'dispatcher-b' }),
      expect.objectContaining({ before: null, after: { officerId: away, ...AWAY, kind: 'leave' } }),
    ]);
    expect(JSON.stringify(events)).not.toMatch(/reason|病假/);
  });
});
