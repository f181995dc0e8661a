import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { verifyReceipt, type Receipt } from '@tianping/audit-log';
import { CLUE_REF_SHAPE } from '@tianping/common';
import { ScoringSubjects } from '@tianping/contracts';
import { eventually, listenTestApp } from '@tianping/testing';
import { IntakeModule } from '../../../apps/intake/src/intake.module';
import type { AppealView } from '../../../apps/oversight/src/reviews/appeals.service';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';
import { sampleScore, startOversight, type OversightHarness } from '../oversight/oversight-app.harness';
import { signIn, startWeb, TEST_PASSWORD, type WebHarness } from './web-app.harness';

type Json = Record<string, unknown>;
type Caller = 'ent' | 'ent-b' | 'ent-none' | 'overseer';
const CODE_A = '91440604MA4UJ8K20C';
const CODE_B = '91440605MA52TQ0L32';
const CODE_NONE = '91350100M000100Y43';
/** Platform B ids carry the channel, the day and the day's sequence: what must not reach an enterprise. */
const CLUES = [
  { clue_id: '12345-20240301-0001', channel: '12345', code: CODE_A, category: 'food_safety' },
  { clue_id: 'online-20240305-0002', channel: 'online', code: CODE_A, category: 'price' },
  { clue_id: 'GRID-20240310-0042', channel: 'grid', code: CODE_B, category: 'fire_safety' },
  { clue_id: '12345-20240311-0007', channel: '12345', code: CODE_B, category: 'labour' },
];
const IDS = CLUES.map((c) => c.clue_id);
const GROUNDS = '这条投诉说的是隔壁同名门店，与本企业无关。';

/**
 * Complainants protected (举报人信息保密) over the real intake, oversight and web gateway on
 * PostgreSQL and NATS: an enterprise sees and names its complaints by a reference of its own, never
 * the Platform B id; an appeal naming a reference is decided and corrected on the right clue; officers
 * see the id beside the reference; an appeal filed with a raw id before references still works.
 */
