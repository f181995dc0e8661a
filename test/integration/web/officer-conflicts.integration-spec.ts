import { DispatchSubjects, type DispatchSettingChanged } from '@tianping/contracts';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import type { DispatchHarness } from '../dispatch/dispatch-app.harness';
import { eventually, getJson, type OversightHarness } from '../oversight/oversight-app.harness';
import { gatewayCaller, startBureauSuite, type BureauSuite, type GatewayCall } from './bureau-suite.harness';
import { chinaDayIn, publishVisit } from './officer-register.fixture';
import { OTHER_CODE, OWN_CODE, TEST_PASSWORD, type WebHarness } from './web-app.harness';

type Json = Record<string, unknown>;
interface Declared {
  officerId: string;
  creditCode: string;
  reason?: string | null;
  declaredBy: string | null;
  declaredAt: string;
  scheduledVisits: { id: string; number: string; date: string }[];
}

const OWN_OFFICER = '44060400001';
const COLLEAGUE = '44060400002';
const REASON = '配偶李某在该企业任财务主管';
const OTHER_REASON = '本人曾在该企业任职';
const VISIT_ID = '0b6c8a55-5f0e-4d7e-9a7a-0000000c0f11';

/**
 * Officers declare conflicts of interest (执法人员回避) through the real web gateway, in front of the real
 * dispatch service on PostgreSQL: only for the certificate number their account is bound to, whatever the
 * body says; the dispatcher sees every one and withdraws any; oversight reads them without the reason.
 */
