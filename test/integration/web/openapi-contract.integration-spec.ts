import { createHash } from 'node:crypto';
import { pollUntil } from '@tianping/common';
import { DocumentedClient, type Answer } from './openapi-contract.harness';
import { DEMO_PASSWORD, startSuite, type RunningSuite } from './suite-process.harness';

type Json = Record<string, unknown>;

/** A day `offset` days from today, China time. */
const chinaDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const OK = (status: number) => ({ status, ok: true });

/**
 * The document a third-party client is written against, held to the real suite: the answers of the
 * operations outside clients rely on are validated against the schemas /api/openapi.json gives, and
 * bodies the document calls valid are sent to the services, which must take them.
 */
describe('the OpenAPI document, against the running suite', () => {
  let suite: RunningSuite;
  let client: DocumentedClient;
  let own = '';
  /** The documented example of a route's request body. */
  const example = (key: string) => {
    const [method, path] = key.split(' ');
    const op = (client.document.paths as Record<string, Record<string, Json>>)[path][method.toLowerCase()];
    return (op.requestBody as { content: Record<string, { schema: { example: Json } }> }).content['application/json'].schema.example;
  };
  /** Sends a body the schema calls valid; the service must take it. */
  async function sendValid(who: string, method: string, path: string, url: string, body: unknown): Promise<Answer> {
    expect(client.checkBody(method, path, body)).toEqual({ ok: true });
    const answer = await client.call(who, method, url, body);
    expect({ url, status: answer.status < 300 ? 'accepted' : answer.status, body: answer.status < 300 ? null : answer.body }).toEqual({
      url,
      status: 'accepted',
      body: null,
    });
    return answer;
  }

  /**
   * The demo's past fortnight gave 10-day deadlines: the first done visit whose order to rectify is still open (the
   * tracking list leaves out those re-inspected since, which the demo of another day may have), as it stands now.
   */
  async function orderedVisit(): Promise<{ id: string; creditCode: string; rectifyBy: string | null }> {
    const open = (await client.call('demo-dispatcher', 'GET', '/api/follow-ups?status=all&limit=2000')).body as {
      rows: { source: string; visitId: string | null }[];
    };
    const row = open.rows.find((r) => r.source === 'visit' && r.visitId);
    expect(row).toBeDefined();
    const ordered = (await client.call('demo-dispatcher', 'GET', `/api/visits/${row!.visitId}`)).body as {
      id: string;
      creditCode: string;
      rectifyBy: string | null;
    };
    expect(ordered.rectifyBy).toBeTruthy();
    return ordered;
  }

  beforeAll(async () => {
    suite = await startSuite(280_000);
    client = await DocumentedClient.open(suite.webUrl);
    for (const who of ['demo-enterprise', 'demo-samr', 'demo-dispatcher', 'demo-oversight', 'demo-admin']) await client.signIn(who);
    own = ((await client.call('demo-enterprise', 'GET', '/api/auth/me')).body as { creditCode: string }).creditCode;
  }, 300_000);
  afterAll(async () => {
    await suite?.stop();
  }, 60_000);

  it('refuses an answer that drifts from it: a field dropped, one added, a colour it does not name', async () => {
    const answer = await client.call('demo-enterprise', 'GET', `/api/scores/${own}`);
    expect(client.checkAnswer('GET', '/api/scores/{creditCode}', answer)).toEqual(OK(200));
    const score = answer.body as Json;
    const { probability: _dropped, ...without } = score;
    for (const drifted of [without, { ...score, legalRepName: '张三' }, { ...score, colour: 'orange' }]) {
      expect(client.checkAnswer('GET', '/api/scores/{creditCode}', { status: 200, body: drifted }).ok).toBe(false);
    }
  });

  it("describes the enterprise's own score, its colour in effect with the decisions, and its visits", async () => {
    const review = await client.call('demo-enterprise', 'GET', `/api/reviews/enterprises/${own}`);
    expect(client.checkAnswer('GET', '/api/reviews/enterprises/{creditCode}', review)).toEqual(OK(200));
    const history = await client.call('demo-enterprise', 'GET', `/api/scores/${own}/history`);
    expect(client.checkAnswer('GET', '/api/scores/{creditCode}/history', history)).toEqual(OK(200));
    const asBureau = await client.call('demo-dispatcher', 'GET', `/api/reviews/enterprises/${own}`);
    expect(client.checkAnswer('GET', '/api/reviews/enterprises/{creditCode}', asBureau)).toEqual(OK(200));
    const reds = await client.call('demo-dispatcher', 'GET', '/api/reviews/reds');
    expect(client.checkAnswer('GET', '/api/reviews/reds', reds)).toEqual(OK(200));
    const visits = await client.call('demo-enterprise', 'GET', `/api/enterprises/${own}/visits`);
    expect(client.checkAnswer('GET', '/api/enterprises/{creditCode}/visits', visits)).toEqual(OK(200));
  });

  it('describes enterprises by risk, the plans, their visits, and a new draw', async () => {
    const risk = await client.call('demo-dispatcher', 'GET', '/api/scores?order=risk&limit=50');
    expect(client.checkAnswer('GET', '/api/scores', risk)).toEqual(OK(200));
    expect((risk.body as { scores: unknown[] }).scores).toHaveLength(50);
    const draws = await client.call('demo-dispatcher', 'GET', '/api/draws');
    expect(client.checkAnswer('GET', '/api/draws', draws)).toEqual(OK(200));
    const [plan] = draws.body as { id: string }[];
    expect(client.checkAnswer('GET', '/api/draws/{id}', await client.call('demo-dispatcher', 'GET', `/api/draws/${plan.id}`))).toEqual(OK(200));
    const samr = await client.call('demo-dispatcher', 'GET', `/api/draws/${plan.id}/tasks?department=SAMR`);
    expect(client.checkAnswer('GET', '/api/draws/{id}/tasks', samr)).toEqual(OK(200));
    expect((samr.body as unknown[]).length).toBeGreaterThan(0);
    const visits = await client.call('demo-dispatcher', 'GET', `/api/visits?draw=${plan.id}&limit=2000`);
    expect(client.checkAnswer('GET', '/api/visits', visits)).toEqual(OK(200));
    const all = visits.body as { id: string; creditCode: string; noticeAllowed: boolean }[];
    expect(client.checkAnswer('GET', '/api/visits/{id}', await client.call('demo-dispatcher', 'GET', `/api/visits/${all[0].id}`))).toEqual(OK(200));
    // An enterprise told of its visit in advance: the list it reads is not empty.
    const told = all.find((v) => v.noticeAllowed)!;
    const notice = await client.call('demo-dispatcher', 'GET', `/api/enterprises/${told.creditCode}/visits`);
    expect(client.checkAnswer('GET', '/api/enterprises/{creditCode}/visits', notice)).toEqual(OK(200));
    expect(notice.body).not.toEqual([]);
    const window = { ...example('POST /api/draws'), from: chinaDay(28), to: chinaDay(39) };
    const drawn = await sendValid('demo-dispatcher', 'POST', '/api/draws', '/api/draws', window);
    expect(client.checkAnswer('POST', '/api/draws', drawn)).toEqual(OK(201));
  });

  it('describes an appeal as filed, as it stands and as withdrawn, and the service takes the bodies it calls valid', async () => {
    // Oversight learns of scores over NATS: an appeal is taken once it holds the enterprise's score.
    await pollUntil(
      () => client.call('demo-enterprise', 'GET', `/api/reviews/enterprises/${own}`),
      (review) => Boolean((review.body as { score?: unknown }).score),
      (review) => new Error(`oversight holds no score of ${own}: ${JSON.stringify(review.body).slice(0, 300)}`),
      { timeoutMs: 120_000, intervalMs: 500 },
    );
    const file = (await client.call('demo-enterprise', 'GET', `/api/enterprises/${own}`)).body as { clues: { ref: string }[]; cases: { caseNo: string }[] };
    const challenges = [
      ...file.clues.slice(0, 1).map((c) => ({ kind: 'clue', ref: c.ref, claim: '不是本企业' })),
      ...file.cases.slice(0, 1).map((c) => ({ kind: 'case', recordId: c.caseNo, claim: '已整改' })),
    ];
    const filing = { ...example('POST /api/appeals'), creditCode: own, challenges };
    const filed = await sendValid('demo-enterprise', 'POST', '/api/appeals', '/api/appeals', filing);
    expect(client.checkAnswer('POST', '/api/appeals', filed)).toEqual(OK(201));
    const id = (filed.body as { id: string }).id;
    expect(client.checkAnswer('GET', '/api/appeals/{id}', await client.call('demo-enterprise', 'GET', `/api/appeals/${id}`))).toEqual(OK(200));
    const oversight = await client.call('demo-oversight', 'GET', `/api/appeals/${id}`);
    expect(client.checkAnswer('GET', '/api/appeals/{id}', oversight)).toEqual(OK(200));
    const path = '/api/appeals/{id}/withdrawal';
    const withdrawn = await sendValid('demo-enterprise', 'POST', path, `/api/appeals/${id}/withdrawal`, example(`POST ${path}`));
    expect(client.checkAnswer('POST', path, withdrawn)).toEqual(OK(200));
    expect((withdrawn.body as { status: string }).status).toBe('withdrawn');
  });

  it('describes published audit reports, which carry the public copy and never the full report', async () => {
    const run = await sendValid('demo-oversight', 'POST', '/api/audits/reports', '/api/audits/reports', {});
    const { id, sha256: full } = run.body as { id: string; sha256: string };
    await sendValid('demo-oversight', 'POST', '/api/audits/reports/{id}/publish', `/api/audits/reports/${id}/publish`, {});
    expect(client.checkAnswer('GET', '/api/public/audit-reports', await client.call(null, 'GET', '/api/public/audit-reports'))).toEqual(OK(200));
    const published = await client.call(null, 'GET', `/api/public/audit-reports/${id}`);
    expect(client.checkAnswer('GET', '/api/public/audit-reports/{id}', published)).toEqual(OK(200));
    // Nothing in the public answer is the full report (whose small groups the copy withholds), however named.
    const texts = Object.values(published.body as Json).filter((v): v is string => typeof v === 'string');
    expect(texts.map((t) => createHash('sha256').update(t).digest('hex'))).not.toContain(full);
  });

  it('describes what anyone may read of the random inspections: plans by their scope, and recorded results with names', async () => {
    const plans = await client.call(null, 'GET', '/api/public/inspection-plans');
    expect(client.checkAnswer('GET', '/api/public/inspection-plans', plans)).toEqual(OK(200));
    expect((plans.body as unknown[]).length).toBeGreaterThan(0);
    // The demo's past fortnight is recorded; a visit of today's plan (not on a weekend) gets its results too, and comes first.
    const due = (await client.call('demo-dispatcher', 'GET', `/api/visits?from=${chinaDay(0)}&to=${chinaDay(0)}&status=scheduled&limit=1`)).body as {
      id: string;
    }[];
    for (const visit of due) {
      const detail = (await client.call('demo-dispatcher', 'GET', `/api/visits/${visit.id}`)).body as { checklist: { items: string[] }[] };
      const items = detail.checklist.flatMap((c) => c.items).map((item) => ({ item, result: '未发现问题' }));
      expect((await client.call('demo-dispatcher', 'POST', `/api/visits/${visit.id}/results`, { items })).status).toBe(201);
    }
    const results = await client.call(null, 'GET', '/api/public/inspection-results?limit=10');
    expect(client.checkAnswer('GET', '/api/public/inspection-results', results)).toEqual(OK(200));
    const shown = (results.body as { results: { date: string }[] }).results;
    expect(shown).toHaveLength(10);
    if (due.length > 0) expect(shown[0].date).toBe(chinaDay(0));
  });

  it("describes ingest runs and the quarantine, and a discard, a whole load's discard and a replay the document calls valid are taken", async () => {
    expect(client.checkAnswer('GET', '/api/ingest-runs', await client.call('demo-admin', 'GET', '/api/ingest-runs'))).toEqual(OK(200));
    const held = await client.call('demo-admin', 'GET', '/api/quarantine?limit=500');
    expect(client.checkAnswer('GET', '/api/quarantine', held)).toEqual(OK(200));
    const summary = await client.call('demo-admin', 'GET', '/api/quarantine/summary');
    expect(client.checkAnswer('GET', '/api/quarantine/summary', summary)).toEqual(OK(200));
    const [first, second] = held.body as { id: number }[];
    expect(client.checkAnswer('GET', '/api/quarantine/{id}', await client.call('demo-admin', 'GET', `/api/quarantine/${first.id}`))).toEqual(OK(200));
    const replayed = await sendValid('demo-admin', 'POST', '/api/quarantine/{id}/replay', `/api/quarantine/${first.id}/replay`, { corrections: {} });
    expect(client.checkAnswer('POST', '/api/quarantine/{id}/replay', replayed)).toEqual(OK(200));
    const discard = example('POST /api/quarantine/{id}/discard');
    await sendValid('demo-admin', 'POST', '/api/quarantine/{id}/discard', `/api/quarantine/${second.id}/discard`, discard);
    // A whole load: the one with the fewest open records the summary lists.
    const runs = (summary.body as { openRuns: { runId: string }[] }).openRuns;
    expect(runs.length).toBeGreaterThan(0);
    const body = { runId: runs[runs.length - 1].runId, reason: '测试文件误导入' };
    const discardedAll = await sendValid('demo-admin', 'POST', '/api/quarantine/discard', '/api/quarantine/discard', body);
    expect(client.checkAnswer('POST', '/api/quarantine/discard', discardedAll)).toEqual(OK(200));
  });

  it('takes the documented examples of naming a checklist item and of suspending and resuming the model', async () => {
    const item = '/api/checklist-items/{item}';
    await sendValid('demo-dispatcher', 'PUT', item, '/api/checklist-items/FIRE-01', example(`PUT ${item}`));
    await sendValid('demo-oversight', 'POST', '/api/kill-switch/suspend', '/api/kill-switch/suspend', example('POST /api/kill-switch/suspend'));
    await sendValid('demo-oversight', 'POST', '/api/kill-switch/resume', '/api/kill-switch/resume', example('POST /api/kill-switch/resume'));
  });

  it("takes an officer's documented declaration of a conflict of interest, and describes the list with and without reasons", async () => {
    const officerId = ((await client.call('demo-samr', 'GET', '/api/auth/me')).body as { officerId: string }).officerId;
    const declaration = example('POST /api/conflicts');
    await sendValid('demo-samr', 'POST', '/api/conflicts', '/api/conflicts', declaration);
    const listed = await client.call('demo-dispatcher', 'GET', '/api/conflicts');
    expect(client.checkAnswer('GET', '/api/conflicts', listed)).toEqual(OK(200));
    expect(listed.body).toEqual([
      expect.objectContaining({ officerId, creditCode: declaration.creditCode, reason: declaration.reason, declaredBy: 'demo-samr' }),
    ]);
    expect(client.checkAnswer('GET', '/api/conflicts', await client.call('demo-oversight', 'GET', '/api/conflicts'))).toEqual(OK(200));
    expect((await client.call('demo-dispatcher', 'DELETE', `/api/conflicts/${officerId}/${declaration.creditCode as string}`)).status).toBe(200);
  });

  it('describes the officers register, and takes the documented absence for a demo officer, lists it, proposes and confirms its replacements, and withdraws it', async () => {
    const register = await client.call('demo-dispatcher', 'GET', '/api/officers');
    expect(client.checkAnswer('GET', '/api/officers', register)).toEqual(OK(200));
    const officerId = ((await client.call('demo-samr', 'GET', '/api/auth/me')).body as { officerId: string }).officerId;
    const body = { ...example('POST /api/absences'), officerId, from: chinaDay(60), to: chinaDay(62) };
    const added = await sendValid('demo-dispatcher', 'POST', '/api/absences', '/api/absences', body);
    expect(client.checkAnswer('POST', '/api/absences', added)).toEqual(OK(201));
    const listed = await client.call('demo-oversight', 'GET', `/api/absences?officer=${officerId}`);
    expect(client.checkAnswer('GET', '/api/absences', listed)).toEqual(OK(200));
    // Nothing scheduled so far ahead: the proposal is empty, and confirming it (as the example, with no day) changes nothing.
    const replacements = `/api/absences/${(added.body as { id: string }).id}/replacements`;
    const confirmed = await sendValid('demo-dispatcher', 'POST', '/api/absences/{id}/replacements', replacements, {
      ...example('POST /api/absences/{id}/replacements'),
      days: [],
    });
    expect(client.checkAnswer('POST', '/api/absences/{id}/replacements', confirmed)).toEqual(OK(201));
    expect((await client.call('demo-dispatcher', 'DELETE', `/api/absences/${(added.body as { id: string }).id}`)).status).toBe(200);
    // The fortnight ahead of the demo's plan: a proposal with days, visits and a replacement, read and not applied.
    const soon = await client.call('demo-dispatcher', 'POST', '/api/absences', { ...body, from: chinaDay(0), to: chinaDay(13) });
    const proposal = await client.call('demo-dispatcher', 'GET', `/api/absences/${(soon.body as { id: string }).id}/replacements`);
    expect(client.checkAnswer('GET', '/api/absences/{id}/replacements', proposal)).toEqual(OK(200));
    expect((await client.call('demo-dispatcher', 'DELETE', `/api/absences/${(soon.body as { id: string }).id}`)).status).toBe(200);
  });

  it("takes the documented extension of a past visit's rectification deadline, and describes the extensions with and without reasons", async () => {
    const ordered = await orderedVisit();
    const later = new Date(Date.parse(`${ordered!.rectifyBy}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const path = '/api/visits/{id}/rectification-extensions';
    const url = `/api/visits/${ordered!.id}/rectification-extensions`;
    const extended = await sendValid('demo-dispatcher', 'POST', path, url, { ...example(`POST ${path}`), rectifyBy: later });
    expect(client.checkAnswer('POST', path, extended)).toEqual(OK(201));
    expect(client.checkAnswer('GET', path, await client.call('demo-dispatcher', 'GET', url))).toEqual(OK(200));
    const overseen = await client.call('demo-oversight', 'GET', url);
    expect(client.checkAnswer('GET', path, overseen)).toEqual(OK(200));
    expect(overseen.body).toEqual([expect.not.objectContaining({ reason: expect.anything() })]);
  });

  it("describes the tracked orders to rectify, and takes the documented extension of a platform case's deadline", async () => {
    const listed = await client.call('demo-dispatcher', 'GET', '/api/follow-ups?status=all&limit=2000');
    expect(client.checkAnswer('GET', '/api/follow-ups', listed)).toEqual(OK(200));
    expect(client.checkAnswer('GET', '/api/follow-ups', await client.call('demo-samr', 'GET', '/api/follow-ups?status=due'))).toEqual(OK(200));
    const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    type Row = { source: string; inspectionRef: string; inspectedOn: string; rectifyBy: string };
    // A platform case whose deadline may still move a week: within 180 days of its inspection.
    const order = (listed.body as { rows: Row[] }).rows.find((r) => r.source === 'case' && plusDays(r.rectifyBy, 7) <= plusDays(r.inspectedOn, 180));
    expect(order).toBeDefined();
    const path = '/api/cases/{caseNo}/rectification-extensions';
    const url = `/api/cases/${encodeURIComponent(order!.inspectionRef)}/rectification-extensions`;
    const extended = await sendValid('demo-dispatcher', 'POST', path, url, { ...example(`POST ${path}`), rectifyBy: plusDays(order!.rectifyBy, 7) });
    expect(client.checkAnswer('POST', path, extended)).toEqual(OK(201));
    expect(client.checkAnswer('GET', path, await client.call('demo-dispatcher', 'GET', url))).toEqual(OK(200));
    const overseen = await client.call('demo-oversight', 'GET', url);
    expect(client.checkAnswer('GET', path, overseen)).toEqual(OK(200));
    expect((overseen.body as { extensions: Json[] }).extensions).toEqual([expect.not.objectContaining({ reason: expect.anything() })]);
  });

  it('takes the documented application for more time from the enterprise of the visit, lists it, and the documented grant', async () => {
    const ordered = await orderedVisit();
    const account = { username: 'contract-applicant', password: DEMO_PASSWORD, role: 'enterprise', creditCode: ordered.creditCode };
    expect((await client.call('demo-admin', 'POST', '/api/accounts', account)).status).toBe(201);
    await client.signIn('contract-applicant');
    const later = new Date(Date.parse(`${ordered.rectifyBy}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
    const path = '/api/visits/{id}/rectification-applications';
    const url = `/api/visits/${ordered.id}/rectification-applications`;
    const applied = await sendValid('contract-applicant', 'POST', path, url, { ...example(`POST ${path}`), rectifyBy: later });
    expect(client.checkAnswer('POST', path, applied)).toEqual(OK(201));
    expect(client.checkAnswer('GET', path, await client.call('contract-applicant', 'GET', url))).toEqual(OK(200));
    const queue = await client.call('demo-dispatcher', 'GET', '/api/rectification-applications?status=pending');
    expect(client.checkAnswer('GET', '/api/rectification-applications', queue)).toEqual(OK(200));
    expect(queue.body).toEqual([expect.objectContaining({ visitId: ordered.id, status: 'pending' })]);
    const decision = `${path}/{applicationId}/decision`;
    const id = (applied.body as { id: string }).id;
    const granted = await sendValid('demo-dispatcher', 'POST', decision, `${url}/${id}/decision`, example(`POST ${decision}`));
    expect(client.checkAnswer('POST', decision, granted)).toEqual(OK(200));
    expect(granted.body).toMatchObject({ status: 'granted', currentRectifyBy: later });
  });

  it("takes the documented application for more time on a platform case's order from its enterprise, lists it, and the documented grant", async () => {
    const plusDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    type Row = { source: string; creditCode: string; inspectionRef: string; inspectedOn: string; rectifyBy: string };
    const listed = await client.call('demo-dispatcher', 'GET', '/api/follow-ups?status=all&limit=2000');
    const order = (listed.body as { rows: Row[] }).rows.find((r) => r.source === 'case' && plusDays(r.rectifyBy, 7) <= plusDays(r.inspectedOn, 180));
    expect(order).toBeDefined();
    const account = { username: 'contract-case-applicant', password: DEMO_PASSWORD, role: 'enterprise', creditCode: order!.creditCode };
    expect((await client.call('demo-admin', 'POST', '/api/accounts', account)).status).toBe(201);
    await client.signIn('contract-case-applicant');
    const orders = await client.call('contract-case-applicant', 'GET', `/api/enterprises/${order!.creditCode}/case-orders`);
    expect(client.checkAnswer('GET', '/api/enterprises/{creditCode}/case-orders', orders)).toEqual(OK(200));
    expect(orders.body).toEqual(expect.arrayContaining([expect.objectContaining({ caseNo: order!.inspectionRef, rectifyBy: order!.rectifyBy })]));
    const later = plusDays(order!.rectifyBy, 7);
    const path = '/api/cases/{caseNo}/rectification-applications';
    const url = `/api/cases/${encodeURIComponent(order!.inspectionRef)}/rectification-applications`;
    const applied = await sendValid('contract-case-applicant', 'POST', path, url, { ...example(`POST ${path}`), rectifyBy: later });
    expect(client.checkAnswer('POST', path, applied)).toEqual(OK(201));
    expect(client.checkAnswer('GET', path, await client.call('contract-case-applicant', 'GET', url))).toEqual(OK(200));
    expect(client.checkAnswer('GET', path, await client.call('demo-oversight', 'GET', url))).toEqual(OK(200));
    const queue = await client.call('demo-dispatcher', 'GET', '/api/rectification-applications?status=pending');
    expect(client.checkAnswer('GET', '/api/rectification-applications', queue)).toEqual(OK(200));
    expect(queue.body).toEqual([expect.objectContaining({ source: 'case', caseNo: order!.inspectionRef, status: 'pending' })]);
    const decision = `${path}/{applicationId}/decision`;
    const id = (applied.body as { id: string }).id;
    const granted = await sendValid('demo-dispatcher', 'POST', decision, `${url}/${id}/decision`, example(`POST ${decision}`));
    expect(client.checkAnswer('POST', decision, granted)).toEqual(OK(200));
    expect(granted.body).toMatchObject({ status: 'granted', currentRectifyBy: later });
  });

  it('has checked a real answer of every operation whose answer it describes', () => {
    expect([...client.checked].sort()).toEqual(client.documentedAnswers());
  });
});
