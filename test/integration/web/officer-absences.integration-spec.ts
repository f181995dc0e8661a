import type { StoredAbsence as Absence } from '../../../apps/dispatch/src/absences/absences.repository';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import { eventually, getJson } from '../oversight/oversight-app.harness';
import { gatewayCaller, startBureauSuite, type BureauSuite, type GatewayCall } from './bureau-suite.harness';
import { chinaDayIn, COLLEAGUE, OWN_OFFICER, seedRegister, VISIT } from './officer-register.fixture';
import { OTHER_CODE, TEST_PASSWORD } from './web-app.harness';

/**
 * Officers' absences through the real web gateway, in front of the real dispatch and oversight services:
 * the dispatcher enters and withdraws them as itself, an officer reads only its own, oversight reads all
 * and its tamper-evident record keeps each entry and withdrawal.
 */
describe('officers away, through the gateway and into oversight’s record', () => {
  let suite: BureauSuite;
  let call: GatewayCall;
  const away = { from: chinaDayIn(1), to: chinaDayIn(3) };

  beforeAll(async () => {
    suite = await startBureauSuite();
    await seedRegister(suite.dispatch, OTHER_CODE);
    await suite.web.app
      .get(AccountsService)
      .create({ username: 'bound', password: TEST_PASSWORD, role: 'department', department: 'SAMR', officerId: OWN_OFFICER });
    call = await gatewayCaller(suite.web.baseUrl, ['bound', 'officer', 'dispatcher', 'overseer', 'ent']);
  }, 60_000);
  afterAll(async () => suite?.close());

  it('lets the dispatcher alone enter an absence, as itself, and names the visit still sending the officer', async () => {
    for (const caller of ['bound', 'officer', 'overseer', 'ent'])
      expect({ caller, status: (await call('POST', '/api/absences', caller, { officerId: OWN_OFFICER, ...away, kind: 'leave' })).status }).toEqual({
        caller,
        status: 403,
      });
    const added = await call<Absence>('POST', '/api/absences', 'dispatcher', { officerId: OWN_OFFICER, ...away, kind: 'leave', actor: 'mallory' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ officerId: OWN_OFFICER, ...away, kind: 'leave', createdBy: 'dispatcher' });
    expect(added.body.scheduledVisits).toEqual([{ id: VISIT.id, number: VISIT.number, date: chinaDayIn(2), creditCode: OTHER_CODE }]);
    const again = await call<{ code: string }>('POST', '/api/absences', 'dispatcher', {
      officerId: OWN_OFFICER,
      from: away.to,
      to: chinaDayIn(5),
      kind: 'training',
    });
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'absence_overlaps' });
    expect((await call('POST', '/api/absences', 'dispatcher', { officerId: COLLEAGUE, from: away.to, to: away.from, kind: 'leave' })).status).toBe(400);
    expect((await call('POST', '/api/absences', 'dispatcher', { officerId: COLLEAGUE, ...away, kind: 'training' })).status).toBe(201);
  });

  it('shows an officer only its own absences, the dispatcher and oversight all; the register to the dispatcher and oversight only', async () => {
    const own = await call<Absence[]>('GET', `/api/absences?officer=${COLLEAGUE}`, 'bound');
    expect(own.body.map((a) => a.officerId)).toEqual([OWN_OFFICER]);
    expect((await call<Absence[]>('GET', '/api/absences', 'dispatcher')).body).toHaveLength(2);
    expect((await call<Absence[]>('GET', '/api/absences', 'overseer')).body).toHaveLength(2);
    expect((await call('GET', '/api/absences', 'officer')).status).toBe(403);
    expect((await call('GET', '/api/absences', 'ent')).status).toBe(403);
    const register = await call<{ officerId: string; absences: unknown[] }[]>('GET', '/api/officers', 'overseer');
    expect(register.status).toBe(200);
    expect(register.body.find((o) => o.officerId === OWN_OFFICER)?.absences).toHaveLength(1);
    for (const caller of ['bound', 'ent']) expect((await call('GET', '/api/officers', caller)).status).toBe(403);
  });

  it("withdraws as the dispatcher only, and oversight's record keeps every entry and withdrawal with who made it", async () => {
    const [first] = (await call<Absence[]>('GET', `/api/absences?officer=${OWN_OFFICER}`, 'dispatcher')).body;
    expect((await call('DELETE', `/api/absences/${first.id}`, 'overseer')).status).toBe(403);
    expect((await call('DELETE', `/api/absences/${first.id}`, 'bound')).status).toBe(403);
    expect((await call('DELETE', `/api/absences/${first.id}`, 'dispatcher')).body).toEqual({ id: first.id, withdrawn: true });
    expect((await call('DELETE', `/api/absences/${first.id}`, 'dispatcher')).status).toBe(404);

    type Entry = { subjectRef: string; body: { data: { setting: string; before: unknown; after: unknown; actor: string } } };
    const entries = async () => (await getJson<Entry[]>(`${suite.oversight.baseUrl}/api/audit/entries?kind=dispatch-setting&limit=100`)).body;
    expect(await eventually(async () => (await entries()).length === 3)).toBe(true);
    const key = `officer-absence:${OWN_OFFICER}/${away.from}/${away.to}`;
    const logged = (await entries()).filter((e) => e.subjectRef === key).map((e) => e.body.data);
    const days = { officerId: OWN_OFFICER, ...away, kind: 'leave' };
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ setting: 'officer-absence', before: null, after: days, actor: 'dispatcher' }),
        expect.objectContaining({ setting: 'officer-absence', before: days, after: null, actor: 'dispatcher' }),
      ]),
    );
    expect(logged).toHaveLength(2);
  });
});
