import { ROUTES, type RouteRule } from '../../../apps/web/src/access/route-table';
import { ROLES, type Role } from '../../../apps/web/src/access/roles';
import { createRoleAccounts, OTHER_CODE, OWN_CODE, routeSuiteTo, signIn, startFakeSuite, startWeb, type FakeSuite, type WebHarness } from './web-app.harness';

const USERNAMES: Record<Role, string> = { enterprise: 'ent', department: 'officer', dispatcher: 'dispatcher', oversight: 'overseer', admin: 'admin' };
const OWN_VISIT = 'visit-own';
const FOREIGN_VISIT = 'visit-foreign';
/** A platform case of the officer's department (SAMR), as dispatch describes it to the gateway's owner check. */
const OWN_CASE = 'FS-SAMR-2026-000901';
/** A platform case of another enterprise, ordered by another department (ENV). */
const FOREIGN_CASE = 'FS-ENV-2026-000902';
type Caller = Role | 'anonymous';
/** The colour in effect and the appeals of OWN_CODE, as oversight answers. */
const REVIEWS_OF_OWN = {
  forwarded: true,
  colour: 'red',
  appeals: [
    {
      id: 'AP-1',
      status: 'filed',
      grounds: '联系人 张三 13800138000',
      challenges: [{ kind: 'clue', recordId: 'C-1', ref: 'K7M3-9QPD', claim: '投诉的是另一家' }],
      evidence: [{ n: 0, name: '张三的说明.pdf' }],
      filedBy: 'ent',
    },
  ],
};
const FILE_OF_OWN = {
  forwarded: true,
  subject: { creditCode: OWN_CODE },
  // updatedAt as intake gives it for a clue not handled yet: the moment it came in.
  clues: [
    {
      clueId: 'C-1',
      ref: 'K7M3-9QPD',
      channel: '12345',
      receivedAt: '2026-03-02T06:41:09.000Z',
      receivedOn: '2026-03-02',
      category: 'food_safety',
      updatedAt: '2026-03-02T06:41:09.000Z',
    },
  ],
  cluesUnlinkedOnAppeal: [{ clueId: 'C-2', ref: '2XWN-H4TA', channel: 'online', receivedAt: '2026-02-01T01:00:00.000Z', receivedOn: '2026-02-01' }],
};
const CALLERS: Caller[] = ['anonymous', ...ROLES];

function pathOf(rule: RouteRule, creditCode = OWN_CODE, visit = OWN_VISIT): string {
  return (
    rule.path
      .replace(':creditCode', creditCode)
      .replace(':officerId', '44060400001')
      .replace(':id', visit)
      .replace(':caseNo', OWN_CASE)
      .replace(':seq', '1')
      .replace(':app', 'intake')
      .replace(':username', 'nobody-at-all')
      .replace(':scoreId', 'score-1')
      .replace(':n', '0')
      .replace(':item', 'FIRE-01')
      .replace(':department', 'SAMR')
      .replace(':date', '2026-10-01')
      .replace(':version', 'm-1') + (rule.personalData === 'full' ? '?reason=case%20handling' : '')
  );
}

function expected(rule: RouteRule, caller: Caller): 'open' | 401 | 403 {
  if (rule.access === 'public') return 'open';
  if (caller === 'anonymous') return 401;
  // The matrix's officer is bound to no certificate number: it has none to declare conflicts for (officer-conflicts tests the bound one).
  if (rule.ownOfficerId && caller === 'department') return 403;
  if (rule.access === 'signed-in' || rule.access.includes(caller)) return 'open';
  return 403;
}

