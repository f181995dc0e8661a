import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import type { PublicPlan, PublicResult } from '../../../apps/dispatch/src/public/public-disclosure.repository';
import { cityEvents, publishCity } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';

const WINDOW = { start: '2025-05-05', end: '2025-05-30' };

interface Visit {
  id: string;
  visitNo: string;
  date: string;
  creditCode: string;
  departments: string[];
  checklist: { department: string; items: string[] }[];
}
interface Task {
  creditCode: string;
  department: string;
  items: string[];
}
type Results = { results: PublicResult[]; next: string | null };

/** 双随机、一公开: what anyone may read of the random inspections, and what stays inside the bureau. */
describe('dispatch public disclosure: plans by their scope, results once recorded', () => {
  let h: DispatchHarness;
  let plan: DrawOutcome;
  let visits: Visit[];
  const recorded: Visit[] = [];

  beforeAll(async () => {
    h = await startDispatch();
    const city = cityEvents('dispatch-public', 600, 24, WINDOW);
    await publishCity(h, city);
    plan = (await h.http<DrawOutcome>('POST', '/api/draws', { from: WINDOW.start, to: WINDOW.end, seed: 'public', backfill: true })).body;
    expect(plan).toMatchObject({ status: 'published' });
    visits = (await h.http<Visit[]>('GET', `/api/visits?draw=${plan.id}&limit=2000`)).body;
    // Three visits done, the first with a violation in the officer's own words; the rest still scheduled.
    for (const [n, visit] of visits.slice(0, 3).entries()) {
      const items = (await h.http<Visit>('GET', `/api/visits/${visit.id}`)).body.checklist.flatMap((c) => c.items);
      const results = items.map((item, i) =>
        n === 0 && i === 0 ? { item, result: '责令整改', violation: '张三的身份证 440604198703150018 未登记' } : { item, result: '未发现问题' },
      );
      expect((await h.http('POST', `/api/visits/${visit.id}/results`, { items: results })).status).toBe(201);
      recorded.push(visit);
    }
  });
  afterAll(() => h.close());

  it("publishes a plan's scope, department by department, and not which enterprises were drawn", async () => {
    const { status, body } = await h.http<PublicPlan[]>('GET', '/api/public/inspection-plans');
    expect(status).toBe(200);
    const published = body.find((p) => p.seed === 'public')!;
    const tasks = (await h.http<{ tasks: Task[] }>('GET', `/api/draws/${plan.id}`)).body.tasks;
    const codes = (list: Task[]) => new Set(list.map((t) => t.creditCode)).size;
    expect(published).toMatchObject({ from: WINDOW.start, to: WINDOW.end, checks: tasks.length, enterprises: codes(tasks), visits: visits.length });
    const departments = [...new Set(tasks.map((t) => t.department))].sort();
    expect(published.departments.map((d) => d.department)).toEqual(departments);
    for (const d of published.departments) {
      const own = tasks.filter((t) => t.department === d.department);
      expect(d.enterprises).toBe(codes(own));
      expect(d.items).toEqual([...new Set(own.flatMap((t) => t.items))].sort());
    }
    expect(JSON.stringify(body)).not.toContain(tasks[0].creditCode);
  });

  it('publishes each recorded visit with the result of every item, and nothing that stays inside the bureau', async () => {
    const { status, body } = await h.http<Results>('GET', '/api/public/inspection-results?limit=500');
    expect(status).toBe(200);
    const ours = body.results.filter((r) => visits.some((v) => v.creditCode === r.creditCode && v.date === r.date));
    expect(ours.map((r) => r.creditCode).sort()).toEqual(recorded.map((v) => v.creditCode).sort());
    // Each under the number the visit is known by, so a reader can quote it.
    expect(ours.map((r) => `${r.creditCode} ${r.visitNo}`).sort()).toEqual(recorded.map((v) => `${v.creditCode} ${v.visitNo}`).sort());
    for (const result of ours) {
      expect(Object.keys(result).sort()).toEqual(['creditCode', 'date', 'departments', 'items', 'visitNo']);
      for (const item of result.items) expect(Object.keys(item).sort()).toEqual(['department', 'item', 'result']);
    }
    expect(ours.flatMap((r) => r.items).filter((i) => i.result === '责令整改')).toHaveLength(1);
    // Not the officer's words (which may name a person), not who went, not why the enterprise was drawn.
    const text = JSON.stringify(body);
    for (const hidden of ['440604198703150018', '张三', 'officerIds', 'reasons', 'colour', 'clueIds', 'violation']) expect(text).not.toContain(hidden);
    // Newest first.
    const dates = body.results.map((r) => r.date);
    expect(dates).toEqual([...dates].sort().reverse());
  });

  it('pages through the results, and filters them by date, department and enterprise', async () => {
    const first = (await h.http<Results>('GET', '/api/public/inspection-results?limit=2')).body;
    expect(first.results).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = (await h.http<Results>('GET', `/api/public/inspection-results?limit=2&after=${first.next}`)).body;
    const all = (await h.http<Results>('GET', '/api/public/inspection-results?limit=500')).body.results;
    expect([...first.results, ...second.results]).toEqual(all.slice(0, first.results.length + second.results.length));

    const day = recorded[0].date;
    const onDay = (await h.http<Results>('GET', `/api/public/inspection-results?from=${day}&to=${day}`)).body.results;
    expect(onDay.length).toBeGreaterThan(0);
    expect(onDay.every((r) => r.date === day)).toBe(true);
    const department = recorded[0].departments[0];
    const its = (await h.http<Results>('GET', `/api/public/inspection-results?department=${department}`)).body.results;
    expect(its.length).toBeGreaterThan(0);
    expect(its.every((r) => r.departments.includes(department))).toBe(true);

    // One enterprise's inspections, its code typed in lower case and with a space as people do.
    const one = recorded[1].creditCode;
    const typed = encodeURIComponent(` ${one.toLowerCase()}`);
    const theirs = (await h.http<Results>('GET', `/api/public/inspection-results?creditCode=${typed}`)).body.results;
    expect(theirs.map((r) => r.creditCode)).toEqual([one]);
    expect((await h.http('GET', '/api/public/inspection-results?creditCode=9144')).status).toBe(400);
    // A few enterprises' (those a name matched on the public page), comma-separated; up to 20.
    const two = [recorded[0].creditCode, one].sort();
    const both = (await h.http<Results>('GET', `/api/public/inspection-results?creditCode=${two[0]},${two[1].toLowerCase()}`)).body.results;
    expect([...new Set(both.map((r) => r.creditCode))].sort()).toEqual([...new Set(two)]);
    expect((await h.http('GET', `/api/public/inspection-results?creditCode=${Array.from({ length: 21 }, () => one).join(',')}`)).status).toBe(400);

    expect((await h.http('GET', '/api/public/inspection-results?from=2025-06-01&to=2025-05-01')).status).toBe(400);
    expect((await h.http('GET', '/api/public/inspection-results?after=yesterday')).status).toBe(400);
    expect((await h.http('GET', '/api/public/inspection-results?department=samr;drop')).status).toBe(400);
  });

  it('keeps the results of plans newer ones took over, and says from which day one was cut', async () => {
    const cut = '2025-05-19';
    const newer = (await h.http<DrawOutcome>('POST', '/api/draws', { from: cut, to: WINDOW.end, seed: 'public-newer', backfill: true })).body;
    expect(newer).toMatchObject({ status: 'published' });
    const plans = (await h.http<PublicPlan[]>('GET', '/api/public/inspection-plans')).body;
    expect(plans.map((p) => [p.seed, p.from, p.cutFrom])).toEqual([
      ['public-newer', cut, null],
      ['public', WINDOW.start, cut],
    ]);
    const codes = async () => (await h.http<Results>('GET', '/api/public/inspection-results?limit=500')).body.results.map((r) => r.creditCode).sort();
    expect(await codes()).toEqual(recorded.map((v) => v.creditCode).sort());
    // A plan for days that cover both replaces them whole: they leave the list of plans, the visits made stay public.
    const newest = (await h.http<DrawOutcome>('POST', '/api/draws', { from: '2025-05-01', to: WINDOW.end, seed: 'public-newest', backfill: true })).body;
    expect(newest.supersededDrawIds.sort()).toEqual([plan.id, newer.id].sort());
    expect((await h.http<PublicPlan[]>('GET', '/api/public/inspection-plans')).body.map((p) => p.seed)).toEqual(['public-newest']);
    expect(await codes()).toEqual(recorded.map((v) => v.creditCode).sort());
  });
});