describe("an enterprise knows its complaints by references of its own, never by the platform's ids", () => {
  let oversight: OversightHarness;
  let intake: { app: NestExpressApplication; baseUrl: string };
  let web: WebHarness;
  let nc: NatsConnection;
  const cookies = {} as Record<Caller, string>;

  beforeAll(async () => {
    oversight = await startOversight(); // sets DATABASE_URL and NATS_URL: intake shares both
    intake = await listenTestApp(IntakeModule);
    process.env.PORT_OVERSIGHT = new URL(oversight.baseUrl).port;
    process.env.PORT_INTAKE = new URL(intake.baseUrl).port;
    web = await startWeb();
    const accounts = web.app.get(AccountsService);
    await accounts.create({ username: 'ent', password: TEST_PASSWORD, role: 'enterprise', creditCode: CODE_A });
    await accounts.create({ username: 'ent-b', password: TEST_PASSWORD, role: 'enterprise', creditCode: CODE_B });
    await accounts.create({ username: 'overseer', password: TEST_PASSWORD, role: 'oversight' });
    // An enterprise intake holds no file of.
    await accounts.create({ username: 'ent-none', password: TEST_PASSWORD, role: 'enterprise', creditCode: CODE_NONE });
    for (const username of ['ent', 'ent-b', 'ent-none', 'overseer'] as const) cookies[username] = await signIn(web.baseUrl, username);

    const csv = readFileSync(join(__dirname, '../../../../shared/contracts/samples/subjects.csv'), 'utf8').split('\n').slice(0, 3).join('\n');
    expect(await (await post(`${intake.baseUrl}/api/exports/subjects`, csv, 'text/csv')).json()).toMatchObject({ inserted: 2 });
    const clues = CLUES.map(({ clue_id, channel, code, category }, n) => ({
      clue_id,
      channel,
      received_at: `2024-03-0${n + 1}T09:15:00+08:00`,
      credit_code: code,
      category,
      department: 'SAMR',
      verified: true,
      status: 'closed',
      updated_at: '2024-03-20T17:00:00+08:00',
    }));
    expect(await (await post(`${intake.baseUrl}/api/clues`, JSON.stringify(clues))).json()).toMatchObject({ inserted: 4 });

    nc = await connect({ servers: oversight.nats.url });
    const scores = [CODE_A, CODE_B].map((creditCode, n) => ({ ...sampleScore(n + 1), creditCode, colour: 'yellow' as const }));
    await jetstream(nc).publish(ScoringSubjects.scoresComputed, JSON.stringify({ batchId: 'clue-ref-scores', scores }));
    for (const code of [CODE_A, CODE_B]) {
      await eventually(async () => (await call<{ score: unknown }>('GET', `/api/reviews/enterprises/${code}`, 'overseer')).body.score, `score of ${code}`);
    }
  }, 90_000);

  afterAll(async () => {
    await nc?.close();
    await web?.close();
    await intake?.app.close();
    await oversight?.close();
    delete process.env.PORT_OVERSIGHT;
    delete process.env.PORT_INTAKE;
  });

  function post(url: string, body: string, type = 'application/json') {
    return fetch(url, { method: 'POST', headers: { 'content-type': type }, body });
  }

  /** A call through the web gateway as a signed-in account; `text` is the answer as sent, to scan whole. */
  async function call<T = Json>(method: string, path: string, caller: Caller, body?: unknown): Promise<{ status: number; body: T; text: string }> {
    const headers: Record<string, string> = { 'content-type': 'application/json', cookie: cookies[caller] };
    const response = await fetch(`${web.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) as T, text };
  }

  /** Every answer an enterprise reads about its complaints and appeal; none may hold any clue id. */
  async function enterpriseAnswers(caller: 'ent' | 'ent-b', code: string, appealId: string) {
    const answers: { status: number; body: unknown; text: string }[] = [
      await call('GET', `/api/enterprises/${code}`, caller),
      await call('GET', `/api/reviews/enterprises/${code}`, caller),
      await call<AppealView>('GET', `/api/appeals/${appealId}`, caller),
    ];
    const appeal = answers[2].body as AppealView;
    for (const step of appeal.steps.filter((s) => s.auditSeq !== null)) {
      answers.push(await call('GET', `/api/appeals/${appealId}/receipts/${step.auditSeq}`, caller));
    }
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      for (const id of IDS) expect(answer.text).not.toContain(id);
    }
    return answers;
  }

  /** The references the enterprise's file shows, by category. */
  async function refsOf(caller: 'ent' | 'ent-b', code: string): Promise<Record<string, string>> {
    const file = await call<{ clues: { ref: string; category: string }[] }>('GET', `/api/enterprises/${code}`, caller);
    expect(file.status).toBe(200);
    return Object.fromEntries(file.body.clues.map((c) => [c.category, c.ref]));
  }

  /** The ids of the appeals filed for an enterprise, as oversight lists them. */
  async function appealsOf(code: string): Promise<string[]> {
    return (await call<{ items: { id: string }[] }>('GET', `/api/appeals?creditCode=${code}`, 'overseer')).body.items.map((a) => a.id);
  }

  async function decideAndWaitForIntake(appealId: string, corrections: object[], reasons: string) {
    expect((await call('POST', `/api/appeals/${appealId}/claim`, 'overseer')).status).toBe(200);
    const decided = await call<AppealView>('POST', `/api/appeals/${appealId}/decision`, 'overseer', { outcome: 'corrected', reasons, corrections });
    expect(decided.status).toBe(200);
    return eventually(async () => {
      const appeal = (await call<AppealView>('GET', `/api/appeals/${appealId}`, 'overseer')).body;
      return appeal.steps.find((s) => s.step === 'corrections-applied') ? appeal : null;
    }, 'intake to acknowledge the corrections');
  }

  it("shows the reviewer each challenged record as the enterprise's file had it, and refuses a case not in that file", async () => {
    const cases = readFileSync(join(__dirname, '../../../../shared/contracts/samples/cases.csv'), 'utf8');
    expect(await (await post(`${intake.baseUrl}/api/exports/cases`, cases, 'text/csv')).json()).toMatchObject({ inserted: expect.any(Number) });
    const file = (await call<{ cases: { caseNo: string; date: string; violation: string }[] }>('GET', `/api/enterprises/${CODE_A}`, 'ent')).body;
    const own = file.cases.find((c) => c.caseNo === 'FS-SAMR-2024-000101')!;
    expect(own).toMatchObject({ date: '2024-03-12', violation: '从业人员未取得健康证明' });
    const refs = await refsOf('ent', CODE_A);
    const filedBefore = await appealsOf(CODE_A);

    // Another enterprise's case, or a number in no file, names nothing of this enterprise's: refused, nothing filed.
    for (const recordId of ['FS-SAMR-2024-000102', 'FS-SAMR-2099-000001']) {
      const refused = await call<{ message: string }>('POST', '/api/appeals', 'ent', {
        creditCode: CODE_A,
        grounds: GROUNDS,
        challenges: [{ kind: 'case', recordId, claim: '已整改完毕' }],
      });
      expect([refused.status, refused.body.message]).toEqual([400, `no case numbered "${recordId}" in your file: name a case by the number your file shows`]);
    }
    expect(await appealsOf(CODE_A)).toEqual(filedBefore);

    // A record sent along with the filing is not what is kept: the file's is.
    const filed = await call<AppealView>('POST', '/api/appeals', 'ent', {
      creditCode: CODE_A,
      grounds: GROUNDS,
      challenges: [
        { kind: 'case', recordId: 'FS-SAMR-2024-000101', claim: '已当场整改，健康证已补办', record: { result: 'none', violationFound: false } },
        { kind: 'clue', ref: refs.price, claim: '投诉对象不是本企业' },
      ],
    });
    expect(filed.status).toBe(201);
    const caseFacts = {
      date: '2024-03-12',
      department: 'SAMR',
      kind: '检查',
      origin: '双随机',
      result: '责令整改',
      violation: '从业人员未取得健康证明',
      violationFound: true,
      penaltyYuan: 0,
    };
    const clueFacts = { receivedOn: '2024-03-02', category: 'price', department: 'SAMR', verified: true, status: 'closed' };
    const forOfficer = (await call<AppealView>('GET', `/api/appeals/${filed.body.id}`, 'overseer')).body;
    expect(forOfficer.challenges).toEqual([
      { kind: 'case', recordId: 'FS-SAMR-2024-000101', claim: '已当场整改，健康证已补办', record: caseFacts },
      { kind: 'clue', recordId: 'online-20240305-0002', ref: refs.price, claim: '投诉对象不是本企业', record: clueFacts },
    ]);
    // The enterprise reads the same facts, and still no clue id, channel or hour.
    const forEnterprise = await call<AppealView>('GET', `/api/appeals/${filed.body.id}`, 'ent');
    expect(forEnterprise.body.challenges.map((c) => c.record)).toEqual([caseFacts, clueFacts]);
    for (const hint of ['online-20240305-0002', 'channel', 'receivedAt']) expect(forEnterprise.text).not.toContain(hint);

    const withdrawn = await call('POST', `/api/appeals/${filed.body.id}/withdrawal`, 'ent', { reason: '先与执法部门沟通' });
    expect(withdrawn.status).toBe(200);

    // An enterprise intake holds no file of has no record to challenge, and is told so.
    const fileless = await call<{ message: string }>('POST', '/api/appeals', 'ent-none', {
      creditCode: CODE_NONE,
      grounds: GROUNDS,
      challenges: [{ kind: 'case', recordId: 'FS-SAMR-2024-000101', claim: '已整改完毕' }],
    });
    expect([fileless.status, fileless.body.message]).toEqual([400, 'intake holds no file of your enterprise, so no record of it can be challenged']);
  });

  it('files an appeal naming a reference, decided by an officer who sees the id, corrected by intake on the right clue', async () => {
    const refs = await refsOf('ent', CODE_A);
    const filedBefore = await appealsOf(CODE_A);
    expect(Object.values(refs)).toHaveLength(2);
    for (const ref of Object.values(refs)) expect(ref).toMatch(CLUE_REF_SHAPE);
    expect(await refsOf('ent', CODE_A)).toEqual(refs); // the same on every visit

    // An id, a guessed id as a reference, or another enterprise's reference names nothing: refused alike, nothing filed.
    const refsOfB = await refsOf('ent-b', CODE_B);
    for (const challenge of [
      { kind: 'clue', recordId: '12345-20240301-0001', claim: '不是本企业' },
      { kind: 'clue', ref: '12345-20240301-0001', claim: '不是本企业' },
      { kind: 'clue', ref: refsOfB.fire_safety, claim: '不是本企业' },
    ]) {
      const refused = await call<{ message: string }>('POST', '/api/appeals', 'ent', { creditCode: CODE_A, grounds: GROUNDS, challenges: [challenge] });
      expect(refused.status).toBe(400);
      expect(refused.text).not.toContain('GRID-20240310-0042');
    }
    expect(await appealsOf(CODE_A)).toEqual(filedBefore);

    const filed = await call<AppealView>('POST', '/api/appeals', 'ent', {
      creditCode: CODE_A,
      grounds: GROUNDS,
      challenges: [{ kind: 'clue', ref: refs.food_safety.toLowerCase(), claim: '投诉对象不是本企业' }],
    });
    expect(filed.status).toBe(201);
    for (const id of IDS) expect(filed.text).not.toContain(id);
    const facts = { receivedOn: '2024-03-01', category: 'food_safety', department: 'SAMR', verified: true, status: 'closed' };
    expect(filed.body.challenges).toEqual([{ kind: 'clue', ref: refs.food_safety, claim: '投诉对象不是本企业', record: facts }]);

    // The officer sees the real id beside the reference the enterprise named.
    const forOfficer = (await call<AppealView>('GET', `/api/appeals/${filed.body.id}`, 'overseer')).body;
    expect(forOfficer.challenges).toEqual([
      { kind: 'clue', recordId: '12345-20240301-0001', ref: refs.food_safety, claim: '投诉对象不是本企业', record: facts },
    ]);

    const closed = await decideAndWaitForIntake(
      filed.body.id,
      [{ kind: 'clue', recordId: '12345-20240301-0001', action: 'unlink' }],
      '经核实，线索 12345-20240301-0001 所述门店并非本企业，予以解除关联。',
    );
    const verdicts = closed.steps.find((s) => s.step === 'corrections-applied')!.detail.verdicts;
    expect(verdicts).toEqual([{ kind: 'clue', recordId: '12345-20240301-0001', ref: refs.food_safety, action: 'unlink', status: 'applied', reason: null }]);
    const [clue] = await oversight.dataSource.query(`SELECT link_method, linked_credit_code FROM intake.clues WHERE clue_id = '12345-20240301-0001'`);
    expect(clue).toEqual({ link_method: 'unlinked_on_appeal', linked_credit_code: null });
    const [other] = await oversight.dataSource.query(`SELECT linked_credit_code FROM intake.clues WHERE clue_id = 'online-20240305-0002'`);
    expect(other.linked_credit_code).toBe(CODE_A);

    // Everything the enterprise reads afterwards names the complaint by its reference; receipts verify.
    const answers = await enterpriseAnswers('ent', CODE_A, filed.body.id);
    const appeal = answers[2].body as AppealView;
    expect(appeal.decisionReasons).toBe(`经核实，线索 ${refs.food_safety} 所述门店并非本企业，予以解除关联。`);
    expect((answers[0].body as { cluesUnlinkedOnAppeal: Json[] }).cluesUnlinkedOnAppeal).toEqual([
      expect.objectContaining({ ref: refs.food_safety, appealId: filed.body.id }),
    ]);
    const { publicKeyPem } = (await (await fetch(`${web.baseUrl}/api/audit/public-key`)).json()) as { publicKeyPem: string };
    for (const receipt of answers.slice(3)) expect(verifyReceipt(receipt.body as unknown as Receipt, publicKeyPem)).toEqual({ ok: true });
    const filedEntry = JSON.parse((answers[3].body as unknown as Receipt).entry.bodyJson).data;
    expect(filedEntry.challenges).toEqual([{ kind: 'clue', ref: refs.food_safety, claimSha256: expect.any(String) }]);
  });

  it('keeps an appeal filed with a raw clue id before references working: shown by reference, decided and applied to that clue', async () => {
    const refs = await refsOf('ent-b', CODE_B);
    // As it was filed before references: straight to oversight, naming the id.
    const old = await post(
      `${oversight.baseUrl}/api/appeals`,
      JSON.stringify({
        actor: 'ent-b',
        creditCode: CODE_B,
        grounds: GROUNDS,
        challenges: [{ kind: 'clue', recordId: '12345-20240311-0007', claim: '投诉内容不属实' }],
      }),
    );
    expect(old.status).toBe(201);
    const id = ((await old.json()) as AppealView).id;
    const seen = await call<AppealView>('GET', `/api/appeals/${id}`, 'ent-b');
    expect(seen.body.challenges).toEqual([{ kind: 'clue', ref: refs.labour, claim: '投诉内容不属实' }]);

    await decideAndWaitForIntake(id, [{ kind: 'clue', recordId: '12345-20240311-0007', action: 'mark-false' }], '经复核，该投诉不属实。');
    const [clue] = await oversight.dataSource.query(`SELECT verified, linked_credit_code FROM intake.clues WHERE clue_id = '12345-20240311-0007'`);
    expect(clue).toEqual({ verified: false, linked_credit_code: CODE_B });
    await enterpriseAnswers('ent-b', CODE_B, id);
  });
});