describe('who may call which API route (the route table, enforced on the server)', () => {
  let web: WebHarness;
  let fake: FakeSuite;
  const cookies = {} as Record<Role, string>;

  beforeAll(async () => {
    web = await startWeb();
    await createRoleAccounts(web.app);
    fake = await startFakeSuite(
      {
        [OWN_VISIT]: { creditCode: OWN_CODE, departments: ['SAMR', 'FIRE'] },
        [FOREIGN_VISIT]: { creditCode: OTHER_CODE, departments: ['ENV'] },
      },
      {
        [`GET /api/reviews/enterprises/${OWN_CODE}`]: REVIEWS_OF_OWN,
        [`GET /api/enterprises/${OWN_CODE}`]: FILE_OF_OWN,
        [`GET /api/cases/${OWN_CASE}/rectification-extensions`]: { forwarded: true, caseNo: OWN_CASE, creditCode: OWN_CODE, departments: ['SAMR'] },
        [`GET /api/cases/${FOREIGN_CASE}/rectification-extensions`]: { forwarded: true, caseNo: FOREIGN_CASE, creditCode: OTHER_CODE, departments: ['ENV'] },
      },
    );
    routeSuiteTo(fake.port);
    for (const role of ROLES) cookies[role] = await signIn(web.baseUrl, USERNAMES[role]);
  });
  afterAll(async () => {
    await fake?.close();
    await web?.close();
  });

  async function call(rule: RouteRule, caller: Caller, path = pathOf(rule)) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (caller !== 'anonymous') headers.cookie = cookies[caller];
    const before = fake.seen.length;
    const body = rule.bodyCreditCode ? JSON.stringify({ creditCode: OWN_CODE }) : '{}';
    const response = await fetch(`${web.baseUrl}${path}`, { method: rule.method, headers, body: rule.method === 'GET' ? undefined : body });
    const text = await response.text();
    const reached = fake.seen.slice(before).filter((s) => s.method === rule.method && s.url.split('?')[0] === path.split('?')[0]);
    return { status: response.status, text, forwarded: reached.length > 0 };
  }

  const cases = ROUTES.flatMap((rule) => CALLERS.map((caller) => [`${rule.method} ${rule.path}`, caller, rule] as const));

  it.each(cases)('%s as %s', async (_name, caller, rule) => {
    const outcome = expected(rule, caller);
    const answer = await call(rule, caller);
    // Signing out ends the session the matrix uses: open a new one for the next routes.
    if (rule.path === '/api/auth/logout' && caller !== 'anonymous') cookies[caller] = await signIn(web.baseUrl, USERNAMES[caller]);
    if (outcome !== 'open') {
      expect(answer.status).toBe(outcome);
      expect(answer.forwarded).toBe(false);
      return;
    }
    expect([401, 403]).not.toContain(answer.status);
    if (rule.upstream) {
      expect(answer.forwarded).toBe(true);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toMatchObject({ forwarded: true });
    }
  });

  const ownedByCode = ROUTES.filter((r) => r.ownCreditCode && r.access !== 'public' && r.access !== 'signed-in' && r.access.includes('enterprise'));

  it.each(ownedByCode.map((r) => [`${r.method} ${r.path}`, r] as const))(
    'an enterprise asking %s for another enterprise gets 404 and no data',
    async (_name, rule) => {
      const answer = await call(rule, 'enterprise', pathOf(rule, OTHER_CODE));
      expect(answer.status).toBe(404);
      expect(answer.forwarded).toBe(false);
      expect(answer.text).not.toContain('forwarded');
      expect(answer.text).not.toContain(OTHER_CODE);
      // Lower-case spelling of its own code is still its own.
      expect((await call(rule, 'enterprise', pathOf(rule, OWN_CODE.toLowerCase()))).status).toBe(200);
    },
  );

  it('lets an enterprise rate only its own visits, and an officer record results only where its department goes', async () => {
    const rating = ROUTES.find((r) => r.path === '/api/visits/:id/rating')!;
    const results = ROUTES.find((r) => r.path === '/api/visits/:id/results')!;
    const foreignRating = await call(rating, 'enterprise', pathOf(rating, OWN_CODE, FOREIGN_VISIT));
    expect(foreignRating).toMatchObject({ status: 404, forwarded: false });
    expect((await call(rating, 'enterprise', pathOf(rating, OWN_CODE, 'no-such-visit'))).status).toBe(404);
    expect(await call(results, 'department', pathOf(results, OWN_CODE, FOREIGN_VISIT))).toMatchObject({ status: 404, forwarded: false });
    expect(await call(results, 'dispatcher', pathOf(results, OWN_CODE, FOREIGN_VISIT))).toMatchObject({ status: 200, forwarded: true });
  });

  it("lets an enterprise apply for more time on its own platform case only, and an officer decide its department's only", async () => {
    const rule = (method: string, path: string) => ROUTES.find((r) => r.method === method && r.path === path)!;
    const apply = rule('POST', '/api/cases/:caseNo/rectification-applications');
    const read = rule('GET', '/api/cases/:caseNo/rectification-applications');
    const decide = rule('POST', '/api/cases/:caseNo/rectification-applications/:applicationId/decision');
    const on = (r: RouteRule, caseNo: string) => r.path.replace(':caseNo', caseNo).replace(':applicationId', '7d1f3c9e-2b1a-4c5d-9e8f-0a1b2c3d4e5f');
    for (const [r, caller] of [
      [apply, 'enterprise'],
      [read, 'enterprise'],
      [decide, 'department'],
    ] as const) {
      expect(await call(r, caller, on(r, FOREIGN_CASE))).toMatchObject({ status: 404, forwarded: false });
      expect(await call(r, caller, on(r, 'FS-NONE-1'))).toMatchObject({ status: 404, forwarded: false });
      expect(await call(r, caller, on(r, OWN_CASE))).toMatchObject({ status: 200, forwarded: true });
    }
    expect(await call(decide, 'dispatcher', on(decide, FOREIGN_CASE))).toMatchObject({ status: 200, forwarded: true });
    expect(await call(read, 'oversight', on(read, FOREIGN_CASE))).toMatchObject({ status: 200, forwarded: true });
    // The applicant is the signed-in account, whatever the page sent.
    const before = fake.seen.length;
    const headers = { 'content-type': 'application/json', cookie: cookies.enterprise };
    const body = JSON.stringify({ rectifyBy: '2026-12-01', reason: '设备未到', actor: 'someone-else' });
    expect((await fetch(`${web.baseUrl}${on(apply, OWN_CASE)}`, { method: 'POST', headers, body })).status).toBe(200);
    const forwarded = fake.seen.slice(before).find((x) => x.method === 'POST' && x.url === on(apply, OWN_CASE))!;
    expect(JSON.parse(forwarded.body)).toMatchObject({ actor: USERNAMES.enterprise });
  });

  it('lets an enterprise file and follow only its own appeals, and names the signed-in account as the actor', async () => {
    const file = ROUTES.find((r) => r.method === 'POST' && r.path === '/api/appeals')!;
    const headers = { 'content-type': 'application/json', cookie: cookies.enterprise };
    const forOther = await fetch(`${web.baseUrl}/api/appeals`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ creditCode: OTHER_CODE, grounds: 'not ours at all' }),
    });
    expect(forOther.status).toBe(404);
    const before = fake.seen.length;
    const own = await fetch(`${web.baseUrl}${file.path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ creditCode: OWN_CODE.toLowerCase(), grounds: 'not ours at all', actor: 'someone-else' }),
    });
    expect(own.status).toBe(200);
    const forwarded = fake.seen.slice(before).find((s) => s.url === '/api/appeals')!;
    expect(JSON.parse(forwarded.body)).toMatchObject({ actor: USERNAMES.enterprise, creditCode: OWN_CODE.toLowerCase() });
    const view = ROUTES.find((r) => r.method === 'GET' && r.path === '/api/appeals/:id')!;
    // (the gateway's ownership lookup is itself a GET of this path, so "reached the app" says nothing here: the answer must hold no data)
    const foreign = await call(view, 'enterprise', pathOf(view, OWN_CODE, FOREIGN_VISIT));
    expect(foreign.status).toBe(404);
    expect(foreign.text).not.toContain('forwarded');
    expect(await call(view, 'enterprise', pathOf(view, OWN_CODE, OWN_VISIT))).toMatchObject({ status: 200, forwarded: true });
    expect(await call(view, 'oversight', pathOf(view, OWN_CODE, FOREIGN_VISIT))).toMatchObject({ status: 200, forwarded: true });
  });

  it('names the signed-in administrator as the one who replays or discards a quarantined record, whatever the page sent', async () => {
    const headers = { 'content-type': 'application/json', cookie: cookies.admin };
    for (const [act, body] of [
      ['replay', { corrections: { established_on: '2019-01-01' }, actor: 'someone-else' }],
      ['discard', { reason: 'a test row', actor: 'someone-else' }],
    ] as const) {
      const before = fake.seen.length;
      const answer = await fetch(`${web.baseUrl}/api/quarantine/7/${act}`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(answer.status).toBe(200);
      const forwarded = fake.seen.slice(before).find((s) => s.url === `/api/quarantine/7/${act}`)!;
      expect(JSON.parse(forwarded.body)).toEqual({ ...body, actor: USERNAMES.admin });
    }
    // Only an administrator reaches a rejected record: it may hold (masked) personal data of anyone.
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect((await fetch(`${web.baseUrl}/api/quarantine/7`, { headers: { cookie: cookies[role] } })).status).toBe(403);
    }
  });

  it('logs every view of an enterprise file, which carries (masked) personal data', async () => {
    await web.dataSource.query(`DELETE FROM web.personal_data_views`);
    const file = ROUTES.find((r) => r.path === '/api/enterprises/:creditCode')!;
    await call(file, 'enterprise');
    await call(file, 'department');
    await call(file, 'enterprise', pathOf(file, OTHER_CODE));
    const log = await fetch(`${web.baseUrl}/api/access-log`, { headers: { cookie: cookies.oversight } });
    const rows = (await log.json()) as { username: string; creditCode: string; shown: string }[];
    expect(rows.map((r) => [r.username, r.creditCode, r.shown])).toEqual([
      ['officer', OWN_CODE, 'masked'],
      ['ent', OWN_CODE, 'masked'],
    ]);
    const onlyFull = await fetch(`${web.baseUrl}/api/access-log?shown=full`, { headers: { cookie: cookies.oversight } });
    expect(await onlyFull.json()).toEqual([]);
    expect((await fetch(`${web.baseUrl}/api/access-log?shown=everything`, { headers: { cookie: cookies.oversight } })).status).toBe(400);
  });

  it("shows personal data in full only with a reason, after oversight's record has logged the read", async () => {
    const rule = ROUTES.find((r) => r.personalData === 'full')!;
    const bare = pathOf(rule).split('?')[0];
    expect(await call(rule, 'department', bare)).toMatchObject({ status: 400, forwarded: false });
    const notACode = await call(rule, 'department', pathOf(rule, 'NOPE'));
    expect(notACode).toMatchObject({ status: 400, forwarded: false });
    expect(notACode.text).toMatch(/credit code/);
    const before = fake.seen.length;
    expect((await call(rule, 'department')).status).toBe(200);
    const [logged, served] = fake.seen.slice(before);
    expect(logged).toMatchObject({ method: 'POST', url: '/api/audit/personal-data-reads' });
    expect(JSON.parse(logged.body)).toMatchObject({ actor: USERNAMES.department, role: 'department', creditCode: OWN_CODE, reason: 'case handling' });
    expect(served.url.split('?')[0]).toBe(bare);
    process.env.PORT_OVERSIGHT = '1';
    try {
      expect(await call(rule, 'department')).toMatchObject({ status: 503, forwarded: false });
    } finally {
      routeSuiteTo(fake.port);
    }
    const log = (await (await fetch(`${web.baseUrl}/api/access-log`, { headers: { cookie: cookies.oversight } })).json()) as {
      shown: string;
      username: string;
    }[];
    expect(log[0]).toMatchObject({ shown: 'full', username: USERNAMES.department });
    const fullViews = (await (await fetch(`${web.baseUrl}/api/access-log?shown=full`, { headers: { cookie: cookies.oversight } })).json()) as {
      shown: string;
    }[];
    expect(fullViews.length).toBeGreaterThan(0);
    expect(fullViews.every((view) => view.shown === 'full')).toBe(true);
  });

  it('shows an enterprise the day and reference of each complaint in its file, not the hour, channel or id that could point to who made it', async () => {
    const rule = ROUTES.find((r) => r.method === 'GET' && r.path === '/api/enterprises/:creditCode')!;
    const own = JSON.parse((await call(rule, 'enterprise')).text);
    expect(own.clues).toEqual([{ ref: 'K7M3-9QPD', receivedOn: '2026-03-02', category: 'food_safety' }]);
    expect(own.cluesUnlinkedOnAppeal).toEqual([{ ref: '2XWN-H4TA', receivedOn: '2026-02-01' }]);
    for (const caller of ['department', 'dispatcher'] as const) {
      expect(JSON.parse((await call(rule, caller)).text)).toEqual(FILE_OF_OWN);
    }
  });

  it("keeps an enterprise's appeal texts from the bureau, and shows them to the enterprise and oversight", async () => {
    const rule = ROUTES.find((r) => r.path === '/api/reviews/enterprises/:creditCode')!;
    for (const caller of ['department', 'dispatcher'] as const) {
      const answer = await call(rule, caller);
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({
        forwarded: true,
        colour: 'red',
        appeals: [{ id: 'AP-1', status: 'filed', challenges: [{ kind: 'clue', recordId: 'C-1', ref: 'K7M3-9QPD' }] }],
      });
    }
    expect(JSON.parse((await call(rule, 'oversight')).text)).toEqual(REVIEWS_OF_OWN);
    // The enterprise reads its own words, and its complaint by reference only.
    const ownAppeal = REVIEWS_OF_OWN.appeals[0];
    expect(JSON.parse((await call(rule, 'enterprise')).text)).toEqual({
      ...REVIEWS_OF_OWN,
      appeals: [{ ...ownAppeal, challenges: [{ kind: 'clue', ref: 'K7M3-9QPD', claim: '投诉的是另一家' }] }],
    });
  });

  it('refuses routes that are not in the table, whoever asks', async () => {
    expect((await fetch(`${web.baseUrl}/api/not-a-route`, { headers: { cookie: cookies.admin } })).status).toBe(404);
    expect((await fetch(`${web.baseUrl}/api/enterprises/${OWN_CODE}`, { method: 'DELETE', headers: { cookie: cookies.admin } })).status).toBe(405);
    expect((await fetch(`${web.baseUrl}/api/intake-internal/anything`, { headers: { cookie: cookies.dispatcher } })).status).toBe(404);
  });

  it('refuses every route spelt in another case or with encoded letters, and serves or forwards nothing', async () => {
    const spellings = (path: string) => [
      path.replace('/api/', '/API/'),
      path.replace('/api/', '/Api/'),
      path.toUpperCase(),
      path.replace('/api/', '/%61pi/'),
      `/${path}`,
    ];
    for (const rule of ROUTES) {
      for (const path of spellings(pathOf(rule))) {
        const before = fake.seen.length;
        const body = rule.method === 'GET' ? undefined : JSON.stringify({ username: 'sneaky', password: 'sneaky-password-1', role: 'admin' });
        const response = await fetch(`${web.baseUrl}${path}`, { method: rule.method, headers: { 'content-type': 'application/json' }, body });
        expect({ path, method: rule.method, status: response.status }).toEqual({ path, method: rule.method, status: 404 });
        expect(fake.seen.length).toBe(before);
      }
    }
    const accounts = (await (await fetch(`${web.baseUrl}/api/accounts`, { headers: { cookie: cookies.admin } })).json()) as { username: string }[];
    expect(accounts.map((a) => a.username)).not.toContain('sneaky');
  });

  it('still decides before forwarding when the other services are down, and says they are down', async () => {
    routeSuiteTo(1); // nothing listens on port 1
    try {
      const scores = ROUTES.find((r) => r.path === '/api/scores/:creditCode')!;
      const own = await call(scores, 'enterprise');
      expect(own.status).toBe(503);
      expect(JSON.parse(own.text)).toMatchObject({ code: 'upstream_unavailable', app: 'scoring' });
      expect((await call(scores, 'enterprise', pathOf(scores, OTHER_CODE))).status).toBe(404);
      expect((await call(scores, 'anonymous')).status).toBe(401);
      expect((await call(scores, 'admin')).status).toBe(403);
    } finally {
      routeSuiteTo(fake.port);
    }
  });

  it('describes every route of the table in the OpenAPI document it serves', async () => {
    const doc = (await (await fetch(`${web.baseUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { 'x-roles': unknown }>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    for (const rule of ROUTES) {
      expect(doc.paths[rule.path.replace(/:([A-Za-z]+)/g, '{$1}')]?.[rule.method.toLowerCase()]?.['x-roles']).toEqual(rule.access);
    }
  });
});
