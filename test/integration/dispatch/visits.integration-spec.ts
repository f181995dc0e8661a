import { DispatchSubjects, STREAMS, type VisitResultRecorded } from '@tianping/contracts';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { cityEvents, publishCity } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';

const WINDOW = { start: '2025-04-01', end: '2025-04-30' };

interface CalendarEntry {
  id: string;
  visitNo: string;
  date: string;
  regionCode: string;
  creditCode: string;
  officerIds: string[];
  routeKey: string;
  routeOrder: number;
  noticeAllowed: boolean;
  status: string;
}
interface VisitDetail extends CalendarEntry {
  checklist: { department: string; items: string[] }[];
  route: { visitIds: string[]; creditCodes: string[] };
}

describe('dispatch visits: calendar, combined checklist, results and ratings', () => {
  let h: DispatchHarness;
  let plan: DrawOutcome;
  let calendar: CalendarEntry[];

  beforeAll(async () => {
    h = await startDispatch();
    const city = cityEvents('dispatch-visits', 1000, 32, WINDOW);
    await publishCity(h, city);
    // Health inspections go unannounced in this city: visits carrying them are not notified in advance.
    const { body: health } = await h.http<Record<string, unknown>>('GET', '/api/plans/HEALTH');
    const { updatedAt: _u, updatedBy: _b, department: _d, ...healthPlan } = health;
    expect((await h.http('PUT', '/api/plans/HEALTH', { ...healthPlan, advanceNotice: false })).status).toBe(200);
    plan = (await h.http<DrawOutcome>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, seed: 'visits', backfill: true })).body;
    expect(plan).toMatchObject({ status: 'published', checker: { violations: 0 } });
    calendar = (await h.http<CalendarEntry[]>('GET', `/api/visits?from=${WINDOW.start}&to=${WINDOW.end}`)).body;
  });
  afterAll(() => h.close());

  it('lists the calendar by day and route, and filters by date, officer and district', async () => {
    expect(calendar.length).toBe(plan.visits);
    const keys = calendar.map((v) => `${v.date}|${v.regionCode}|${v.routeKey}|${String(v.routeOrder).padStart(4, '0')}`);
    expect(keys).toEqual([...keys].sort());
    // No visit on the Qingming holiday (2025-04-04) or a weekend; the make-up Sunday (2025-04-27) may be used.
    expect(calendar.some((v) => v.date === '2025-04-04' || ([0, 6].includes(new Date(v.date).getUTCDay()) && v.date !== '2025-04-27'))).toBe(false);
    const first = calendar[0];
    const onDay = (await h.http<CalendarEntry[]>('GET', `/api/visits?date=${first.date}`)).body;
    expect(onDay.every((v) => v.date === first.date)).toBe(true);
    const officer = first.officerIds[0];
    const mine = (await h.http<CalendarEntry[]>('GET', `/api/visits?officer=${officer}`)).body;
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((v) => v.officerIds.includes(officer))).toBe(true);
    const district = (await h.http<CalendarEntry[]>('GET', `/api/visits?region=${first.regionCode}`)).body;
    expect(district.every((v) => v.regionCode === first.regionCode)).toBe(true);
  });

  it("lists a department's part of the calendar: the visits it is on, joint ones too", async () => {
    const onIt = (v: CalendarEntry, d: string) => (v as unknown as { departments: string[] }).departments.includes(d);
    const department = (calendar.find((v) => (v as unknown as { departments: string[] }).departments.length >= 2) as unknown as { departments: string[] })
      .departments[1];
    const { status, body } = await h.http<CalendarEntry[]>('GET', `/api/visits?department=${department}`);
    expect(status).toBe(200);
    expect(body.map((v) => v.id)).toEqual(calendar.filter((v) => onIt(v, department)).map((v) => v.id));
    expect(body.length).toBeLessThan(calendar.length);
    expect((await h.http('GET', '/api/visits?department=samr;drop')).status).toBe(400);
    // And the visits carrying a task drawn for one reason: a plan's routes narrowed as its tasks are.
    const complaint = (await h.http<CalendarEntry[]>('GET', '/api/visits?reason=complaint')).body;
    const carries = calendar.filter((v) => (v as unknown as { reasons: string[] }).reasons.includes('complaint'));
    expect(carries.length).toBeGreaterThan(0);
    expect(complaint.map((v) => v.id)).toEqual(carries.map((v) => v.id));
    expect((await h.http('GET', '/api/visits?reason=luck')).status).toBe(400);
  });

  it("lists a plan's tasks with the visit carrying each, narrowed on the server by day, department, officer, district, reason and colour", async () => {
    interface Placed {
      id: string;
      department: string;
      reason: string;
      colour: string | null;
      visitId: string | null;
      date: string | null;
      regionCode: string | null;
      officerIds: string[];
    }
    const tasks = async (query: string) => {
      const { status, body } = await h.http<Placed[]>('GET', `/api/draws/${plan.id}/tasks${query}`);
      expect({ query, status }).toEqual({ query, status: 200 });
      return body.map((t) => t.id);
    };
    const all = (await h.http<Placed[]>('GET', `/api/draws/${plan.id}/tasks`)).body;
    expect(all).toHaveLength(plan.tasks);
    // Each task placed on the visit that carries it: that visit's day, district and team.
    const byId = new Map(calendar.map((v) => [v.id, v]));
    const placed = all.filter((t) => t.visitId !== null);
    expect(placed.length).toBeGreaterThan(all.length / 2);
    for (const t of placed)
      expect(t).toMatchObject({ date: byId.get(t.visitId!)!.date, regionCode: byId.get(t.visitId!)!.regionCode, officerIds: byId.get(t.visitId!)!.officerIds });
    const first = placed[0];
    const colour = all.find((t) => t.colour !== null)!.colour;
    const ids = (keep: (t: Placed) => boolean) => all.filter(keep).map((t) => t.id);
    const cases: [string, (t: Placed) => boolean][] = [
      [`?date=${first.date}`, (t) => t.date === first.date],
      [`?department=${first.department}`, (t) => t.department === first.department],
      [`?officer=${first.officerIds[0]}`, (t) => t.officerIds.includes(first.officerIds[0])],
      [`?region=${first.regionCode}`, (t) => t.regionCode === first.regionCode],
      ['?reason=exploration', (t) => t.reason === 'exploration'],
      [`?colour=${colour}`, (t) => t.colour === colour],
      [`?date=${first.date}&department=${first.department}`, (t) => t.date === first.date && t.department === first.department],
    ];
    for (const [query, keep] of cases) {
      const expected = ids(keep);
      expect({ query, narrows: expected.length > 0 && expected.length < all.length }).toEqual({ query, narrows: true });
      expect({ query, ids: await tasks(query) }).toEqual({ query, ids: expected });
    }
    for (const bad of ['?date=2025-02-30', '?colour=purple', '?region=44', '?department=samr', '?reason=luck', '?team=1'])
      expect({ bad, status: (await h.http('GET', `/api/draws/${plan.id}/tasks${bad}`)).status }).toEqual({ bad, status: 400 });
    // A plan's routes narrow by colour as its tasks do: a visit's tasks all carry its enterprise's colour at draw time.
    for (const visitId of new Set(placed.map((t) => t.visitId))) expect(new Set(placed.filter((t) => t.visitId === visitId).map((t) => t.colour)).size).toBe(1);
    for (const shade of ['red', 'yellow', 'green']) {
      const carrying = new Set(placed.filter((t) => t.colour === shade).map((t) => t.visitId));
      const { status, body } = await h.http<CalendarEntry[]>('GET', `/api/visits?draw=${plan.id}&colour=${shade}&limit=2000`);
      expect({ shade, status }).toEqual({ shade, status: 200 });
      expect({ shade, ids: body.map((v) => v.id) }).toEqual({ shade, ids: calendar.filter((v) => carrying.has(v.id)).map((v) => v.id) });
    }
    expect((await h.http<CalendarEntry[]>('GET', `/api/visits?colour=${colour}`)).body.length).toBeGreaterThan(0);
    expect((await h.http('GET', '/api/visits?colour=purple')).status).toBe(400);
    expect((await h.http('GET', '/api/draws/00000000-0000-4000-8000-000000000000/tasks')).status).toBe(404);
  });

  it("lists one enterprise's visits for the bureau, the unannounced ones too", async () => {
    // The enterprise's own list leaves an unannounced visit out; the officers' view of its file must not.
    const unannounced = calendar.find((v) => !v.noticeAllowed)!;
    const code = unannounced.creditCode;
    const { status, body } = await h.http<CalendarEntry[]>('GET', `/api/visits?creditCode=${code.toLowerCase()}`);
    expect(status).toBe(200);
    expect(body.map((v) => v.id).sort()).toEqual(
      calendar
        .filter((v) => v.creditCode === code)
        .map((v) => v.id)
        .sort(),
    );
    const told = (await h.http<{ visitId: string }[]>('GET', `/api/enterprises/${code}/visits`)).body;
    expect(told.some((n) => n.visitId === unannounced.id)).toBe(false);
    expect((await h.http('GET', '/api/visits?creditCode=not-a-code')).status).toBe(400);
  });

  it('gives each visit a number people can quote, and finds the visit by it however it is typed', async () => {
    // This city's only plan: its visits numbered from the year's first, in calendar order.
    expect(calendar.map((v) => v.visitNo)).toEqual(calendar.map((_, i) => `TP-2025-${String(i + 1).padStart(6, '0')}`));
    const visit = calendar[2];
    const typed = [visit.visitNo, visit.visitNo.toLowerCase(), ` ${visit.visitNo} `, 'ＴＰ－２０２５－０００００３'];
    for (const number of typed) {
      const { status, body } = await h.http<VisitDetail>('GET', `/api/visits/${encodeURIComponent(number)}`);
      expect({ number, status, id: body.id, visitNo: body.visitNo }).toEqual({ number, status: 200, id: visit.id, visitNo: 'TP-2025-000003' });
    }
    for (const unknown of ['TP-2025-999999', 'TP-25-000003', 'TP-2025-3']) expect((await h.http('GET', `/api/visits/${unknown}`)).status).toBe(404);
  });

  it('shows one combined checklist per visit, grouped by department', async () => {
    const joint = calendar.find((v) => (v as unknown as { departments: string[] }).departments.length >= 2)!;
    const { body } = await h.http<VisitDetail>('GET', `/api/visits/${joint.id}`);
    expect(body.checklist.length).toBeGreaterThanOrEqual(2);
    for (const part of body.checklist) expect(part.items.every((i) => i.startsWith(`${part.department}-`))).toBe(true);
    expect(body.route.visitIds[body.routeOrder]).toBe(joint.id);
    // The route's enterprises in visiting order, this one at its place: what the visit page draws.
    expect(body.route.creditCodes).toHaveLength(body.route.visitIds.length);
    expect(body.route.creditCodes[body.routeOrder]).toBe(joint.creditCode);
    expect(JSON.stringify(body)).not.toMatch(/name/i);
  });

  it("records every item's result once, publishes it for intake, then lets the enterprise rate the visit", async () => {
    const visit = calendar.find((v) => v.noticeAllowed)!;
    const { body: detail } = await h.http<VisitDetail>('GET', `/api/visits/${visit.id}`);
    const items = detail.checklist.flatMap((d) => d.items);
    const partial = await h.http('POST', `/api/visits/${visit.id}/results`, { items: [{ item: items[0], result: '未发现问题' }] });
    expect(items.length === 1 || partial.status === 400).toBe(true);
    const noViolation = await h.http<{ statusCode: number; message: string; problems: string[] }>('POST', `/api/visits/${visit.id}/results`, {
      items: items.map((item) => ({ item, result: '责令整改' })),
    });
    expect(noViolation.status).toBe(400);
    // The same error shape as every other refusal, with the item-by-item problems beside it.
    expect(noViolation.body).toMatchObject({ statusCode: 400, message: 'results do not match the checklist' });
    expect(noViolation.body.problems[0]).toMatch(/needs the violation found/);
    expect((await h.http('POST', `/api/visits/${visit.id}/rating`, { stars: 5 })).status).toBe(409);

    const results = items.map((item, i) => (i === 0 ? { item, result: 'rectify', violation: '消防通道堵塞' } : { item, result: '未发现问题' }));
    const recorded = await h.http<{ status: string; violationsFound: number }>('POST', `/api/visits/${visit.id}/results`, { items: results });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ status: 'done', violationsFound: 1 });
    expect((await h.http('POST', `/api/visits/${visit.id}/results`, { items: results })).status).toBe(409);

    const events = (await h.readStream(STREAMS.dispatch.name))
      .filter((m) => m.subject === DispatchSubjects.visitResultRecorded)
      .map((m) => m.data as VisitResultRecorded);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      visitId: visit.id,
      visitNo: visit.visitNo,
      creditCode: visit.creditCode,
      date: visit.date,
      officerIds: visit.officerIds,
    });
    expect(events[0].items[0]).toMatchObject({ item: items[0], result: '责令整改', violation: '消防通道堵塞' });
    expect(events[0].items[0].department).toBe(items[0].split('-')[0]);

    expect((await h.http('POST', `/api/visits/${visit.id}/rating`, { stars: 6 })).status).toBe(400);
    expect((await h.http('POST', `/api/visits/${visit.id}/rating`, { stars: 4, comment: '检查规范' })).status).toBe(201);
    expect((await h.http('POST', `/api/visits/${visit.id}/rating`, { stars: 4 })).status).toBe(409);
    type Notice = { visitId: string; visitNo: string; status: string; rating: { stars: number } | null; canRate: boolean; results: unknown[] | null };
    const notices = (await h.http<Notice[]>('GET', `/api/enterprises/${visit.creditCode}/visits`)).body;
    const done = notices.find((n) => n.visitId === visit.id)!;
    expect(done).toMatchObject({ visitNo: visit.visitNo, status: 'done', rating: { stars: 4 }, canRate: false });
    // The enterprise reads what each item found, so it knows what to put right; nothing of who found it.
    expect(done.results).toEqual(items.map((item, i) => (i === 0 ? { item, result: '责令整改', violation: '消防通道堵塞' } : { item, result: '未发现问题' })));
    expect(notices.filter((n) => n.status === 'scheduled').every((n) => n.results === null)).toBe(true);
  });

  it('tells an enterprise of a scheduled visit only where policy allows', async () => {
    const hidden = calendar.find((v) => !v.noticeAllowed && (v as unknown as { departments: string[] }).departments.includes('HEALTH'))!;
    const told = calendar.filter((v) => v.noticeAllowed)[1];
    expect(hidden).toBeDefined();
    expect((await h.http<{ visitId: string }[]>('GET', `/api/enterprises/${told.creditCode}/visits`)).body.map((n) => n.visitId)).toContain(told.id);
    expect((await h.http<{ visitId: string }[]>('GET', `/api/enterprises/${hidden.creditCode}/visits`)).body.map((n) => n.visitId)).not.toContain(hidden.id);
    const { body: cityPlan } = await h.http<Record<string, unknown>>('GET', '/api/plans/CITY');
    const { updatedAt: _u, updatedBy: _b, department: _d, ...rest } = cityPlan;
    expect((await h.http('PUT', '/api/plans/CITY', { ...rest, advanceNotice: false, checklist: ['SAMR-01'] })).status).toBe(400);
    expect((await h.http('PUT', '/api/plans/CITY', { ...rest, annualRatios: { red: 2, yellow: 0.2, green: 0.03 } })).status).toBe(400);
  });

  it("names every item of every visit's checklist, and lets the bureau rename one", async () => {
    const { body: names } = await h.http<{ item: string; zh: string; en: string | null }[]>('GET', '/api/checklist-items');
    const named = new Set(names.map((n) => n.item));
    // The default plans' items all have names, so every checklist drawn from them reads in words.
    for (const v of calendar.slice(0, 50)) {
      const { body: visit } = await h.http<{ checklist: { items: string[] }[] }>('GET', `/api/visits/${v.id}`);
      for (const item of visit.checklist.flatMap((g) => g.items)) expect(named.has(item)).toBe(true);
    }
    expect(names.every((n) => n.zh.length > 0 && (n.en ?? '').length > 0)).toBe(true);
    const renamed = await h.http<{ item: string; zh: string; en: string | null }>('PUT', '/api/checklist-items/fire-09', { zh: '  电动自行车停放充电  ' });
    expect(renamed).toMatchObject({ status: 200, body: { item: 'FIRE-09', zh: '电动自行车停放充电', en: null } });
    expect((await h.http('PUT', '/api/checklist-items/FIRE-9', { zh: '格式不对' })).status).toBe(400);
    expect((await h.http('PUT', '/api/checklist-items/FIRE-10', { zh: '' })).status).toBe(400);
    expect((await h.http('PUT', '/api/checklist-items/FIRE-10', { zh: '   ' })).status).toBe(400);
  });

  it('refuses malformed requests at the edge', async () => {
    expect((await h.http('POST', '/api/draws', { from: '2025-04-31', to: '2025-05-10' })).status).toBe(400);
    expect((await h.http('POST', '/api/draws', { from: '2025-13-01', to: '2026-01-10' })).status).toBe(400);
    expect((await h.http('POST', '/api/draws', { from: '2025-05-10', to: '2025-05-01' })).status).toBe(400);
    expect((await h.http('POST', '/api/draws', { from: '2025-05-01', to: '2025-05-10', extra: 1 })).status).toBe(400);
    // A mistyped year is refused, not published as a plan centuries ahead.
    const farAhead = await h.http<{ message: string }>('POST', '/api/draws', { from: '9999-12-30', to: '9999-12-31' });
    expect({ status: farAhead.status, message: farAhead.body.message }).toEqual({ status: 400, message: expect.stringContaining('more than a year ahead') });
    expect((await h.http('GET', '/api/draws/not-a-draw')).status).toBe(404);
    expect((await h.http('GET', '/api/visits?draw=not-a-draw')).status).toBe(400);
    for (const code of ['91440604MA4UJ8K20', '91440604MA4UJ8K20C0']) {
      const refused = await h.http<{ message: string[] }>('GET', `/api/enterprises/${code}/visits`);
      expect({ code, status: refused.status, message: refused.body.message }).toEqual({
        code,
        status: 400,
        message: ['creditCode is an 18-character unified social credit code'],
      });
    }
    const swapped = await h.http<{ message: string }>('GET', '/api/visits?from=2025-05-10&to=2025-05-01');
    expect({ status: swapped.status, message: swapped.body.message }).toEqual({ status: 400, message: 'from must not be after to' });
    expect((await h.http('POST', `/api/visits/${calendar[1].id}/results`, { items: [{ item: 'SAMR-01', result: 'maybe' }] })).status).toBe(400);
  });

  it("records a visit's results, and the enterprise's rating, by the number people quote", async () => {
    const visit = calendar[calendar.length - 1];
    const number = visit.visitNo.toLowerCase();
    const { body: detail } = await h.http<VisitDetail>('GET', `/api/visits/${number}`);
    const items = detail.checklist.flatMap((d) => d.items).map((item) => ({ item, result: '未发现问题' }));
    const recorded = await h.http<{ visitId: string; visitNo: string; status: string }>('POST', `/api/visits/${number}/results`, { items });
    expect(recorded).toMatchObject({ status: 201, body: { visitId: visit.id, visitNo: visit.visitNo, status: 'done' } });
    const rated = await h.http<{ visitId: string }>('POST', `/api/visits/${number}/rating`, { stars: 5 });
    expect(rated).toMatchObject({ status: 201, body: { visitId: visit.id } });
    const events = (await h.readStream(STREAMS.dispatch.name))
      .filter((m) => m.subject === DispatchSubjects.visitResultRecorded)
      .map((m) => m.data as VisitResultRecorded);
    expect(events.find((e) => e.visitId === visit.id)).toMatchObject({ visitNo: visit.visitNo });
  });
});
