import { createHash } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Client } from 'pg';
import { verifyReceipt, type Receipt } from '@tianping/audit-log';
import { ScoringSubjects } from '@tianping/contracts';
import { eventually } from '@tianping/testing';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import type { AppealView } from '../../../apps/oversight/src/reviews/appeals.service';
import { sampleScore, startOversight, type OversightHarness } from '../oversight/oversight-app.harness';
import { createRoleAccounts, OTHER_CODE, OWN_CODE, signIn, startWeb, TEST_PASSWORD, type WebHarness } from './web-app.harness';

type Caller = 'ent' | 'ent-other' | 'overseer' | 'officer' | null;
type Json = Record<string, unknown>;
const GROUNDS = '该投诉并非针对本企业，本企业已于去年完成整改并经复查合格。';

/**
 * An enterprise withdraws its appeal (撤回陈述申辩) through the real web gateway, in front of the
 * real oversight service on PostgreSQL and NATS: only its own, only before a decision, logged in the
 * record with the reason hashed; a reviewer who had taken it can no longer decide it, and of a
 * withdrawal and a decision at once exactly one happens.
 */
describe('an enterprise withdraws its appeal before a decision, and may file another', () => {
  let oversight: OversightHarness;
  let web: WebHarness;
  let nc: NatsConnection;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    oversight = await startOversight();
    process.env.PORT_OVERSIGHT = new URL(oversight.baseUrl).port;
    web = await startWeb();
    await createRoleAccounts(web.app);
    await web.app.get(AccountsService).create({ username: 'ent-other', password: TEST_PASSWORD, role: 'enterprise', creditCode: OTHER_CODE });
    for (const username of ['ent', 'ent-other', 'overseer', 'officer']) cookies[username] = await signIn(web.baseUrl, username);
    nc = await connect({ servers: oversight.nats.url });
    const scores = [OWN_CODE, OTHER_CODE].map((creditCode, n) => ({ ...sampleScore(n + 1), creditCode, colour: 'yellow' as const }));
    await jetstream(nc).publish(ScoringSubjects.scoresComputed, JSON.stringify({ batchId: 'withdrawal-scores', scores }));
    for (const code of [OWN_CODE, OTHER_CODE]) {
      await eventually(async () => (await call<{ score: unknown }>('GET', `/api/reviews/enterprises/${code}`, 'overseer')).body.score, `score of ${code}`);
    }
  }, 60_000);

  afterAll(async () => {
    await nc?.close();
    await web?.close();
    await oversight?.close();
    delete process.env.PORT_OVERSIGHT;
  });

  /** A call through the web gateway as a signed-in account (null: no session). */
  async function call<T = Json>(method: string, path: string, caller: Caller, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller) headers.cookie = cookies[caller];
    const response = await fetch(`${web.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: response.status, body: (await response.json()) as T };
  }
  const file = (caller: 'ent' | 'ent-other', creditCode: string) => call<AppealView>('POST', '/api/appeals', caller, { creditCode, grounds: GROUNDS });
  const withdraw = (id: string, caller: Caller, reason?: string) =>
    call<AppealView & { message?: string }>('POST', `/api/appeals/${id}/withdrawal`, caller, { reason });
  const decide = (id: string) =>
    call<AppealView & { message?: string }>('POST', `/api/appeals/${id}/decision`, 'overseer', { outcome: 'upheld', reasons: '核实无误，维持原评分。' });
  const appeal = async (id: string) => (await call<AppealView>('GET', `/api/appeals/${id}`, 'overseer')).body;

  it('lets only the enterprise that filed it withdraw it, logs the reason as a hash, drops it from the queue and lets the enterprise file again', async () => {
    const filed = await file('ent', OWN_CODE);
    expect(filed.status).toBe(201);
    const id = filed.body.id;

    // Another enterprise learns nothing of it; oversight and the bureau may not withdraw it; no session, no act.
    expect((await withdraw(id, 'ent-other')).status).toBe(404);
    expect((await withdraw(id, 'overseer')).status).toBe(403);
    expect((await withdraw(id, 'officer')).status).toBe(403);
    expect((await withdraw(id, null)).status).toBe(401);
    expect((await withdraw('AP-NO-SUCH', 'ent')).status).toBe(404);
    expect(await appeal(id)).toMatchObject({ status: 'filed' });

    const reason = '问题已通过复查解决，联系人张伟 13800138000';
    const done = await call<AppealView>('POST', `/api/appeals/${id}/withdrawal`, 'ent', { reason, actor: 'someone-else' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'withdrawn', outcome: null, withdrawalReason: reason, overdue: false, decidedAt: null });
    expect(done.body.closedAt).not.toBeNull();
    expect(done.body.steps.map((s) => [s.step, s.actor])).toEqual([
      ['filed', 'ent'],
      ['withdrawn', 'ent'],
    ]);
    const step = done.body.steps[1];
    expect(step.detail).toMatchObject({ from: 'filed', reasonSha256: createHash('sha256').update(reason).digest('hex') });

    // The step's receipt verifies with the public key alone, and holds the reason's hash, not the reason.
    const receipt = (await call<Receipt>('GET', `/api/appeals/${id}/receipts/${step.auditSeq}`, 'ent')).body;
    const { publicKeyPem } = (await call<{ publicKeyPem: string }>('GET', '/api/audit/public-key', null)).body;
    expect(verifyReceipt(receipt, publicKeyPem)).toEqual({ ok: true });
    expect(JSON.parse(receipt.entry.bodyJson).data).toMatchObject({ appealId: id, step: 'withdrawn', actor: 'ent' });
    expect(receipt.entry.bodyJson).not.toContain('张伟');
    expect(receipt.entry.bodyJson).not.toContain('13800138000');
    expect((await call<{ ok: boolean }>('POST', '/api/audit/verify', 'overseer')).body.ok).toBe(true);

    expect((await withdraw(id, 'ent')).status).toBe(409);
    // Out of the review queue, counted apart; the bureau does not see the enterprise's words.
    const queue = (await call<{ items: AppealView[]; counts: Json }>('GET', '/api/appeals?status=filed', 'overseer')).body;
    expect(queue.items.map((a) => a.id)).not.toContain(id);
    expect(queue.counts).toMatchObject({ filed: 0, withdrawn: 1, overdue: 0 });
    expect((await call<{ items: AppealView[] }>('GET', '/api/appeals?status=withdrawn', 'overseer')).body.items.map((a) => a.id)).toEqual([id]);
    const forBureau = (await call<{ appeals: Json[] }>('GET', `/api/reviews/enterprises/${OWN_CODE}`, 'officer')).body;
    expect(forBureau.appeals[0]).toMatchObject({ id, status: 'withdrawn' });
    expect(forBureau.appeals[0]).not.toHaveProperty('withdrawalReason');

    const again = await file('ent', OWN_CODE);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(id);
    const register = (await call<{ objection_procedure: { facts: { appealsRecorded: Json } } }>('GET', '/api/register', null)).body;
    expect(register.objection_procedure.facts.appealsRecorded).toEqual({ filed: 2, withdrawn: 1 });
    // Withdrawn without a reason: none kept, none hashed.
    const bare = await withdraw(again.body.id, 'ent');
    expect(bare.body).toMatchObject({ status: 'withdrawn', withdrawalReason: null });
    expect(bare.body.steps[1].detail).toMatchObject({ reasonSha256: null });
  });

  it('tells a reviewer who had taken the appeal that it was withdrawn, and refuses the decision; a decided appeal cannot be withdrawn', async () => {
    const filed = (await file('ent-other', OTHER_CODE)).body;
    expect((await call('POST', `/api/appeals/${filed.id}/claim`, 'overseer', {})).body).toMatchObject({ status: 'in-review', reviewer: 'overseer' });
    const withdrawn = await withdraw(filed.id, 'ent-other', '将补充材料后重新提出');
    expect(withdrawn.body).toMatchObject({ status: 'withdrawn', reviewer: 'overseer' });
    expect(withdrawn.body.steps.map((s) => s.step)).toEqual(['filed', 'in-review', 'withdrawn']);
    expect(withdrawn.body.steps[2].detail).toMatchObject({ from: 'in-review' });
    const refused = await decide(filed.id);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/withdrawn by the enterprise/);
    expect((await call<{ message: string }>('POST', `/api/appeals/${filed.id}/claim`, 'overseer', {})).body.message).toMatch(/withdrawn by the enterprise/);
    expect(await appeal(filed.id)).toMatchObject({ status: 'withdrawn', outcome: null });

    const next = (await file('ent-other', OTHER_CODE)).body;
    expect((await decide(next.id)).status).toBe(200);
    const late = await withdraw(next.id, 'ent-other');
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/already decided/);
    expect(await appeal(next.id)).toMatchObject({ status: 'decided', outcome: 'upheld' });
  });

  it.each([
    ['the withdrawal', 'withdrawn', /withdrawn by the enterprise/],
    ['the decision', 'decided', /already decided/],
  ])('ends a withdrawal racing a decision in exactly one of them: %s first', async (_first, winner, loserMessage) => {
    const { id } = (await file('ent', OWN_CODE)).body;
    // Both wait on the appeal's row, taken here, in the order they were sent; then it is let go.
    const holder = new Client({ connectionString: oversight.db.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM oversight.appeals WHERE id = $1 FOR UPDATE', [id]);
    const waiting = (n: number) =>
      eventually(
        async () =>
          Number(
            (await holder.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n,
          ) === n,
        `${n} waiting on the appeal`,
      );
    const acts = { withdrawn: () => withdraw(id, 'ent', '已通过其他途径解决'), decided: () => decide(id) };
    const order = winner === 'withdrawn' ? (['withdrawn', 'decided'] as const) : (['decided', 'withdrawn'] as const);
    const first = acts[order[0]]();
    await waiting(1);
    const second = acts[order[1]]();
    await waiting(2);
    await holder.query('COMMIT');
    await holder.end();
    const [won, lost] = await Promise.all([first, second]);
    expect([won.status, lost.status]).toEqual([200, 409]);
    expect(lost.body.message).toMatch(loserMessage);
    const final = await appeal(id);
    expect(final.status).toBe(winner);
    expect(final.steps.map((s) => s.step)).toEqual(['filed', winner]);
    const entries = (
      await call<{ body: { data: { appealId: string; step: string } } }[]>(
        'GET',
        `/api/audit/entries?kind=appeal&subjectRef=${OWN_CODE}&limit=1000`,
        'overseer',
      )
    ).body;
    expect(entries.filter((e) => e.body.data.appealId === id).map((e) => e.body.data.step)).toEqual(['filed', winner]);
  });
});
