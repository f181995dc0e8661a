import { DispatchSubjects, IntakeSubjects, OversightSubjects, ScoringSubjects, STREAMS, type DrawCompleted } from '@tianping/contracts';
import { chinaDay } from '@tianping/common';
import type { InspectionTask, RiskColour } from '@tianping/planner';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { batches, cityEvents, score, scoreBatches, type CityEvents } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';
import { checkStoredPlan } from './stored-plan.check';

type ClueChange = CityEvents['clues'][number];

/** Complaints about enterprises still trading. */
const liveClues = (city: CityEvents): ClueChange[] => city.clues.filter((c) => !city.dissolved.includes(c.linkedCreditCode!));

/** The complaint's department has inspected its enterprise on or after the day it came in. */
const followedUp = (city: CityEvents, c: ClueChange): boolean =>
  city.cases.some((k) => k.kind === '检查' && k.creditCode === c.linkedCreditCode && k.department === c.department && k.date >= c.receivedAt.slice(0, 10));

const WINDOW = { start: '2025-03-01', end: '2025-03-31' };

describe('dispatch draws and plans from its projections', () => {
  let h: DispatchHarness;
  let city: CityEvents;
  let followed: ClueChange;
  let notYet: ClueChange;

  beforeAll(async () => {
    h = await startDispatch();
    city = cityEvents('dispatch-it', 2000, 48, WINDOW);
    // Two complaints' departments inspected their enterprises before the system: one after the complaint came in, one before.
    const waiting = liveClues(city).filter((c) => !followedUp(city, c));
    followed = waiting[0];
    notYet = waiting.find((c) => c.linkedCreditCode !== followed.linkedCreditCode)!;
    city.cases.push(
      { ...city.cases[0], caseNo: 'FOLLOW-UP-1', creditCode: followed.linkedCreditCode!, department: followed.department, date: '2025-02-24' },
      { ...city.cases[0], caseNo: 'EARLIER-1', creditCode: notYet.linkedCreditCode!, department: notYet.department, date: '2025-02-10' },
    );
    for (const b of batches(city.subjects)) await h.publish(IntakeSubjects.subjectsUpserted, b);
    for (const b of batches(city.officers)) await h.publish(IntakeSubjects.officersUpserted, b);
    for (const b of batches(city.cases)) await h.publish(IntakeSubjects.casesUpserted, b);
    for (const b of batches(city.clues)) await h.publish(IntakeSubjects.cluesUpserted, b);
    for (const b of scoreBatches(city.scores)) await h.publish(ScoringSubjects.scoresComputed, b);
    for (const o of city.scenario.officers) {
      for (const creditCode of o.conflicts ?? [])
        expect((await h.http('POST', '/api/conflicts', { officerId: o.id, creditCode, reason: 'declared' })).status).toBe(201);
    }
    await h.settle(
      (c) =>
        c.enterprises === city.subjects.length &&
        c.officers === city.officers.length &&
        c.priorCases === city.cases.length &&
        c.complaints === city.clues.length &&
        c.scores === city.scores.length,
    );
  });
  afterAll(() => h.close());

  const draw = async (seed?: string) => {
    // The city's window is history by now: recorded as a backfill.
    const res = await h.http<DrawOutcome>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, backfill: true, ...(seed ? { seed } : {}) });
    expect(res.status).toBe(201);
    return res.body;
  };
  const tasksOf = async (id: string) => (await h.http<{ tasks: InspectionTask[] }>('GET', `/api/draws/${id}`)).body.tasks;

  it('publishes a plan the independent checker passes, with joint visits, teams and routes', async () => {
    const exempt = city.subjects.find((s) => !city.dissolved.includes(s.creditCode))!.creditCode;
    const { body: samr } = await h.http<Record<string, unknown>>('GET', '/api/plans/SAMR');
    const { updatedAt: _u, updatedBy: _b, department: _d, ...plan } = samr;
    expect((await h.http('PUT', '/api/plans/SAMR', { ...plan, exemptions: [exempt] })).status).toBe(200);

    const outcome = await draw('city-seed-1');
    expect(outcome).toMatchObject({ status: 'published', seed: 'city-seed-1', suspended: false, modelVersion: 'rm-test-1' });
    expect(outcome.checker).toMatchObject({ name: 'planner/checkPlan', ran: true, violations: 0 });
    expect(outcome.unscoredEnterprises).toBeGreaterThan(0);
    expect(outcome.visits).toBeGreaterThan(10);
    expect(outcome.figures.jointShare).toBeGreaterThan(0);

    // Verified again from the stored rows, outside the service.
    const audit = await checkStoredPlan(h, outcome.id);
    expect(audit.violations).toEqual([]);
    expect(audit.visits).toBe(outcome.visits);

    const tasks = await tasksOf(outcome.id);
    expect(tasks.some((t) => city.dissolved.includes(t.creditCode))).toBe(false);
    expect(tasks.some((t) => t.department === 'SAMR' && t.creditCode === exempt && t.clueIds.length === 0)).toBe(false);
    // A complaint its department has inspected the enterprise on or after is served; every other one on a live enterprise is a task.
    for (const c of liveClues(city)) {
      const task = tasks.find((t) => t.id === `${c.department}:${c.linkedCreditCode}`);
      if (followedUp(city, c)) expect(task?.clueIds ?? []).not.toContain(c.clueId);
      else expect(task?.clueIds).toContain(c.clueId);
    }
    expect(tasks.some((t) => t.clueIds.includes(followed.clueId))).toBe(false);
    expect(tasks.some((t) => t.clueIds.includes(notYet.clueId))).toBe(true);

    const [teams] = await h.dataSource.query(
      `SELECT min(n)::int AS smallest FROM (SELECT count(*) AS n FROM dispatch.visit_officers vo JOIN dispatch.visits v ON v.id = vo.visit_id WHERE v.draw_id = $1 GROUP BY vo.visit_id) t`,
      [outcome.id],
    );
    expect(teams.smallest).toBeGreaterThanOrEqual(2);

    const completed = (await h.readStream(STREAMS.dispatch.name))
      .filter((m) => m.subject === DispatchSubjects.drawCompleted)
      .map((m) => m.data as DrawCompleted);
    expect(completed.find((e) => e.drawId === outcome.id)).toMatchObject({
      seed: 'city-seed-1',
      inputsFingerprint: outcome.inputsFingerprint,
      modelSuspended: false,
      planStatus: 'published',
      planViolations: 0,
    });

    const { body: record } = await h.http<{ seed: string; inputsFingerprint: string; checker: string; violationCount: number }>(
      'GET',
      `/api/draws/${outcome.id}`,
    );
    expect(record).toMatchObject({ seed: 'city-seed-1', inputsFingerprint: outcome.inputsFingerprint, checker: 'planner/checkPlan', violationCount: 0 });
    expect((await h.http<{ identical: boolean; inputsIntact: boolean }>('GET', `/api/draws/${outcome.id}/redraw-check`)).body).toMatchObject({
      identical: true,
      inputsIntact: true,
    });
  });

  it('gives the same draw for the same seed and inputs, and a different one for another seed', async () => {
    const first = await draw('same-seed');
    const again = await draw('same-seed');
    const other = await draw('other-seed');
    expect(again.supersededDrawIds).toEqual([first.id]);
    expect(again.inputsFingerprint).toBe(first.inputsFingerprint);
    expect(again.resultFingerprint).toBe(first.resultFingerprint);
    expect(await tasksOf(again.id)).toEqual(await tasksOf(first.id));
    expect(other.inputsFingerprint).toBe(first.inputsFingerprint);
    expect((await tasksOf(other.id)).map((t) => t.id)).not.toEqual((await tasksOf(first.id)).map((t) => t.id));
    // Each new plan for the window replaces the previous one: only the last is on the calendar.
    const [published] = await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.draws WHERE status = 'published'`);
    expect(published.n).toBe(1);
  });

  it('records a generated seed when none is given', async () => {
    const outcome = await draw();
    expect(outcome.seed).toMatch(/^[0-9a-f]{32}$/);
    expect((await h.http<{ seed: string }>('GET', `/api/draws/${outcome.id}`)).body.seed).toBe(outcome.seed);
  });

  it('refuses an empty seed with 400, saying to omit it, and records nothing', async () => {
    const count = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.draws`))[0].n as number;
    const before = await count();
    const refused = await h.http<{ message: string[] }>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, backfill: true, seed: '' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual(['seed must not be empty: omit it to have one generated']);
    expect(await count()).toBe(before);
  });

  it('draws purely at random while oversight suspends the model: permuting colours changes nothing', async () => {
    await h.publish(OversightSubjects.modelSuspended, { suspended: true, actor: 'oversight-officer-1', reason: 'drift alarm', at: '2025-02-28T10:00:00Z' });
    await h.settle((c) => c.modelSuspended === true);
    const before = await draw('kill-switch');
    expect(before).toMatchObject({ suspended: true, modelVersion: null, status: 'published' });
    expect(before.checker.violations).toBe(0);
    const tasks = await tasksOf(before.id);
    expect(tasks.every((t) => t.colour === null && (t.reason === 'random' || t.reason === 'complaint'))).toBe(true);

    const permute: Record<RiskColour, RiskColour> = { red: 'green', yellow: 'red', green: 'yellow' };
    const recoloured = city.scores.map((s) => score(s.creditCode, permute[s.colour], '2025-03-01T00:00:00Z'));
    for (const b of scoreBatches(recoloured)) await h.publish(ScoringSubjects.scoresComputed, b);
    const probe = recoloured[recoloured.length - 1];
    for (let i = 0; i < 100; i++) {
      const [row] = await h.dataSource.query(`SELECT colour FROM dispatch.scores WHERE credit_code = $1`, [probe.creditCode]);
      if (row.colour === probe.colour) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const after = await draw('kill-switch');
    expect(after.inputsFingerprint).not.toBe(before.inputsFingerprint);
    expect(after.resultFingerprint).toBe(before.resultFingerprint);

    await h.publish(OversightSubjects.modelResumed, { suspended: false, actor: 'oversight-officer-1', reason: 'fixed', at: '2025-03-01T10:00:00Z' });
    await h.settle((c) => c.modelSuspended === false);
    const resumed = await draw('kill-switch');
    expect(resumed.suspended).toBe(false);
    expect((await tasksOf(resumed.id)).some((t) => t.reason === 'risk')).toBe(true);
  });

  it('refuses a malformed event whole and keeps the projection as it was', async () => {
    const before = await h.settle(() => true);
    await h.publish(IntakeSubjects.subjectsUpserted, { batchId: 'bad', records: [{ creditCode: 'X' }] });
    await h.publish(IntakeSubjects.subjectsUpserted, {
      batchId: 'late',
      records: [{ ...city.subjects[0], status: '注销', updatedAt: '2024-01-01T00:00:00+08:00' }],
    });
    // A newer change behind them on the same subject: once it is applied, the two before were handled.
    const sentinel = { ...city.subjects[1], regionCode: '440699', updatedAt: '2025-03-02T08:00:00+08:00' };
    await h.publish(IntakeSubjects.subjectsUpserted, { batchId: 'sentinel', records: [sentinel] });
    for (let i = 0; i < 100; i++) {
      const [s] = await h.dataSource.query(`SELECT region_code FROM dispatch.enterprises WHERE credit_code = $1`, [sentinel.creditCode]);
      if (s.region_code === '440699') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    let dead: { subject: string }[] = [];
    for (let i = 0; i < 50 && dead.length === 0; i++) {
      dead = await h.readStream(STREAMS.deadLetter.name);
      if (dead.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(dead.length).toBe(1);
    const [row] = await h.dataSource.query(`SELECT status FROM dispatch.enterprises WHERE credit_code = $1`, [city.subjects[0].creditCode]);
    expect(row.status).toBe(city.subjects[0].status);
    expect((await h.settle(() => true)).enterprises).toBe(before.enterprises);
  });
  it('refuses to publish a window that has begun unless it is recorded as a backfill, and records which it was', async () => {
    const count = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.draws`))[0].n as number;
    const before = await count();
    const refused = await h.http<{ message: string }>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, seed: 'late' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('backfill');
    const yesterday = chinaDay(Date.now() - 86_400_000);
    expect((await h.http('POST', '/api/draws', { from: yesterday, to: chinaDay(), seed: 'late' })).status).toBe(400);
    expect(await count()).toBe(before);

    const ahead = await h.http<DrawOutcome>('POST', '/api/draws', { from: chinaDay(), to: chinaDay(Date.now() + 6 * 86_400_000), seed: 'ahead' });
    expect(ahead.status).toBe(201);
    expect(ahead.body.backfill).toBe(false);
    const carried = await draw('carried-over');
    expect(carried.backfill).toBe(true);
    expect((await h.http<{ backfill: boolean }>('GET', `/api/draws/${carried.id}`)).body.backfill).toBe(true);
    expect((await h.http<{ id: string; backfill: boolean }[]>('GET', '/api/draws?limit=5')).body.find((d) => d.id === ahead.body.id)?.backfill).toBe(false);
    // The oversight record learns it from the draw's event.
    const events = (await h.readStream(STREAMS.dispatch.name)).filter((m) => m.subject === DispatchSubjects.drawCompleted).map((m) => m.data as DrawCompleted);
    const payloadOf = (id: string) => events.find((e) => e.drawId === id);
    expect(payloadOf(carried.id)?.backfill).toBe(true);
    expect(payloadOf(ahead.body.id)?.backfill).toBeUndefined();
  });
  it('refuses a window of weekends and holidays only, saying so, and records nothing', async () => {
    const count = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.draws`))[0].n as number;
    const before = await count();
    // A weekend, and the Qingming holiday (Friday 2025-04-04) with the weekend after it.
    for (const [from, to] of [
      ['2025-03-08', '2025-03-09'],
      ['2025-04-04', '2025-04-06'],
    ]) {
      const refused = await h.http<{ message: string; reason: string }>('POST', '/api/draws', { from, to, backfill: true, seed: 'idle' });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ reason: 'no-working-day', message: expect.stringContaining('no working day') });
    }
    expect(await count()).toBe(before);
  });
  it('plans a verified complaint only if it came in within the look-back (China time days), and counts those left out', async () => {
    expect((await h.http<{ complaintLookbackDays: number }>('GET', '/api/policy')).body.complaintLookbackDays).toBe(365);
    // Live enterprises with no complaint and no SAMR inspection: nothing but the look-back keeps these two out.
    const taken = new Set([...city.clues.map((c) => c.linkedCreditCode), ...city.cases.filter((k) => k.department === 'SAMR').map((k) => k.creditCode)]);
    const [a, b] = city.subjects.slice(1).filter((s) => !city.dissolved.includes(s.creditCode) && !taken.has(s.creditCode));
    // 365 days before 2025-03-01 is 2024-03-01: a complaint of that (China) day is inside, one the evening before is not.
    const clue = (clueId: string, creditCode: string, receivedAt: string): ClueChange => ({
      ...city.clues[0],
      clueId,
      linkedCreditCode: creditCode,
      department: 'SAMR',
      receivedAt,
    });
    const inside = clue('LOOKBACK-INSIDE', a.creditCode, '2024-03-01T00:30:00+08:00');
    const older = clue('LOOKBACK-OLDER', b.creditCode, '2024-02-29T23:30:00+08:00');
    await h.publish(IntakeSubjects.cluesUpserted, { batchId: 'lookback', records: [inside, older] });
    await h.settle((c) => c.complaints === city.clues.length + 2);
    const planned = async (seed: string) => {
      const outcome = await draw(seed);
      const clueIds = (await tasksOf(outcome.id)).flatMap((t) => t.clueIds);
      return {
        stale: outcome.figures.staleComplaints,
        lookback: outcome.figures.complaintLookbackDays,
        inside: clueIds.includes(inside.clueId),
        older: clueIds.includes(older.clueId),
        id: outcome.id,
      };
    };

    const year = await planned('lookback-365');
    expect(year).toMatchObject({ inside: true, older: false, stale: 1, lookback: 365 });
    expect((await h.http<{ figures: { staleComplaints: number } }>('GET', `/api/draws/${year.id}`)).body.figures.staleComplaints).toBe(1);

    expect((await h.http('PUT', '/api/policy', { complaintLookbackDays: 366 })).status).toBe(200);
    expect(await planned('lookback-366')).toMatchObject({ inside: true, older: true, stale: 0, lookback: 366 });
    expect((await h.http('PUT', '/api/policy', { complaintLookbackDays: 30 })).status).toBe(200);
    expect(await planned('lookback-30')).toMatchObject({ inside: false, older: false, stale: 2, lookback: 30 });

    // No "unlimited": 0, null and fractions are refused and change nothing; null is refused for every key.
    for (const complaintLookbackDays of [0, null, 1.5, 3651]) expect((await h.http('PUT', '/api/policy', { complaintLookbackDays })).status).toBe(400);
    expect((await h.http('PUT', '/api/policy', { complaintDueDays: null })).status).toBe(400);
    expect((await h.http<{ complaintLookbackDays: number; complaintDueDays: number }>('GET', '/api/policy')).body).toMatchObject({
      complaintLookbackDays: 30,
      complaintDueDays: 15,
    });
    expect((await h.http('PUT', '/api/policy', { complaintLookbackDays: 365 })).status).toBe(200);
  });

  it("keeps New Year's Day free in a year nobody has entered in the work calendar, and says the year was not set", async () => {
    // The calendar holds 2025's holidays only: 2026-01-01 (a Thursday) is a public holiday by law all the same.
    const window = { from: '2025-12-29', to: '2026-01-02' };
    const dates = async (id: string) =>
      (await h.http<{ date: string }[]>('GET', `/api/visits?draw=${id}&from=${window.from}&to=${window.to}&limit=2000`)).body.map((v) => v.date);
    const unset = await h.http<DrawOutcome>('POST', '/api/draws', { ...window, backfill: true, seed: 'new-year' });
    expect(unset.body).toMatchObject({ status: 'published', figures: { calendarUnsetYears: [2026] } });
    const days = new Set(await dates(unset.body.id));
    expect(days.size).toBeGreaterThan(0);
    expect(days.has('2026-01-01')).toBe(false);
    expect((await h.http<{ figures: { calendarUnsetYears: number[] } }>('GET', `/api/draws/${unset.body.id}`)).body.figures.calendarUnsetYears).toEqual([2026]);
    const alone = await h.http<{ reason: string }>('POST', '/api/draws', { from: '2026-01-01', to: '2026-01-01', backfill: true, seed: 'idle' });
    expect(alone).toMatchObject({ status: 400, body: { reason: 'no-working-day' } });

    // Once the bureau enters the year, its calendar is the one kept: here it made New Year's Day a working day.
    expect((await h.http('PUT', '/api/calendar/2026-01-01', { kind: 'workday', name: 'test' })).status).toBe(200);
    const set = await h.http<DrawOutcome>('POST', '/api/draws', { ...window, backfill: true, seed: 'new-year' });
    expect(set.body.figures.calendarUnsetYears).toEqual([]);
    expect(await dates(set.body.id)).toContain('2026-01-01');
    expect((await h.http('DELETE', '/api/calendar/2026-01-01')).status).toBe(200);
  });
});
