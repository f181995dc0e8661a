import { IntakeSubjects, ScoringSubjects } from '@tianping/contracts';
import { NumberVisits1766560000000 } from '../../../apps/dispatch/src/database/migrations/1766560000000-NumberVisits';
import type { PlanningInputs } from '../../../apps/dispatch/src/draw/planning.util';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { batches, cityEvents, scoreBatches, type CityEvents } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';

const MARCH = { start: '2025-03-01', end: '2025-03-31' };
const APRIL = { start: '2025-04-01', end: '2025-04-30' };

/**
 * Visits dispatch itself has planned count as inspections when the next window is drawn: a plan for
 * April is made while March's visits are still scheduled, before any of them is a case in intake.
 */
describe("dispatch counts its own planned visits for the next window's caps and recusal", () => {
  let h: DispatchHarness;
  let city: CityEvents;
  let april: DrawOutcome;
  let marchAgain: DrawOutcome;

  beforeAll(async () => {
    h = await startDispatch();
    city = cityEvents('prior-visits-it', 600, 40, MARCH);
    for (const b of batches(city.subjects)) await h.publish(IntakeSubjects.subjectsUpserted, b);
    for (const b of batches(city.officers)) await h.publish(IntakeSubjects.officersUpserted, b);
    for (const b of scoreBatches(city.scores)) await h.publish(ScoringSubjects.scoresComputed, b);
    await h.settle((c) => c.enterprises === city.subjects.length && c.officers === city.officers.length && c.scores === city.scores.length);
  });
  afterAll(() => h.close());

  const draw = async (window: { start: string; end: string }, seed: string) => {
    const res = await h.http<DrawOutcome>('POST', '/api/draws', { from: window.start, to: window.end, backfill: true, seed });
    expect(res.status).toBe(201);
    return res.body;
  };
  const priorsOf = async (id: string) => (await h.http<{ inputs: PlanningInputs }>('GET', `/api/draws/${id}/inputs`)).body.inputs.priorInspections;

  it("gives April's draw one inspection per department of each visit March's plan holds, with its team, and not March's re-draw", async () => {
    const march = await draw(MARCH, 'march');
    expect(march.status).toBe('published');
    const visits: { creditCode: string; date: string; departments: string[]; officerIds: string[] }[] = await h.dataSource.query(
      `SELECT v.credit_code AS "creditCode", v.date::text AS date, v.departments,
              ARRAY(SELECT vo.officer_id FROM dispatch.visit_officers vo WHERE vo.visit_id = v.id ORDER BY vo.officer_id) AS "officerIds"
         FROM dispatch.visits v WHERE v.draw_id = $1`,
      [march.id],
    );
    expect(visits.length).toBeGreaterThan(5);
    const expected = visits.flatMap((v) =>
      v.departments.map((department) => ({ creditCode: v.creditCode, department, date: v.date, officerIds: v.officerIds })),
    );
    const key = (p: { creditCode: string; department: string; date: string; officerIds: string[] }) =>
      `${p.creditCode}|${p.department}|${p.date}|${p.officerIds.join(';')}`;

    april = await draw(APRIL, 'april');
    expect(april.checker.violations).toBe(0);
    expect((await priorsOf(april.id)).map(key).sort()).toEqual(expected.map(key).sort());

    // A re-draw of March replaces March's plan: its scheduled visits are not inspections that happened.
    const redraw = await draw(MARCH, 'march-again');
    expect(redraw.supersededDrawIds).toEqual([march.id]);
    expect(await priorsOf(redraw.id)).toEqual([]);
    marchAgain = redraw;
  });

  it('cuts a plan begun before a new window at its start, keeping its visits before it, and replaces whole one that begins inside', async () => {
    const visitsOf = (id: string): Promise<{ date: string; status: string; creditCode: string; departments: string[] }[]> =>
      h.dataSource.query(`SELECT date::text AS date, status, credit_code AS "creditCode", departments FROM dispatch.visits WHERE draw_id = $1`, [id]);
    // The new window starts on a day of the March plan that has visits before it and after.
    const days = [...new Set((await visitsOf(marchAgain.id)).map((v) => v.date))].sort();
    expect(days.length).toBeGreaterThan(1);
    const MID = { start: days[Math.ceil(days.length / 2)], end: '2025-04-15' };
    const before = (await visitsOf(marchAgain.id)).filter((v) => v.date < MID.start);
    expect(before.length).toBeGreaterThan(0);

    const mid = await draw(MID, 'mid-march');
    expect(mid.checker.violations).toBe(0);
    expect(mid.supersededDrawIds).toEqual([april.id]);
    const [cut] = await h.dataSource.query(`SELECT status, cut_from::text AS "cutFrom" FROM dispatch.draws WHERE id = $1`, [marchAgain.id]);
    expect(cut).toEqual({ status: 'published', cutFrom: MID.start });
    // The days before the cut go ahead as planned; from it on, the new plan's visits take their place.
    const after = await visitsOf(marchAgain.id);
    expect(after.filter((v) => v.date < MID.start).every((v) => v.status === 'scheduled')).toBe(true);
    expect(after.filter((v) => v.date >= MID.start).every((v) => v.status === 'cancelled')).toBe(true);
    expect((await visitsOf(april.id)).every((v) => v.status === 'cancelled')).toBe(true);
    // …and the kept visits are inspections the new window's caps and recusal must count.
    const counted = new Set((await priorsOf(mid.id)).map((p) => `${p.creditCode}|${p.department}|${p.date}`));
    for (const v of before) for (const d of v.departments) expect(counted).toContain(`${v.creditCode}|${d}|${v.date}`);
    expect([...counted].some((k) => k.split('|')[2] >= MID.start)).toBe(false);
    const { body: listed } = await h.http<{ id: string; cutFrom: string | null }[]>('GET', '/api/draws');
    expect(listed.find((d) => d.id === marchAgain.id)?.cutFrom).toBe(MID.start);
  });

  it('numbers every visit within its year as plans are published, and the migration numbers visits planned before it the same way', async () => {
    const numbered = (): Promise<{ visitNo: string; status: string }[]> =>
      h.dataSource.query(
        `SELECT v.visit_no AS "visitNo", v.status FROM dispatch.visits v JOIN dispatch.draws d ON d.id = v.draw_id
          ORDER BY d.created_at, v.date, v.region_code, v.route_key, v.route_order`,
      );
    const before = await numbered();
    // Four plans, superseded and cut ones among them: one count through all their visits, in publishing then visiting order.
    expect(before.length).toBeGreaterThan(20);
    expect(before.map((v) => v.visitNo)).toEqual(before.map((_, i) => `TP-2025-${String(i + 1).padStart(6, '0')}`));
    expect(new Set(before.map((v) => v.status))).toEqual(new Set(['scheduled', 'cancelled']));

    const runner = h.dataSource.createQueryRunner();
    try {
      await new NumberVisits1766560000000().down(runner);
      await new NumberVisits1766560000000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await numbered()).toEqual(before);
    // The next plan goes on from the year's last number.
    const next = await draw({ start: '2025-05-01', end: '2025-05-31' }, 'may');
    const [{ first }] = await h.dataSource.query(`SELECT min(visit_no) AS first FROM dispatch.visits WHERE draw_id = $1`, [next.id]);
    expect(first).toBe(`TP-2025-${String(before.length + 1).padStart(6, '0')}`);
    // A plan across the new year numbers each visit within its own year.
    const [{ total }] = await h.dataSource.query(`SELECT count(*)::int AS total FROM dispatch.visits`);
    const yearEnd = await draw({ start: '2025-12-31', end: '2026-01-16' }, 'year-end');
    const spans: { year: string; first: string; last: string; n: number }[] = await h.dataSource.query(
      `SELECT extract(year FROM date)::text AS year, min(visit_no) AS first, max(visit_no) AS last, count(*)::int AS n
         FROM dispatch.visits WHERE draw_id = $1 GROUP BY 1 ORDER BY 1`,
      [yearEnd.id],
    );
    expect(spans.map((s) => s.year)).toEqual(['2025', '2026']);
    const [late, early] = spans;
    expect(late.first).toBe(`TP-2025-${String(total + 1).padStart(6, '0')}`);
    expect(late.last).toBe(`TP-2025-${String(total + late.n).padStart(6, '0')}`);
    expect([early.first, early.last]).toEqual(['TP-2026-000001', `TP-2026-${String(early.n).padStart(6, '0')}`]);
  });
});
