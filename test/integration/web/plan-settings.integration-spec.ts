import { BODIES } from '../../../apps/web/src/docs/openapi-bodies';
import { startDispatch, type DispatchHarness } from '../dispatch/dispatch-app.harness';
import { createRoleAccounts, signIn, startWeb, type WebHarness } from './web-app.harness';

type Json = Record<string, unknown>;
type Caller = 'dispatcher' | 'officer' | 'overseer' | 'admin' | 'ent' | null;
interface Plan {
  department: string;
  annualRatios: { red: number; yellow: number; green: number };
  checklist: string[];
  advanceNotice: boolean;
  updatedBy: string | null;
  updatedAt: string;
  [key: string]: unknown;
}

/**
 * A bureau's dispatcher changes a department plan and the working-day calendar through the real web
 * gateway, in front of the real dispatch service on PostgreSQL and NATS: the plan keeps who changed it
 * (the signed-in account, whatever the page sent), other roles are refused, and a bad body is refused
 * naming the field.
 */
describe('a dispatcher changes department plans and the working-day calendar', () => {
  let dispatch: DispatchHarness;
  let web: WebHarness;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    dispatch = await startDispatch();
    process.env.PORT_DISPATCH = new URL(dispatch.baseUrl).port;
    web = await startWeb();
    await createRoleAccounts(web.app);
    for (const username of ['dispatcher', 'officer', 'overseer', 'admin', 'ent']) cookies[username] = await signIn(web.baseUrl, username);
  }, 60_000);

  afterAll(async () => {
    await web?.close();
    await dispatch?.close();
    delete process.env.PORT_DISPATCH;
  });

  async function call<T = Json>(method: string, path: string, caller: Caller, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller) headers.cookie = cookies[caller];
    const response = await fetch(`${web.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  }
  const plan = async (department: string) => (await call<Plan[]>('GET', '/api/plans', 'officer')).body.find((p) => p.department === department)!;
  /** The plan as the page sends it back: every field, with the changes. */
  const edited = (p: Plan, changes: Json) => {
    const { department: _d, updatedAt: _a, updatedBy: _b, ...body } = p;
    return { ...body, ...changes };
  };

  it('lets the dispatcher change a ratio, the checklist and advance notice, and records who did it and when', async () => {
    const before = await plan('SAMR');
    expect(before.updatedBy).toBeNull();
    const checklist = before.checklist.slice(0, 1);
    const put = await call<Plan>('PUT', '/api/plans/samr', 'dispatcher', {
      ...edited(before, { annualRatios: { ...before.annualRatios, green: 0.07 }, checklist, advanceNotice: !before.advanceNotice }),
      actor: 'someone-else',
    });
    expect(put.status).toBe(200);
    const after = await plan('SAMR');
    expect(after).toMatchObject({
      annualRatios: { ...before.annualRatios, green: 0.07 },
      checklist,
      advanceNotice: !before.advanceNotice,
      updatedBy: 'dispatcher',
    });
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    const [row] = await dispatch.dataSource.query(`SELECT updated_by FROM dispatch.department_plans WHERE department = 'SAMR'`);
    expect(row.updated_by).toBe('dispatcher');
  });

  it('refuses every other role, and anyone without a session, leaving the plan as it was', async () => {
    const before = await plan('SAMR');
    const body = edited(before, { annualRatios: { red: 0, yellow: 0, green: 0 } });
    for (const caller of ['officer', 'overseer', 'admin', 'ent'] as const) expect((await call('PUT', '/api/plans/SAMR', caller, body)).status).toBe(403);
    expect((await call('PUT', '/api/plans/SAMR', null, body)).status).toBe(401);
    expect(await plan('SAMR')).toEqual(before);
  });

  it("refuses a ratio above one, an empty checklist and another department's item, naming the field", async () => {
    const before = await plan('SAMR');
    const tooHigh = await call<{ message: string[] }>(
      'PUT',
      '/api/plans/SAMR',
      'dispatcher',
      edited(before, { annualRatios: { ...before.annualRatios, red: 1.5 } }),
    );
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.message.join(' ')).toMatch(/^annualRatios\.red /);
    const empty = await call<{ message: string[] }>('PUT', '/api/plans/SAMR', 'dispatcher', edited(before, { checklist: [] }));
    expect(empty.status).toBe(400);
    expect(empty.body.message.join(' ')).toMatch(/^checklist /);
    const foreign = await call<{ message: string }>('PUT', '/api/plans/SAMR', 'dispatcher', edited(before, { checklist: ['FIRE-01'] }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toMatch(/checklist items must belong to SAMR: FIRE-01/);
    expect(await plan('SAMR')).toEqual(before);
  });

  it('takes the bodies the API docs show as examples', async () => {
    expect((await call('PUT', '/api/plans/SAMR', 'dispatcher', BODIES['PUT /api/plans/:department'].example)).status).toBe(200);
    expect(await plan('SAMR')).toMatchObject({ ...(BODIES['PUT /api/plans/:department'].example as Json), updatedBy: 'dispatcher' });
    expect((await call('PUT', '/api/calendar/2026-02-17', 'dispatcher', BODIES['PUT /api/calendar/:date'].example)).status).toBe(200);
    expect((await call('DELETE', '/api/calendar/2026-02-17', 'dispatcher')).status).toBe(200);
  });

  it('lets the dispatcher add and remove a holiday, and no one else', async () => {
    const day = '2026-10-09';
    const year = () => call<{ date: string; kind: string; name: string | null }[]>('GET', '/api/calendar?year=2026', 'officer');
    for (const caller of ['officer', 'overseer', 'admin', 'ent'] as const) {
      expect((await call('PUT', `/api/calendar/${day}`, caller, { kind: 'holiday' })).status).toBe(403);
      expect((await call('DELETE', `/api/calendar/${day}`, caller)).status).toBe(403);
    }
    const bad = await call<{ message: string[] }>('PUT', `/api/calendar/${day}`, 'dispatcher', { kind: 'day-off' });
    expect(bad.status).toBe(400);
    expect(bad.body.message.join(' ')).toMatch(/^kind /);
    expect((await year()).body.find((d) => d.date === day)).toBeUndefined();

    expect((await call('PUT', `/api/calendar/${day}`, 'dispatcher', { kind: 'holiday', name: '国庆节调整' })).status).toBe(200);
    expect((await year()).body.find((d) => d.date === day)).toEqual({ date: day, kind: 'holiday', name: '国庆节调整' });
    expect((await call('DELETE', `/api/calendar/${day}`, 'dispatcher')).status).toBe(200);
    expect((await year()).body.find((d) => d.date === day)).toBeUndefined();
    expect((await call('DELETE', `/api/calendar/${day}`, 'dispatcher')).status).toBe(404);
  });
});
