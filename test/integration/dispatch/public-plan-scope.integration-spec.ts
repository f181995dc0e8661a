import { StorePublicPlanScope1766400000000 } from '../../../apps/dispatch/src/database/migrations/1766400000000-StorePublicPlanScope';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import type { PublicPlan } from '../../../apps/dispatch/src/public/public-disclosure.repository';
import { cityEvents, publishCity } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';

const WINDOW = { start: '2025-06-02', end: '2025-06-27' };

/** A plan's scope as the public list counted it from the plan's tasks and visits on every request, before it was stored: the specification. */
const COUNTED = `(SELECT count(DISTINCT t->>'creditCode')::int FROM jsonb_array_elements(d.tasks) t) AS enterprises,
  jsonb_array_length(d.tasks) AS checks,
  (SELECT count(*)::int FROM dispatch.visits v WHERE v.draw_id = d.id) AS visits,
  coalesce((
    SELECT jsonb_agg(jsonb_build_object('department', p.department, 'enterprises', p.enterprises, 'items', p.items) ORDER BY p.department)
      FROM (SELECT t->>'department' AS department, count(DISTINCT t->>'creditCode')::int AS enterprises,
                   to_jsonb(array_remove(array_agg(DISTINCT i ORDER BY i), NULL)) AS items
              FROM jsonb_array_elements(d.tasks) t LEFT JOIN LATERAL jsonb_array_elements_text(t->'items') i ON true
             GROUP BY t->>'department') p
  ), '[]'::jsonb) AS departments`;
const STORED = `(d.public_scope->>'enterprises')::int AS enterprises, (d.public_scope->>'checks')::int AS checks,
  (d.public_scope->>'visits')::int AS visits, d.public_scope->'departments' AS departments`;

/** The public list of plans (抽查计划公示) reads each plan's scope as stored when it was drawn, and says the same as when it counted it. */
describe('dispatch stores the public scope of each plan when it is drawn', () => {
  let h: DispatchHarness;
  let first: DrawOutcome;
  let cut: string;

  const draw = async (from: string, seed: string) => {
    const res = await h.http<DrawOutcome>('POST', '/api/draws', { from, to: WINDOW.end, seed, backfill: true });
    expect(res.body).toMatchObject({ status: 'published' });
    return res.body;
  };
  const scopes = (columns: string) => h.dataSource.query(`SELECT d.seed, d.status, ${columns} FROM dispatch.draws d ORDER BY d.seed`);
  /** The list exactly as the endpoint answered before the scope was stored. */
  const listAsCounted = async (): Promise<PublicPlan[]> =>
    JSON.parse(
      JSON.stringify(
        await h.dataSource.query(
          `SELECT d.window_from::text AS "from", d.window_to::text AS "to", d.cut_from::text AS "cutFrom", d.created_at AS "publishedAt", d.seed,
                  d.inputs_fingerprint AS "inputsFingerprint", d.result_fingerprint AS "resultFingerprint", ${COUNTED}
             FROM dispatch.draws d WHERE d.status = 'published' ORDER BY d.window_from DESC, d.created_at DESC LIMIT 20`,
        ),
      ),
    );
  const listed = async () => {
    const { status, body } = await h.http<PublicPlan[]>('GET', '/api/public/inspection-plans');
    expect(status).toBe(200);
    return body;
  };

  beforeAll(async () => {
    h = await startDispatch();
    await publishCity(h, cityEvents('dispatch-plan-scope', 600, 24, WINDOW));
    first = await draw(WINDOW.start, 'scope-first');
    // A newer plan cuts the first on its last day of visits, after one was done: done and cancelled visits alike stay in its count.
    const visits: { id: string; date: string }[] = await h.dataSource.query(
      `SELECT id, date::text AS date FROM dispatch.visits WHERE draw_id = $1 ORDER BY date, id`,
      [first.id],
    );
    const [visit] = visits;
    cut = visits[visits.length - 1].date;
    expect(visit.date < cut).toBe(true);
    const { body } = await h.http<{ checklist: { items: string[] }[] }>('GET', `/api/visits/${visit.id}`);
    const items = body.checklist.flatMap((c) => c.items).map((item) => ({ item, result: '未发现问题' }));
    expect((await h.http('POST', `/api/visits/${visit.id}/results`, { items })).status).toBe(201);
    await draw(cut, 'scope-second');
    // A third plan from the same day replaces the second whole.
    await draw(cut, 'scope-third');
  });
  afterAll(() => h.close());

  it('stores for every draw the scope counted from its tasks and visits, whether it was cut, superseded or runs whole', async () => {
    const stored = await scopes(STORED);
    expect(stored.map((s: { seed: string; status: string }) => [s.seed, s.status])).toEqual([
      ['scope-first', 'published'],
      ['scope-second', 'superseded'],
      ['scope-third', 'published'],
    ]);
    expect(stored).toEqual(await scopes(COUNTED));
    const [firstVisits] = await h.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled, count(*) FILTER (WHERE status = 'done')::int AS done FROM dispatch.visits WHERE draw_id = $1`,
      [first.id],
    );
    expect(firstVisits.cancelled).toBeGreaterThan(0);
    expect(firstVisits.done).toBe(1);
    expect(stored[0].visits).toBe(first.visits);
  });

  it('lists the plans exactly as when it counted their scope on every request', async () => {
    const plans = await listed();
    expect(plans.map((p) => [p.seed, p.cutFrom])).toEqual([
      ['scope-third', null],
      ['scope-first', cut],
    ]);
    expect(JSON.stringify(plans)).toBe(JSON.stringify(await listAsCounted()));
  });

  it('fills in the scope of plans drawn before the migration, and takes it away again when reverted', async () => {
    const before = JSON.stringify(await listed());
    const migration = new StorePublicPlanScope1766400000000();
    const runner = h.dataSource.createQueryRunner();
    try {
      await migration.down(runner);
      const column = `SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'dispatch' AND table_name = 'draws' AND column_name = 'public_scope'`;
      expect(await h.dataSource.query(column)).toEqual([]);
      await migration.up(runner);
      expect(await h.dataSource.query(column)).toEqual([{ is_nullable: 'NO' }]);
    } finally {
      await runner.release();
    }
    expect(await scopes(STORED)).toEqual(await scopes(COUNTED));
    expect(JSON.stringify(await listed())).toBe(before);
  });
});