describe('an officer declares and withdraws a conflict of interest for its own certificate number only', () => {
  let suite: BureauSuite;
  let dispatch: DispatchHarness;
  let oversight: OversightHarness;
  let web: WebHarness;
  let call: GatewayCall;

  beforeAll(async () => {
    // Oversight hears dispatch's real events: its record is where a declaration is accounted for.
    suite = await startBureauSuite();
    ({ dispatch, oversight, web } = suite);
    const accounts = web.app.get(AccountsService);
    await accounts.create({ username: 'bound', password: TEST_PASSWORD, role: 'department', department: 'SAMR', officerId: OWN_OFFICER });
    await accounts.create({ username: 'colleague', password: TEST_PASSWORD, role: 'department', department: 'SAMR', officerId: COLLEAGUE });
    call = await gatewayCaller(web.baseUrl, ['bound', 'colleague', 'officer', 'dispatcher', 'overseer', 'ent']);
    await scheduleVisitNaming(OWN_OFFICER, OTHER_CODE);
  }, 60_000);

  afterAll(async () => suite?.close());

  const stored = async () => (await dispatch.http<Declared[]>('GET', '/api/conflicts')).body;

  /** A visit already published for tomorrow whose team names the officer: the declaration does not move it. */
  async function scheduleVisitNaming(officerId: string, creditCode: string): Promise<void> {
    await publishVisit(dispatch, {
      drawId: '0b6c8a55-5f0e-4d7e-9a7a-0000000d0a01',
      id: VISIT_ID,
      number: 'TP-2026-009001',
      creditCode,
      date: chinaDayIn(1),
      officerIds: [officerId],
    });
  }

  it("sets the officer from the session: a body naming another officer declares the caller's own", async () => {
    const declared = await call<Declared>('POST', '/api/conflicts', 'bound', { officerId: COLLEAGUE, creditCode: OWN_CODE.toLowerCase(), reason: REASON });
    expect(declared.status).toBe(201);
    expect(declared.body).toMatchObject({ officerId: OWN_OFFICER, creditCode: OWN_CODE, reason: REASON, declaredBy: 'bound', scheduledVisits: [] });
    expect(await stored()).toEqual([expect.objectContaining({ officerId: OWN_OFFICER, creditCode: OWN_CODE, declaredBy: 'bound' })]);

    // A reason is required; an officer bound to no number, a dispatcher, oversight and an enterprise may not declare.
    expect((await call('POST', '/api/conflicts', 'bound', { creditCode: OTHER_CODE })).status).toBe(400);
    for (const caller of ['officer', 'dispatcher', 'overseer', 'ent'] as const)
      expect({
        caller,
        status: (await call('POST', '/api/conflicts', caller, { officerId: OWN_OFFICER, creditCode: OTHER_CODE, reason: REASON })).status,
      }).toEqual({
        caller,
        status: 403,
      });
    expect(await stored()).toHaveLength(1);
  });

  it('names the visit already scheduled there that still sends the officer', async () => {
    const declared = await call<Declared>('POST', '/api/conflicts', 'bound', { creditCode: OTHER_CODE, reason: REASON });
    expect(declared.body.scheduledVisits).toEqual([{ id: VISIT_ID, number: 'TP-2026-009001', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }]);
  });

  it('shows an officer only its own declarations, the dispatcher all, oversight all without the reason', async () => {
    await call('POST', '/api/conflicts', 'colleague', { creditCode: OWN_CODE, reason: OTHER_REASON });
    const own = await call<Declared[]>('GET', `/api/conflicts?officer=${COLLEAGUE}`, 'bound');
    expect(own.body.map((c) => c.officerId)).toEqual([OWN_OFFICER, OWN_OFFICER]);
    const all = await call<Declared[]>('GET', '/api/conflicts', 'dispatcher');
    expect(all.body.map((c) => [c.officerId, c.creditCode, c.reason])).toEqual([
      [OWN_OFFICER, OWN_CODE, REASON],
      [OWN_OFFICER, OTHER_CODE, REASON],
      [COLLEAGUE, OWN_CODE, OTHER_REASON],
    ]);
    const overseen = await call<Declared[]>('GET', '/api/conflicts', 'overseer');
    expect(overseen.body).toHaveLength(3);
    expect(overseen.body.every((c) => !('reason' in c) && c.declaredBy !== undefined)).toBe(true);
    expect((await call('GET', '/api/conflicts', 'ent')).status).toBe(403);
    expect((await call('GET', '/api/conflicts', 'officer')).status).toBe(403);
  });

  it('lets an officer withdraw only its own, and the dispatcher any; the enterprise and oversight none', async () => {
    expect((await call('DELETE', `/api/conflicts/${COLLEAGUE}/${OWN_CODE}`, 'bound')).status).toBe(404);
    expect((await call('DELETE', `/api/conflicts/${OWN_OFFICER}/${OWN_CODE}`, 'overseer')).status).toBe(403);
    expect((await call('DELETE', `/api/conflicts/${OWN_OFFICER}/${OWN_CODE}`, 'ent')).status).toBe(403);
    expect((await stored()).length).toBe(3);

    expect((await call('DELETE', `/api/conflicts/${OWN_OFFICER}/${OWN_CODE}`, 'bound')).body).toMatchObject({ declared: false });
    expect((await call('DELETE', `/api/conflicts/${COLLEAGUE}/${OWN_CODE}`, 'dispatcher')).body).toMatchObject({ declared: false });
    expect((await stored()).map((c) => [c.officerId, c.creditCode])).toEqual([[OWN_OFFICER, OTHER_CODE]]);
  });

  it("puts every declaration and withdrawal in oversight's record, with who and when, and never the reason", async () => {
    type Entry = { subjectRef: string; bodyJson: string; body: { data: DispatchSettingChanged } };
    const entries = async () => (await getJson<Entry[]>(`${oversight.baseUrl}/api/audit/entries?kind=dispatch-setting&limit=100`)).body;
    // Three declarations and two withdrawals were made above.
    expect(await eventually(async () => (await entries()).length === 5)).toBe(true);
    const logged = await entries();
    const declared = logged.find((e) => e.subjectRef === `conflict-declared:${OWN_OFFICER}/${OWN_CODE}`)!.body.data;
    expect(declared).toMatchObject({
      setting: 'conflict-declared',
      key: `${OWN_OFFICER}/${OWN_CODE}`,
      actor: 'bound',
      before: null,
      after: { officerId: OWN_OFFICER, creditCode: OWN_CODE, declaredBy: 'bound', declaredAt: expect.any(String) },
    });
    const withdrawn = logged.find((e) => e.subjectRef === `conflict-withdrawn:${COLLEAGUE}/${OWN_CODE}`)!.body.data;
    expect(withdrawn).toMatchObject({ actor: 'dispatcher', before: { officerId: COLLEAGUE, declaredBy: 'colleague' }, after: null });
    expect(Date.parse(withdrawn.at)).toBeGreaterThan(Date.parse(declared.at));

    // Not in the record, and not in any event dispatch sent (the outbox holds each as it went out).
    const sent: { payload: string }[] = await dispatch.dataSource.query(`SELECT payload::text FROM dispatch.outbox WHERE subject = $1`, [
      DispatchSubjects.settingChanged,
    ]);
    expect(sent).toHaveLength(5);
    for (const text of [...logged.map((e) => e.bodyJson), ...sent.map((row) => row.payload)]) {
      expect(text).not.toContain(REASON);
      expect(text).not.toContain(OTHER_REASON);
      expect(text).not.toMatch(/"reason"/);
    }
  });

  it('lets the dispatcher alone move the visit to an eligible officer: the conflict then names no visit, and the change is recorded by who made it', async () => {
    const replacement = '44060400003';
    await dispatch.dataSource.query(
      `INSERT INTO dispatch.officers (officer_id, department, domains, cert_valid_until, region_code, status)
       VALUES ($1, 'SAMR', '{SAMR}', current_date + 365, '440604', '在岗')`,
      [replacement],
    );
    const path = `/api/visits/${VISIT_ID}`;
    const change = { officerOut: OWN_OFFICER, how: 'picked', officerIn: replacement, reason: '原执法人员已申报回避', actor: 'mallory' };
    for (const caller of ['bound', 'overseer', 'ent'] as const) {
      expect({ caller, status: (await call('GET', `${path}/replacements?officer=${OWN_OFFICER}`, caller)).status }).toEqual({ caller, status: 403 });
      expect({ caller, status: (await call('POST', `${path}/team-changes`, caller, change)).status }).toEqual({ caller, status: 403 });
    }
    const offered = await call<{ candidates: { officerId: string }[] }>('GET', `${path}/replacements?officer=${OWN_OFFICER}`, 'dispatcher');
    expect(offered.body.candidates.map((c) => c.officerId)).toEqual([replacement]);
    const changed = await call<Json>('POST', `${path}/team-changes`, 'dispatcher', change);
    expect(changed.status).toBe(201);
    // The acting account is the session's, whatever the body says.
    expect(changed.body).toMatchObject({ officerOut: OWN_OFFICER, officerIn: replacement, officerIds: [replacement], actor: 'dispatcher' });

    const conflicts = await call<Declared[]>('GET', `/api/conflicts?officer=${OWN_OFFICER}`, 'dispatcher');
    expect(conflicts.body.find((c) => c.creditCode === OTHER_CODE)?.scheduledVisits).toEqual([]);
    const itinerary = await call<{ id: string }[]>('GET', `/api/visits?officer=${replacement}`, 'dispatcher');
    expect(itinerary.body.map((v) => v.id)).toEqual([VISIT_ID]);
    const history = await call<Json[]>('GET', `${path}/team-changes`, 'dispatcher');
    expect(history.body).toEqual([expect.objectContaining({ officerIn: replacement, reason: change.reason, actor: 'dispatcher' })]);
    const overseen = await call<Json[]>('GET', `${path}/team-changes`, 'overseer');
    expect(overseen.body).toHaveLength(1);
    expect('reason' in overseen.body[0]).toBe(false);

    // Oversight's record has the change as dispatch sent it: who left, who came, by whom; not the reason.
    const logged = async () =>
      (await getJson<{ bodyJson: string }[]>(`${oversight.baseUrl}/api/audit/entries?kind=visit-team-change&subjectRef=${OTHER_CODE}`)).body;
    expect(await eventually(async () => (await logged()).length === 1)).toBe(true);
    const [entry] = await logged();
    expect(JSON.parse(entry.bodyJson).data).toMatchObject({ officerOut: OWN_OFFICER, officerIn: replacement, actor: 'dispatcher', chosen: { how: 'picked' } });
    expect(entry.bodyJson).not.toContain(change.reason);
  });
});
