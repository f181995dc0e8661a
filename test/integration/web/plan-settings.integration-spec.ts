import { DispatchSubjects, type DispatchSettingChanged } from '@tianping/contracts';
import { BODIES } from '../../../apps/web/src/docs/openapi-bodies';
import type { DispatchHarness } from '../dispatch/dispatch-app.harness';
import { eventually, getJson, type OversightHarness } from '../oversight/oversight-app.harness';
import { gatewayCaller, startBureauSuite, type BureauSuite, type GatewayCall } from './bureau-suite.harness';
import type { WebHarness } from './web-app.harness';

type Json = Record<string, unknown>;
interface Plan {
  department: string;
  annualRatios: { red: number; yellow: number; green: number };
  checklist: string[];
  advanceNotice: boolean;
  updatedBy: string | null;
  updatedAt: string;
  version: number;
  [key: string]: unknown;
}
interface CalendarDay {
  date: string;
  kind: string;
  name: string | null;
  updatedBy: string | null;
  updatedAt: string | null;
}
interface Stale {
  message: string;
  version: number;
  updatedBy: string | null;
  updatedAt: string;
}

/**
 * A bureau's dispatcher changes a department plan and the working-day calendar through the real web
 * gateway, in front of the real dispatch service on PostgreSQL and NATS: the plan keeps who changed it
 * (the signed-in account, whatever the page sent), other roles are refused, and a bad body is refused
 * naming the field. Oversight, on the same NATS, records every change; a save over a newer version is refused.
 */
describe('a dispatcher changes department plans and the working-day calendar', () => {
  let suite: BureauSuite;
  let dispatch: DispatchHarness;
  let oversight: OversightHarness;
  let web: WebHarness;
  let call: GatewayCall;

  beforeAll(async () => {
    suite = await startBureauSuite();
    ({ dispatch, oversight, web } = suite);
    call = await gatewayCaller(web.baseUrl, ['dispatcher', 'officer', 'overseer', 'admin', 'ent']);
  }, 60_000);

  afterAll(async () => suite?.close());

  const plan = async (department: string) => (await call<Plan[]>('GET', '/api/plans', 'officer')).body.find((p) => p.department === department)!;
  /** Oversight's record of a setting (`plan:SAMR`), once dispatch's event has reached it. */
  async function recorded(subjectRef: string, count = 1): Promise<DispatchSettingChanged[]> {
    const url = `${oversight.baseUrl}/api/audit/entries?kind=dispatch-setting&subjectRef=${encodeURIComponent(subjectRef)}`;
    const entries = async () => (await getJson<{ body: { data: DispatchSettingChanged } }[]>(url)).body;
    await eventually(async () => (await entries()).length >= count);
    return (await entries()).map((e) => e.body.data);
  }
  /** The plan as the page sends it back: every field (with the version read), with the changes. */
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

  it('keeps the version, who and when of a plan, a day or an item saved as it was, and tells the record nothing', async () => {
    const before = await plan('SAMR');
    const entries = async () => (await getJson<unknown[]>(`${oversight.baseUrl}/api/audit/entries?kind=dispatch-setting&limit=500`)).body.length;
    await recorded(`plan:SAMR`);
    const logged = await entries();
    const outbox = async () =>
      (await dispatch.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.outbox WHERE subject = $1`, [DispatchSubjects.settingChanged]))[0].n;
    const sent = await outbox();

    expect((await call('PUT', '/api/plans/SAMR', 'dispatcher', edited(before, {}))).status).toBe(200);
    expect(await plan('SAMR')).toEqual(before);
    const day = '2026-10-08';
    expect((await call('PUT', `/api/calendar/${day}`, 'dispatcher', { kind: 'holiday', name: '国庆节' })).status).toBe(200);
    const [set] = await dispatch.dataSource.query(`SELECT updated_at FROM dispatch.calendar_days WHERE date = $1`, [day]);
    expect((await call('PUT', `/api/calendar/${day}`, 'dispatcher', { kind: 'holiday', name: '国庆节' })).status).toBe(200);
    expect(await dispatch.dataSource.query(`SELECT updated_at FROM dispatch.calendar_days WHERE date = $1`, [day])).toEqual([set]);
    const [item] = (await call<{ item: string; zh: string; en: string | null; version: number }[]>('GET', '/api/checklist-items', 'dispatcher')).body;
    const renamed = await call<{ version: number }>('PUT', `/api/checklist-items/${item.item}`, 'dispatcher', { zh: item.zh, en: item.en ?? undefined });
    expect(renamed.body).toMatchObject({ item: item.item, zh: item.zh, version: item.version });
    expect(renamed.body).not.toHaveProperty('updatedBy');
    expect((await call('DELETE', `/api/calendar/${day}`, 'dispatcher')).status).toBe(200);

    // Only the day's first setting and its removal were changes: two events, two entries.
    expect(await outbox()).toBe(sent + 2);
    expect(await eventually(async () => (await entries()) === logged + 2)).toBe(true);
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
    expect((await year()).body.find((d) => d.date === day)).toMatchObject({ date: day, kind: 'holiday', name: '国庆节调整' });
    expect((await call('DELETE', `/api/calendar/${day}`, 'dispatcher')).status).toBe(200);
    expect((await year()).body.find((d) => d.date === day)).toBeUndefined();
    expect((await call('DELETE', `/api/calendar/${day}`, 'dispatcher')).status).toBe(404);
  });

  it("puts a plan change in oversight's record with who made it and the values before and after", async () => {
    const before = await plan('HRSS');
    const put = await call('PUT', '/api/plans/HRSS', 'dispatcher', edited(before, { annualRatios: { ...before.annualRatios, yellow: 0.25 } }));
    expect(put.status).toBe(200);
    const [change] = await recorded('plan:HRSS');
    expect(change).toMatchObject({
      setting: 'plan',
      key: 'HRSS',
      actor: 'dispatcher',
      before: { annualRatios: before.annualRatios, version: before.version, exemptionCount: 0 },
      after: { annualRatios: { ...before.annualRatios, yellow: 0.25 }, version: before.version + 1 },
    });
    expect(change.before).not.toHaveProperty('exemptions');
  });

  it('refuses a save over a newer version with 409 naming who and when, and leaves the plan as it was', async () => {
    const read = await plan('FIRE');
    // Another dispatcher's tab saves first…
    expect((await call('PUT', '/api/plans/FIRE', 'dispatcher', edited(read, { annualCapPerEnterprise: 3 }))).status).toBe(200);
    const saved = await plan('FIRE');
    expect(saved.version).toBe(read.version + 1);
    // …then this one, from the version it read.
    const stale = await call<Stale>('PUT', '/api/plans/FIRE', 'dispatcher', edited(read, { annualCapPerEnterprise: 5 }));
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ version: saved.version, updatedBy: 'dispatcher', updatedAt: new Date(saved.updatedAt).toISOString() });
    expect(stale.body.message).toMatch(/the plan of FIRE was changed by dispatcher at .+ after you read it/);
    expect(await plan('FIRE')).toEqual(saved);
    const [row] = await dispatch.dataSource.query(`SELECT annual_cap_per_enterprise AS cap, revision FROM dispatch.department_plans WHERE department = 'FIRE'`);
    expect(row).toEqual({ cap: 3, revision: saved.version });
    expect(await recorded('plan:FIRE')).toHaveLength(1);
    // A client that sends no version (a script) is not checked.
    const { version: _v, ...unversioned } = edited(saved, { annualCapPerEnterprise: 4 });
    expect((await call('PUT', '/api/plans/FIRE', 'dispatcher', unversioned)).status).toBe(200);
    expect(await plan('FIRE')).toMatchObject({ annualCapPerEnterprise: 4, version: saved.version + 1 });
  });

  it('refuses a stale rename of a checklist item and a stale policy change the same way', async () => {
    type Item = { item: string; zh: string; en: string | null; version: number };
    const item = async () => (await call<Item[]>('GET', '/api/checklist-items', null)).body.find((i) => i.item === 'FIRE-01')!;
    const read = await item();
    expect((await call('PUT', '/api/checklist-items/FIRE-01', 'dispatcher', { zh: '消防设施', version: read.version })).status).toBe(200);
    const stale = await call<Stale>('PUT', '/api/checklist-items/FIRE-01', 'dispatcher', { zh: '消防器材', version: read.version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ updatedBy: 'dispatcher', version: read.version + 1 });
    expect(await item()).toMatchObject({ zh: '消防设施', version: read.version + 1 });
    const [renamed] = await recorded('checklist-item:FIRE-01');
    expect(renamed).toMatchObject({ actor: 'dispatcher', before: { zh: read.zh }, after: { zh: '消防设施' } });

    // An operator's call straight to dispatch meets the same rule, with the same answer.
    const policy = (await dispatch.http<{ version: number; maxTeamSize: number }>('GET', '/api/policy')).body;
    expect((await dispatch.http('PUT', '/api/policy', { maxTeamSize: 5, version: policy.version, actor: 'ops-wang' })).status).toBe(200);
    const stalePolicy = await dispatch.http<Stale>('PUT', '/api/policy', { maxTeamSize: 6, version: policy.version });
    expect(stalePolicy.status).toBe(409);
    expect(stalePolicy.body.message).toMatch(/the dispatch policy was changed by ops-wang/);
    expect((await dispatch.http('GET', '/api/policy')).body).toMatchObject({ maxTeamSize: 5, version: policy.version + 1, updatedBy: 'ops-wang' });
    const [changed] = await recorded('policy:policy');
    expect(changed).toMatchObject({ actor: 'ops-wang', before: { maxTeamSize: policy.maxTeamSize }, after: { maxTeamSize: 5 } });
  });

  it("lets the dispatcher change the dispatch policy, with who did it from the session, and puts it in oversight's record", async () => {
    type Policy = { version: number; explorationShare: number; complaintDueDays: number; updatedBy: string | null };
    for (const caller of ['dispatcher', 'officer', 'overseer'] as const) expect((await call('GET', '/api/policy', caller)).status).toBe(200);
    for (const caller of ['admin', 'ent'] as const) expect((await call('GET', '/api/policy', caller)).status).toBe(403);
    const read = (await call<Policy>('GET', '/api/policy', 'overseer')).body;

    for (const caller of ['officer', 'overseer', 'admin', 'ent'] as const)
      expect((await call('PUT', '/api/policy', caller, { explorationShare: 0.3, version: read.version })).status).toBe(403);
    expect((await call('PUT', '/api/policy', null, { explorationShare: 0.3 })).status).toBe(401);
    const refused = await call<{ message: string[] }>('PUT', '/api/policy', 'dispatcher', {
      explorationShare: 1.3,
      complaintDueDays: 0,
      version: read.version,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toEqual([expect.stringMatching(/^explorationShare /), expect.stringMatching(/^complaintDueDays /)]);
    expect((await call<Policy>('GET', '/api/policy', 'dispatcher')).body).toEqual(read);

    const put = await call<Policy>('PUT', '/api/policy', 'dispatcher', { explorationShare: 0.15, version: read.version, actor: 'someone-else' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ explorationShare: 0.15, complaintDueDays: read.complaintDueDays, version: read.version + 1, updatedBy: 'dispatcher' });
    const [row] = await dispatch.dataSource.query(`SELECT value, updated_by FROM dispatch.policy WHERE key = 'explorationShare'`);
    expect(row).toEqual({ value: 0.15, updated_by: 'dispatcher' });
    const changes = await recorded('policy:policy', 2);
    expect(changes.at(-1)).toMatchObject({
      setting: 'policy',
      actor: 'dispatcher',
      before: { explorationShare: read.explorationShare, version: read.version },
      after: { explorationShare: 0.15, version: read.version + 1 },
    });

    // Saved again as it now is (the page's save with nothing changed): no new version, no record entry.
    const outbox = async () =>
      (await dispatch.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.outbox WHERE subject = $1`, [DispatchSubjects.settingChanged]))[0].n;
    const sent = await outbox();
    const again = await call<Policy>('PUT', '/api/policy', 'dispatcher', {
      explorationShare: 0.15,
      complaintDueDays: read.complaintDueDays,
      version: put.body.version,
    });
    expect(again.body).toEqual(put.body);
    expect(await outbox()).toBe(sent);

    expect((await call('PUT', '/api/policy', 'dispatcher', { ...(BODIES['PUT /api/policy'].example as Json), version: put.body.version })).status).toBe(200);
    expect((await call('GET', '/api/policy', 'dispatcher')).body).toMatchObject(BODIES['PUT /api/policy'].example as Json);
  });

  it('keeps who set a calendar day and when, and records setting and removing it in oversight', async () => {
    const day = '2026-12-31';
    expect((await call('PUT', `/api/calendar/${day}`, 'dispatcher', { kind: 'holiday', name: '元旦前', actor: 'someone-else' })).status).toBe(200);
    const [shown] = (await call<CalendarDay[]>('GET', '/api/calendar?year=2026', 'officer')).body.filter((d) => d.date === day);
    expect(shown).toMatchObject({ kind: 'holiday', updatedBy: 'dispatcher', updatedAt: expect.any(String) });
    const [row] = await dispatch.dataSource.query(`SELECT updated_by FROM dispatch.calendar_days WHERE date = $1`, [day]);
    expect(row.updated_by).toBe('dispatcher');
    expect((await call('DELETE', `/api/calendar/${day}`, 'dispatcher')).status).toBe(200);
    const changes = await recorded(`calendar-day:${day}`, 2);
    expect(changes).toEqual([
      expect.objectContaining({ actor: 'dispatcher', before: null, after: { date: day, kind: 'holiday', name: '元旦前' } }),
      expect.objectContaining({ actor: 'dispatcher', before: { date: day, kind: 'holiday', name: '元旦前' }, after: null }),
    ]);
  });
});
